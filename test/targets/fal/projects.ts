// The IRs of the small projects under projects/, written by hand to match their predict.py (the
// extractor will produce them once it lands). Each project exercises a different predictor shape.

import { fileURLToPath } from 'node:url';
import type { CogIR } from '../../../src/ir/types.js';
import { cogIR, input, loc, predictor } from './ir-builders.js';

export const PROJECTS_DIR = fileURLToPath(new URL('./projects/', import.meta.url));

export interface Project {
  dir: string;
  className: string;
  ir: CogIR;
}

/** Class predictor, Path in and out, choices, ge/le, setup(weights), gpu, concurrency. */
export const imageInvert: Project = {
  dir: 'image-invert',
  className: 'ImageInvert',
  ir: cogIR({
    name: 'image-invert',
    gpu: true,
    concurrency: 2,
    predict: predictor({
      setup: { isAsync: false, weightsParameter: { name: 'weights', type: { kind: 'path' }, loc: loc('predict.py', 8, 20) }, loc: loc('predict.py', 8) },
      inputs: [
        input('image', { kind: 'path' }, { description: 'File to invert' }),
        input('mode', { kind: 'str' }, { description: 'How to invert', default: { kind: 'literal', value: 'xor' }, choices: { kind: 'literal', value: ['xor', 'reverse'] } }),
        input('repeat', { kind: 'int' }, { description: 'Times to apply', default: { kind: 'literal', value: 1 }, ge: 1, le: 3 }),
      ],
      output: { kind: 'path' },
    }),
  }),
};

/** ConcatenateIterator[str] output: a streaming endpoint. */
export const textStream: Project = {
  dir: 'text-stream',
  className: 'TextStream',
  ir: cogIR({
    name: 'text-stream',
    predict: predictor({
      setup: undefined,
      inputs: [
        input('prompt', { kind: 'str' }, { description: 'Text with "quotes", \\ backslashes and {{braces}}' }),
        input('shout', { kind: 'bool' }, { default: { kind: 'literal', value: false } }),
      ],
      output: { kind: 'concatenateIterator', items: { kind: 'str' } },
    }),
  }),
};

/** BaseRunner in a subfolder with a hyphenated file, a local import, Secret, BaseModel output. */
export const runnerObject: Project = {
  dir: 'runner-object',
  className: 'RunnerObject',
  ir: cogIR({
    name: 'runner-object',
    predict: predictor({
      ref: 'predictors/my-model.py:Runner',
      file: 'predictors/my-model.py',
      name: 'Runner',
      kind: 'runner',
      method: 'run',
      localImports: ['helpers.py'],
      setup: { isAsync: false, loc: loc('predictors/my-model.py', 17) },
      inputs: [
        input('text', { kind: 'str' }, { description: 'Grüße, """tri-quoted""" and \\n literally' }),
        input('token', { kind: 'secret' }, { description: 'API token', default: { kind: 'literal', value: null } }),
      ],
      output: {
        kind: 'object',
        name: 'Output',
        loc: loc('predictors/my-model.py', 11),
        fields: [
          { name: 'text', type: { kind: 'str' }, loc: loc('predictors/my-model.py', 12) },
          { name: 'length', type: { kind: 'int' }, loc: loc('predictors/my-model.py', 13) },
          { name: 'file', type: { kind: 'path' }, loc: loc('predictors/my-model.py', 14) },
        ],
      },
    }),
  }),
};

/** Async function predictor, a non-literal default (CM401), float choices. */
export const asyncFunction: Project = {
  dir: 'async-function',
  className: 'AsyncFunction',
  ir: cogIR({
    name: 'async-function',
    predict: predictor({
      ref: 'predict.py:predict',
      name: 'predict',
      kind: 'function',
      method: undefined,
      isAsync: true,
      setup: undefined,
      inputs: [
        input('a', { kind: 'int' }, { description: 'First number' }),
        input('b', { kind: 'int' }, { description: 'Second number', default: { kind: 'source', text: 'LIMIT - 8' } }),
        input('factor', { kind: 'float' }, { default: { kind: 'literal', value: 1.0 }, choices: { kind: 'literal', value: [0.5, 1.0, 2.0] } }),
      ],
      output: { kind: 'float' },
    }),
  }),
};

/** Async generator of files, async setup, an optional file input defaulting to None. */
export const asyncFrames: Project = {
  dir: 'async-frames',
  className: 'AsyncFrames',
  ir: cogIR({
    name: 'async-frames',
    concurrency: 8,
    predict: predictor({
      isAsync: true,
      setup: { isAsync: true, loc: loc('predict.py', 9) },
      inputs: [
        input('count', { kind: 'int' }, { description: 'Frames to make', default: { kind: 'literal', value: 2 }, ge: 1, le: 5 }),
        input('seed_file', { kind: 'optional', inner: { kind: 'path' } }, { description: 'Bytes to start from', default: { kind: 'literal', value: null } }),
      ],
      output: { kind: 'asyncIterator', items: { kind: 'path' } },
    }),
  }),
};

export const PROJECTS: Project[] = [imageInvert, textStream, runnerObject, asyncFunction, asyncFrames];
