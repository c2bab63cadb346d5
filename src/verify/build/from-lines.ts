// Reads every FROM of a Dockerfile with its global ARG defaults resolved, so that each base can
// be checked against the local engine before a build starts (a missing one would make the engine
// try to pull, which must never happen here).

export interface FromLine {
  /** 1-based line of the FROM instruction. */
  line: number;
  /** The image reference as written, e.g. `${BASE_IMAGE}`. */
  raw: string;
  /** After ARG substitution; undefined when a variable has no value. */
  image?: string;
  /** `AS name`, lower-cased. */
  stage?: string;
  /** Variables the reference uses (in order of appearance). */
  vars: string[];
  /** The name of an earlier stage, or `scratch`: nothing to look up. */
  internal: boolean;
}

interface Instruction {
  line: number;
  keyword: string;
  args: string;
}

/** Joins `\` continuations and drops comments and blank lines (parser directives included). */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let cur = lines[i] ?? '';
    i++;
    if (/^\s*(#|$)/.test(cur)) continue;
    while (/\\\s*$/.test(cur) && i < lines.length) {
      const next = lines[i] ?? '';
      i++;
      if (/^\s*#/.test(next)) continue; // comment lines inside a continuation are skipped by Docker
      cur = cur.replace(/\\\s*$/, '') + ' ' + next;
    }
    const m = /^\s*(\S+)\s*(.*)$/s.exec(cur);
    if (m) out.push({ line: start + 1, keyword: m[1]!.toUpperCase(), args: m[2]!.trim() });
  }
  return out;
}

/** `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`; unknown variables expand to empty. */
export function expand(s: string, vars: ReadonlyMap<string, string | undefined>): { value: string; used: string[]; unset: string[] } {
  const used: string[] = [];
  const unset: string[] = [];
  const value = s.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = (braced ?? bare)!;
      used.push(name);
      const v = vars.get(name);
      const set = v !== undefined && v !== '';
      if (op === '-') return set ? v : (word ?? '');
      if (op === '+') return set ? (word ?? '') : '';
      if (!set) unset.push(name);
      return v ?? '';
    });
  return { value, used, unset };
}

/** Splits `KEY=value` or `KEY` of an ARG instruction (one ARG may declare several). */
function parseArgs(args: string): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g)) {
    let v = m[2];
    if (v !== undefined && /^["']/.test(v)) v = v.slice(1, -1);
    out.push([m[1]!, v]);
  }
  return out;
}

/**
 * Every FROM in order. Global ARGs (before the first FROM) are the only ones a FROM can use;
 * `buildArgs` override their defaults as `--build-arg` does.
 */
export function fromLines(text: string, buildArgs: Readonly<Record<string, string>> = {}): FromLine[] {
  const vars = new Map<string, string | undefined>();
  const stages = new Set<string>();
  const out: FromLine[] = [];
  let seenFrom = false;
  for (const ins of instructions(text)) {
    if (ins.keyword === 'ARG' && !seenFrom) {
      for (const [k, v] of parseArgs(ins.args)) vars.set(k, Object.hasOwn(buildArgs, k) ? buildArgs[k] : v);
      continue;
    }
    if (ins.keyword !== 'FROM') continue;
    seenFrom = true;
    const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
    const raw = words[0] ?? '';
    const stage = words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined;
    const { value, used, unset } = expand(raw, vars);
    const image = value === '' || unset.length > 0 ? undefined : value;
    const internal = image !== undefined && (image.toLowerCase() === 'scratch' || stages.has(image.toLowerCase()));
    out.push({ line: ins.line, raw, ...(image !== undefined ? { image } : {}), ...(stage ? { stage } : {}), vars: used, internal });
    if (stage) stages.add(stage);
  }
  return out;
}

/** The global ARGs and their defaults (for reporting which switch substitutes a base). */
export function globalArgs(text: string): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  for (const ins of instructions(text)) {
    if (ins.keyword === 'FROM') break;
    if (ins.keyword === 'ARG') for (const [k, v] of parseArgs(ins.args)) vars.set(k, v);
  }
  return vars;
}
