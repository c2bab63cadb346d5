// Deterministic mutations of project files for the fuzzer: byte-level (flip, insert, delete,
// duplicate a span), token-level (splice in syntax that parsers and readers care about:
// brackets, quotes, indentation, YAML and Python keywords, Cog's names), line-level (swap,
// repeat, truncate) and size blow-ups (a span repeated thousands of times). Same seed, same input.

/** mulberry32: small, fast, good enough for choosing mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '[', ']', '{', '}', '(', ')', ':', ',', '"', "'", '"""', '\\', '\n', '\r\n', '\t', '    ', '- ', '#', '*', '&a', '*a', '<<: *a', '!!str ',
  '---\n', '...', '|', '>', '?', '%', '@', '\u0000', '\uffff', '\ud800', '\u202e', 'é', '${X}', '$(id)', '`', ';', '&&', '..', '../', '/', '~',
  'def ', 'class ', 'import ', 'from ', 'lambda ', 'async ', 'await ', 'yield ', 'return ', 'None', 'True', '0x', '1e999', '-0', '9'.repeat(30),
  'Input(', 'default=', 'choices=', 'ge=', 'le=', 'regex=', 'description=', 'Path', 'File', 'List[', 'Optional[', 'Iterator[', 'BaseModel',
  'BasePredictor', 'ConcatenateIterator', 'Secret', '-> ', 'self, ', '**kwargs', 'predict', 'setup',
  'build:', 'gpu: true', 'cuda: "11.8"', 'python_version: "3.11"', 'python_packages:', 'python_requirements: requirements.txt', 'run:', 'system_packages:',
  'predict: "predict.py:Predictor"', 'train:', 'image:', 'concurrency:', 'max: 4', '--mount=type=cache,target=/root/.cache ', '-r other.txt', '--index-url ',
  'torch==2.1.0', 'git+https://x/y.git', '@ file:///x', '; python_version < "3"', '[extra]', '!', '**', '*.py',
];

export type Mutation = (text: string, rnd: () => number) => string;

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;
const at = (text: string, rnd: () => number) => Math.floor(rnd() * (text.length + 1));

const MUTATIONS: Mutation[] = [
  // Replace one character by a random code unit.
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + String.fromCharCode(Math.floor(r() * 0x3000)) + t.slice(i + 1);
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(TOKENS, r) + t.slice(i);
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 40));
  },
  (t, r) => {
    const i = at(t, r);
    const j = Math.min(t.length, i + 1 + Math.floor(r() * 80));
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  },
  // Lines: swap two, repeat one, drop one, cut the file.
  (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    const b = Math.floor(r() * lines.length);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    lines.splice(a, 0, ...Array<string>(1 + Math.floor(r() * 50)).fill(lines[a] ?? ''));
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  (t, r) => t.slice(0, at(t, r)),
  // Indentation of one line changed.
  (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    lines[a] = r() < 0.5 ? `  ${lines[a]}` : (lines[a] ?? '').replace(/^\s{1,4}/, '');
    return lines.join('\n');
  },
  // Blow-ups: one token or span repeated thousands of times (nesting, floods, long lines).
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(TOKENS, r).repeat(200 + Math.floor(r() * 2000)) + t.slice(i);
  },
  (t, r) => {
    const i = at(t, r);
    const span = t.slice(i, i + 1 + Math.floor(r() * 30));
    return t.slice(0, i) + span.repeat(100 + Math.floor(r() * 1000)) + t.slice(i);
  },
];

/** Applies 1-4 random mutations. */
export function mutate(text: string, rnd: () => number): string {
  let out = text;
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) out = pick(MUTATIONS, rnd)(out, rnd);
  return out;
}
