// Hand-built IRs of the oracle-only projects under test/oracle/projects/: what the Cog
// frontend must extract from each. The oracle test holds our schema for these IRs against
// Cog's own, so the generator is proven before (and independently of) the extractor.

import type { CogIR } from '../../src/ir/types.js';
import { inputs, ir, lit, predictor, t } from './helpers/ir-builder.js';

export const oracleProjectIrs: Record<string, CogIR> = {
  'inputs-all-types': ir({
    predict: predictor(
      'predict',
      inputs(
        ['prompt', t.str(), { description: 'Prompt', minLength: 1, maxLength: 200 }],
        ['steps', t.int(), { description: 'Steps', default: lit(25), ge: 1, le: 100 }],
        ['guidance', t.float(), { default: lit(7.5), ge: 0, le: 20 }],
        ['upscale', t.bool(), { default: lit(false) }],
        ['image', t.path(), { description: 'Image' }],
        ['archive', t.file(), { default: lit(null) }],
        ['token', t.secret(), { description: 'Token' }],
        ['extra', t.any(), { default: lit(null) }],
        ['options', t.dict(), { default: lit(null) }],
        ['tags', t.list(t.str()), { default: lit(['a', 'b']) }],
        ['masks', t.list(t.path()), { description: 'Masks' }],
        ['negative_prompt', t.optional(t.str()), { default: lit(null) }],
        ['seed', t.int(), { default: lit(null), description: 'Random when unset' }],
        ['weights', t.list(t.float()), { default: lit([0.5, 0.5]) }],
        ['scheduler', t.str(), { default: lit('DDIM'), choices: lit(['DDIM', 'K_EULER', 'PNDM']) }],
        ['size', t.int(), { default: lit(512), choices: lit([256, 512, 1024]) }],
        ['pattern_text', t.str(), { default: lit('abc'), regex: '^[a-z]+$' }],
        ['old_flag', t.bool(), { default: lit(true), deprecated: true }],
        ['bare', t.int(), { default: lit(3), spelling: 'plain' }],
        ['maybe_count', t.optional(t.int()), { description: 'no default' }],
      ),
      t.str(),
    ),
  }),

  'output-basemodel': ir({
    predict: predictor(
      'predict',
      inputs(['text', t.str(), { description: 'Text' }]),
      t.object('Output', [
        ['text', t.str()],
        ['score', t.float()],
        ['image', t.path()],
        ['segments', t.list(t.float())],
        ['note', t.optional(t.str())],
        ['count', t.int(), lit(0)],
      ]),
    ),
  }),

  'iterator-of-paths': ir({
    predict: predictor(
      'predict',
      inputs(
        ['num_frames', t.int(), { default: lit(8), ge: 1, le: 64, description: 'How many frames' }],
        ['fps', t.float(), { default: lit(12) }],
      ),
      t.iterator(t.path()),
    ),
  }),

  'concatenate-optional-secret': ir({
    predict: predictor(
      'predict',
      inputs(
        ['prompt', t.str(), { spelling: 'plain' }],
        ['system_prompt', t.optional(t.str()), { default: lit(null), spelling: 'plain' }],
        ['max_tokens', t.int(), { default: lit(512), ge: 1, le: 4096 }],
        ['temperature', t.optional(t.float()), { default: lit(null), ge: 0, le: 2 }],
        ['api_key', t.secret(), { default: lit(null), description: 'Bring your own key' }],
        ['stop', t.optional(t.list(t.str())), { default: lit(null) }],
      ),
      t.asyncConcat(),
      { isAsync: true },
    ),
  }),

  'train-only': ir({
    train: predictor(
      'train',
      inputs(
        ['input_images', t.path(), { description: 'A zip of images' }],
        ['learning_rate', t.float(), { default: lit(1e-4), ge: 0 }],
        ['max_train_steps', t.int(), { default: lit(1000) }],
        ['caption_prefix', t.str(), { default: lit('a photo of TOK') }],
      ),
      t.object('TrainingOutput', [['weights', t.path()]]),
    ),
  }),

  'predict-and-train': ir({
    predict: predictor(
      'predict',
      inputs(['prompt', t.str(), { description: 'Prompt' }], ['lora_scale', t.float(), { default: lit(1.0), ge: 0, le: 2 }]),
      t.path(),
    ),
    train: predictor(
      'train',
      inputs(
        ['images', t.path(), { description: 'Training images' }],
        ['rank', t.int(), { default: lit(16), choices: lit([4, 8, 16, 32]) }],
        ['resolution', t.str(), { default: lit('512'), choices: lit(['512', '768', '1024']) }],
      ),
      t.path(),
    ),
  }),

  'heavy-imports': ir({
    predict: predictor(
      'predict',
      inputs(
        ['prompt', t.str(), { description: 'Prompt' }],
        ['num_outputs', t.int(), { default: lit(1), ge: 1, le: 4 }],
        ['scheduler', t.str(), { default: lit('DPM'), choices: lit(['DPM', 'DDIM']) }],
      ),
      t.list(t.path()),
    ),
  }),

  'any-output-odd-names': ir({
    predict: predictor(
      'predict',
      inputs(
        ['HDR_mode', t.bool(), { default: lit(false) }],
        ['lora_2x', t.float(), { default: lit(0.5), deprecated: false }],
        ['loraURL', t.str(), { default: lit(''), description: 'Weights URL' }],
        ['payload', t.dict(), { description: 'JSON' }],
        ['items', t.list(t.any()), { default: lit(null) }],
      ),
      t.any(),
      { kind: 'function', name: 'predict', ref: 'predict.py:predict' },
    ),
  }),

  'pydantic-output-list-choices': ir({
    predict: predictor(
      'predict',
      inputs(
        ['languages', t.list(t.str()), { description: 'Pick some', choices: lit(['en', 'de', 'fr']), default: lit(['en']) }],
        ['threshold', t.float(), { default: lit(0), ge: -1.5, le: 1.5 }],
        ['quality', t.int(), { default: lit(3), choices: lit([1, 2, 3]), description: 'Quality level' }],
      ),
      t.object('Result', [['label', t.str()], ['confidence', t.float()], ['extra', t.dict()], ['anything', t.any()], ['top_k', t.list(t.int())]]),
    ),
  }),

  'future-annotations-iterator-of-dicts': ir({
    predict: predictor(
      'predict',
      inputs(
        ['source', t.file(), { spelling: 'plain' }],
        ['token', t.optional(t.secret()), { default: lit(null), description: 'Optional token' }],
        ['limit', t.optional(t.int()), { default: lit(10), ge: 0 }],
        ['paths', t.optional(t.list(t.path())), { default: lit(null), spelling: 'plain' }],
        ['label', t.str(), { default: lit('hello\nworld "quoted" — ünïcode ✓'), maxLength: 100 }],
      ),
      t.iterator(t.dict()),
      { kind: 'function', name: 'predict', ref: 'predict.py:predict' },
    ),
  }),

  'path-default': ir({
    predict: predictor(
      'predict',
      inputs(
        ['image', t.path(), { description: 'Image', default: lit('https://example.com/cat.png') }],
        ['strength', t.float(), { default: lit(1), ge: 0, le: 1 }],
      ),
      t.path(),
    ),
  }),
};
