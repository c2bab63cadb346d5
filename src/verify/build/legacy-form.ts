// The `cog debug` Dockerfile in a form the offline legacy builder can build (no BuildKit, no
// pulls), with the same image content where it matters for size and build time:
//   RUN --mount=type=cache,...  -> the same RUN without the cache mount (does not change the image)
//   COPY --from=cog_build requirements.txt X -> COPY of the same requirements, added to the context
//   COPY --from=ghcr.io/astral-sh/uv:V /uv /uvx DEST -> RUN pip install uv==V (same binaries, from PyPI)
// Other `COPY --from=<registry image>` lines are dropped with a note. Used by bench/verify-images.ts.

import { instructions } from './from-lines.js';

/** Where the requirements file goes in the build context. */
export const REQS = '.cog-migrate-bench/requirements.txt';

/** The legacy-builder form of a `cog debug` Dockerfile (see the header), with what was changed. */
export function legacyCogDebug(text: string): { text: string; notes: string[] } {
  const out: string[] = [];
  const notes: string[] = [];
  for (const ins of instructions(text)) {
    let args = ins.args;
    if (ins.keyword === 'RUN' && /^--mount=/.test(args)) {
      args = args.replace(/^(--mount=\S+\s+)+/, '');
      notes.push('RUN --mount=type=cache: cache mount dropped');
    }
    if (ins.keyword === 'COPY') {
      const from = /^--from=(\S+)\s+(.*)$/.exec(args);
      if (from?.[1] === 'cog_build') {
        out.push(`COPY ${from[2]!.replace(/^requirements\.txt\b/, REQS)}`);
        notes.push('COPY --from=cog_build: requirements.txt added to the context');
        continue;
      }
      const uv = from && /^ghcr\.io\/astral-sh\/uv:(\S+)$/.exec(from[1]!);
      if (uv) {
        out.push(`RUN pip install --no-cache-dir uv==${uv[1]}`);
        notes.push(`COPY --from=ghcr.io/astral-sh/uv:${uv[1]}: uv ${uv[1]} installed from PyPI instead`);
        continue;
      }
      if (from && /[/:.]/.test(from[1]!)) {
        notes.push(`COPY --from=${from[1]}: dropped (a registry image cannot be pulled here)`);
        continue;
      }
    }
    out.push(`${ins.keyword} ${args}`);
  }
  return { text: out.join('\n') + '\n', notes: [...new Set(notes)] };
}
