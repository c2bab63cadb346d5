// Which Cloudflare Containers instance type a CPU model gets, from what its build declares.
// The types and their limits are Cloudflare's published table (data/instance-types.json, with its
// source and the date it was read); docs/targets/workers-ai.md shows the same table and this rule.

import data from './data/instance-types.json' with { type: 'json' };
import type { CogIR } from '../../src/ir/types.js';

export interface InstanceType {
  name: string;
  vcpu: number;
  memoryMib: number;
  diskMb: number;
}

interface InstanceTypeData {
  source: string;
  retrieved: string;
  instanceTypes: InstanceType[];
}

export const INSTANCE_TYPE_DATA: InstanceTypeData = data;
export const INSTANCE_TYPES: readonly InstanceType[] = INSTANCE_TYPE_DATA.instanceTypes;

export function instanceTypeNamed(name: string): InstanceType | undefined {
  return INSTANCE_TYPES.find((t) => t.name === name);
}

/** Frameworks whose import alone takes gigabytes of memory, and large tensor libraries. */
const HEAVY = new Set(['torch', 'tensorflow', 'tensorflow-cpu', 'jax', 'jaxlib', 'transformers', 'diffusers', 'onnxruntime', 'sentence-transformers', 'vllm', 'paddlepaddle', 'mxnet']);
/** Array and image libraries: more than a toy model, less than a deep-learning framework. */
const MEDIUM = new Set(['numpy', 'scipy', 'pandas', 'scikit-learn', 'opencv-python', 'opencv-python-headless', 'pillow', 'librosa', 'soundfile', 'spacy', 'nltk', 'xgboost', 'lightgbm']);

export interface InstanceChoice {
  type: InstanceType;
  /** Why, in the user's words (what the build declares). */
  reason: string;
  /** Set when the build suggests a model larger than the biggest container holds. */
  mayNotFit?: string;
}

/** Libraries that usually come with multi-gigabyte checkpoints. */
const LARGE_MODELS = new Set(['diffusers', 'vllm', 'transformers', 'accelerate', 'xformers']);

/**
 * The rule: a deep-learning framework or declared weights need standard-2 (1 vCPU, 6 GiB): the
 * framework's import plus a small model's weights do not fit the 4 GiB of standard-1; array and
 * image libraries get standard-1 (4 GiB); anything lighter gets basic (1 GiB), enough for
 * Python, Cog's server and a small model. Larger models set --instance-type.
 */
export function chooseInstanceType(ir: CogIR): InstanceChoice {
  const names = ir.build.pythonRequirements.map((r) => r.name).filter((n): n is string => n !== undefined);
  const large = names.find((n) => LARGE_MODELS.has(n));
  const mayNotFit = large ? `the requirements install ${large}, whose models are often larger than 12 GiB of memory` : ir.runtime.weights.length > 0 ? 'cog.yaml declares weights, which count against the 20 GB disk with the image' : undefined;
  const heavy = names.find((n) => HEAVY.has(n));
  if (heavy) return { type: instanceTypeNamed('standard-2')!, reason: `the requirements install ${heavy}`, ...(mayNotFit ? { mayNotFit } : {}) };
  if (ir.runtime.weights.length > 0) return { type: instanceTypeNamed('standard-2')!, reason: 'cog.yaml declares weights', ...(mayNotFit ? { mayNotFit } : {}) };
  const medium = names.find((n) => MEDIUM.has(n));
  if (medium) return { type: instanceTypeNamed('standard-1')!, reason: `the requirements install ${medium}` };
  return { type: instanceTypeNamed('basic')!, reason: 'the requirements install no array, image or deep-learning library' };
}
