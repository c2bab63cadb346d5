// Types of `cog-migrate clients`: which models moved where, and what a rewrite of one file gives.

import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';

export type ClientTarget = 'fal' | 'modal' | 'workers-ai';
export const CLIENT_TARGETS: readonly ClientTarget[] = ['fal', 'modal', 'workers-ai'];

/** One `--model owner/name[:version]=TARGET_ID`. */
export interface ModelMapping {
  owner: string;
  name: string;
  /** When given, only calls naming this version match. */
  version?: string;
  /**
   * Where the model lives now. fal: the app id (`owner/app`, optionally `/path`). Modal:
   * `app-name/ClassName[.method]` or the https URL of its Cog-compatible web endpoint.
   * Workers AI: the model name `env.AI.run` takes.
   */
  targetId: string;
  /** The model's IR, for input checks and output shape (from --ir). */
  ir?: CogIR;
  /** The --model text as given, for messages. */
  spec: string;
}

export interface ClientsOptions {
  to: ClientTarget;
  models: readonly ModelMapping[];
}

/** The result of rewriting one source file. `after` equals `before` when nothing changed. */
export interface FileRewrite {
  /** Path relative to the PATH argument it was found under (POSIX separators), for messages. */
  file: string;
  /** Absolute path on disk. */
  absPath: string;
  before: string;
  after: string;
  findings: Finding[];
}

/** A replacement of `[start, end)` of the original text (string offsets). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits to `text`; later edits first so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at ${e.start}-${e.end}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
