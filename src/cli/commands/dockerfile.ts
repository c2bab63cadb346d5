import { readFileSync } from 'node:fs';
import { readCog } from '../../frontends/cog/index.js';
import { dockerfileFor, explainDockerfile, parseDockerfile, pruneDockerfile, renderDockerfile } from '../../dockerfile/index.js';
import type { TargetName } from '../../target/types.js';
import { EXIT, exitCodeFor, UsageError, type ExitCode } from '../exit.js';
import { reportFindings, type Io } from '../io.js';
import { visible } from '../../findings/reporters/escape.js';

export interface DockerfileOptions {
  for: string;
  fromCogDebug?: string;
  explain?: boolean;
  strict?: boolean;
}

const FOR_VALUES: TargetName[] = ['fal', 'modal', 'workers-ai', 'cog'];

export function runDockerfile(dir: string | undefined, opts: DockerfileOptions, io: Io): { code: ExitCode } {
  if (!(FOR_VALUES as string[]).includes(opts.for)) throw new UsageError(`--for ${opts.for} is not a target`, `use one of ${FOR_VALUES.join(', ')}`);
  const target = opts.for as TargetName;
  const read = dir ? readCog(dir) : undefined;
  if (read && !read.ir) {
    reportFindings(io, read.findings);
    return { code: EXIT.findings };
  }
  let plan;
  if (opts.fromCogDebug) {
    let text: string;
    try {
      text = readFileSync(opts.fromCogDebug, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${opts.fromCogDebug}: ${(e as Error).message}`);
    }
    plan = pruneDockerfile(parseDockerfile(text), target, read?.ir);
  } else {
    if (!read?.ir) throw new UsageError('give a project directory, or --from-cog-debug FILE');
    plan = dockerfileFor(read.ir, target);
  }
  io.out(terminalSafe(opts.explain ? explainDockerfile(plan) : renderDockerfile(plan.pruned)));
  const findings = [...(read?.findings ?? []), ...plan.findings];
  reportFindings(io, findings);
  return { code: exitCodeFor(findings, opts.strict ?? false) };
}

/**
 * The text with control characters from the user's cog.yaml or `cog debug` file shown as escapes
 * (as `inspect` prints them), so printing it cannot steer the terminal. Tabs stay: they are
 * harmless there and may matter in a RUN line. `convert` writes the Dockerfile byte for byte.
 */
function terminalSafe(text: string): string {
  return text.split('\n').map((line) => line.split('\t').map(visible).join('\t')).join('\n');
}
