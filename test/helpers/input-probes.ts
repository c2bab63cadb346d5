// Probes of an input contract, for tests that hold a platform's input validation against Cog's
// schema: the example input with one change per probe (each input left out, given a value of
// every other JSON type, null, at and beyond its bounds and lengths, each choice and one outside
// them, lists with items of the wrong type), and a JSON Schema validator (ajv, which implements
// OpenAPI's `nullable`) on the `Input` component of the schema a converted model validates
// against (`runtimeValues`). Formats are not judged: Cog downloads whatever a file input names.

import { Ajv } from 'ajv';
import { toOpenApi } from '../../src/ir/openapi.js';
import type { CogIR, Input, Predictor } from '../../src/ir/types.js';
import { deriveExamples } from '../../src/verify/smoke/examples.js';
import { inputContracts, requestSchema, type InputContract } from './input-contract.js';

type Json = Record<string, unknown>;

export interface Probe { what: string; input: Json }

const OTHER_TYPES: unknown[] = [12345, 1.5, 'text', true, [], {}];

/** A valid input for `predictor` (files as data URIs), or undefined when none can be derived. */
export function validExample(predictor: Predictor): Json | undefined {
  const ex = deriveExamples(predictor);
  if (Object.keys(ex.missing).length > 0) return undefined;
  const valid: Json = { ...ex.values };
  for (const name of Object.keys(ex.files)) valid[name] = 'data:text/plain;base64,aGk=';
  return valid;
}

/** Probes for one input, each a full request input (the valid example with one change). */
export function probes(input: Input, contract: InputContract, valid: Json): Probe[] {
  const out: Probe[] = [{ what: 'the example input', input: valid }];
  const set = (what: string, v: unknown) => out.push({ what: `${input.name} = ${what}`, input: { ...valid, [input.name]: v } });
  const { [input.name]: _, ...without } = valid;
  out.push({ what: `${input.name} left out`, input: without });
  for (const v of OTHER_TYPES) set(JSON.stringify(v), v);
  set('null', null);
  const step = contract.type === 'integer' ? 1 : 0.001;
  for (const bound of [contract.minimum, contract.maximum]) {
    if (bound === undefined) continue;
    for (const d of [-step, 0, step]) set(String(bound + d), bound + d);
  }
  for (const length of [contract.minLength, contract.maxLength]) {
    if (length === undefined) continue;
    for (const n of [length - 1, length, length + 1]) {
      if (n < 0) continue;
      if (contract.type === 'array') set(`a list of ${n}`, Array.from({ length: n }, (_v, k) => (Array.isArray(valid[input.name]) ? (valid[input.name] as unknown[])[0] ?? k : k)));
      else set(`${n} characters`, 'x'.repeat(n));
    }
  }
  for (const c of contract.enum ?? []) set(JSON.stringify(c), c);
  if (contract.enum) set('a value outside the choices', typeof contract.enum[0] === 'number' ? 987654 : 'not-a-choice');
  if (contract.type === 'array') for (const item of [1, 'x', true, {}]) set(`[${JSON.stringify(item)}]`, [item]);
  return out;
}

/** The schema the model validates against, compiled, and its input contracts. */
export function inputSchemaValidator(ir: CogIR): { validate: (v: unknown) => boolean; contracts: Record<string, InputContract> } {
  const doc = toOpenApi(ir, { runtimeValues: true }) as Json;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema({ $id: 'cog', components: doc['components'] }, 'cog');
  const validate = ajv.compile({ $ref: 'cog#/components/schemas/Input' });
  return { validate: (v) => validate(v) as boolean, contracts: inputContracts(doc, requestSchema(doc, { component: 'Input' })!) };
}

