// The generated `cog` compatibility package, shared by every target: predictors keep
// `from cog import BasePredictor, Input, Path, ...` where the real Cog SDK is not installed.
// Adapters put the project folder first on sys.path, so this package wins over a stray `cog`.

import type { EmittedFile } from '../target/types.js';
import { COG_INIT_PY, COG_TYPES_PY } from './cog-module.js';

/** Names the compatibility module provides (for docs and for checks against predictor imports). */
export const COG_COMPAT_NAMES = [
  'AsyncConcatenateIterator', 'BaseModel', 'BasePredictor', 'BaseRunner', 'CancelationException',
  'ConcatenateIterator', 'ExperimentalFeatureWarning', 'File', 'Input', 'Path', 'Predictor', 'Secret',
  'URLPath', 'current_scope', 'emit_metric', 'input',
] as const;

/** The package's files, placed under `dir` (the output root by default). Same bytes every call. */
export function cogCompatFiles(dir = ''): EmittedFile[] {
  const prefix = dir === '' ? '' : `${dir.replace(/\/+$/, '')}/`;
  return [
    { path: `${prefix}cog/__init__.py`, text: COG_INIT_PY },
    { path: `${prefix}cog/types.py`, text: COG_TYPES_PY },
  ];
}
