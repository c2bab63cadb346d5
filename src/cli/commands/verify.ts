import { statSync } from 'node:fs';
import { verify, type VerifyLevel } from '../../verify/index.js';
import type { CogIR } from '../../ir/types.js';
import { exitCodeFor, UsageError, type ExitCode } from '../exit.js';
import { reportFindings, type Io } from '../io.js';

export interface VerifyOptions {
  level: string;
  example?: string;
  timeout?: string;
  strict?: boolean;
}

const LEVELS: VerifyLevel[] = ['static', 'build', 'smoke'];

/** `--verify LEVEL` on convert: the conversion has just been written; its IR drives the smoke inputs. */
export async function runVerify(outDir: string, opts: VerifyOptions, io: Io, ir?: CogIR): Promise<{ code: ExitCode }> {
  if (!(LEVELS as string[]).includes(opts.level)) throw new UsageError(`--level ${opts.level} is not a verification level`, `use one of ${LEVELS.join(', ')}`);
  // A mistyped folder is the user's slip, not a fault of verify's (it was exit 3, ENOENT).
  if (!statSync(outDir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${outDir} is not a folder`, 'give the folder `cog-migrate DIR --to TARGET` wrote');
  const timeoutMs = opts.timeout ? Number(opts.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new UsageError(`--timeout ${opts.timeout} is not a positive number of seconds`);
  const result = await verify(outDir, {
    level: opts.level as VerifyLevel,
    ...(opts.example ? { example: opts.example } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    onProgress: (line: string) => io.err(line),
    ...(ir ? { ir } : {}),
  });
  for (const step of result.steps) io.out(formatStep(step));
  reportFindings(io, result.findings);
  return { code: exitCodeFor(result.findings, opts.strict ?? false) };
}

function formatStep(step: { name: string; ok: boolean; durationMs?: number; detail?: string }): string {
  const time = step.durationMs !== undefined ? ` (${(step.durationMs / 1000).toFixed(1)} s)` : '';
  return `${step.ok ? 'ok  ' : 'FAIL'} ${step.name}${time}${step.detail ? `: ${step.detail}` : ''}`;
}
