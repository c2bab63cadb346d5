// BuildKit RUN options written at the start of a build.run command
// (`- --mount=type=cache,target=/root/.cache/pip pip install ...`). Cog writes `RUN <command>`,
// so BuildKit reads them as options of the RUN instruction: a deliberate cache mount, network
// mode or bind mount. They are kept in the `cog debug` form; the pruner keeps or drops each per
// target builder (data/target-needs.json, runOptions). Only well-formed options of the kinds
// Dockerfile 1.4 defines pass; anything else starting with `-` would break the line (CM310).

/** What a leading option asks BuildKit for. */
export type RunOptionKind = 'cache' | 'bind' | 'tmpfs' | 'secret' | 'ssh' | 'network';

export interface RunOption {
  /** The option as written, e.g. `--mount=type=cache,target=/root/.cache/pip`. */
  text: string;
  kind: RunOptionKind;
}

export type SplitRunOptions =
  | { ok: true; options: RunOption[]; command: string }
  | { ok: false; bad: string; why: string };

const MOUNT_TYPES: ReadonlySet<string> = new Set(['cache', 'bind', 'tmpfs', 'secret', 'ssh']);
/** `docker/dockerfile:1.4` --mount keys (https://docs.docker.com/reference/dockerfile/#run---mount). */
const MOUNT_KEYS: ReadonlySet<string> = new Set([
  'type', 'target', 'dst', 'destination', 'source', 'src', 'from', 'id', 'sharing', 'mode', 'uid', 'gid',
  'ro', 'readonly', 'rw', 'readwrite', 'required', 'size', 'env',
]);
const NETWORKS: ReadonlySet<string> = new Set(['default', 'none', 'host']);
/** A key=value field BuildKit's CSV reader takes without quoting, and that no shell or Dockerfile parser re-reads. */
const FIELD = /^[A-Za-z]+(=[A-Za-z0-9_./~:+@-]*)?$/;

/** Splits the leading options off a build.run command; `ok: false` names the option that breaks the line. */
export function splitRunOptions(command: string): SplitRunOptions {
  const options: RunOption[] = [];
  let rest = command.trimStart();
  while (rest.startsWith('-')) {
    const end = rest.search(/\s/);
    const word = end === -1 ? rest : rest.slice(0, end);
    const read = readOption(word);
    if ('why' in read) return { ok: false, bad: word, why: read.why };
    options.push({ text: word, kind: read.kind });
    rest = end === -1 ? '' : rest.slice(end).trimStart();
  }
  if (rest === '') return { ok: false, bad: command.trim(), why: 'nothing to run after the RUN options' };
  return { ok: true, options, command: rest };
}

/** The option's kind, or why BuildKit would refuse it or read it differently. */
function readOption(word: string): { kind: RunOptionKind } | { why: string } {
  const network = /^--network=(.*)$/.exec(word);
  if (network) return NETWORKS.has(network[1]!) ? { kind: 'network' } : { why: '--network takes default, none or host' };
  const mount = /^--mount=(.*)$/.exec(word);
  if (!mount) return { why: 'not a RUN option BuildKit passes through (--mount=... or --network=...)' };
  const fields = mount[1]!.split(',');
  let type = 'bind';
  for (const field of fields) {
    if (!FIELD.test(field)) return { why: `mount field ${JSON.stringify(field)} has characters that need quoting` };
    const [key, value = ''] = field.split('=') as [string, string?];
    if (!MOUNT_KEYS.has(key.toLowerCase())) return { why: `unknown mount key ${JSON.stringify(key)}` };
    if (key.toLowerCase() === 'type') type = value;
  }
  if (!MOUNT_TYPES.has(type)) return { why: `mount type ${JSON.stringify(type)} is not cache, bind, tmpfs, secret or ssh` };
  if (type !== 'ssh' && type !== 'secret' && !fields.some((f) => /^(target|dst|destination)=./i.test(f))) return { why: 'the mount has no target' };
  return { kind: type as RunOptionKind };
}
