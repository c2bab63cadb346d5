#!/usr/bin/env node
// Planted mutations (docs/testing.md, "Mutation testing"): the plausible bugs issue 18's audit
// planted, and a few more of the same kind, each applied alone to a copy of the repository; the
// named tests must fail on every one. A quick, repeatable companion to Stryker (`npm run
// mutation`), not part of CI. Usage: node scripts/planted-mutations.mjs [name-substring]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');

/** Each: the file, the exact text to change (it must occur once), its replacement, the tests. */
const MUTANTS = [
  { name: 'pyStr leaves lone surrogates raw', file: 'src/quote/python.ts', find: '} else if (cp >= 0xd800 && cp <= 0xdfff) {', replace: '} else if (false) {', tests: ['test/quote/python.test.ts'] },
  { name: 'shellWord leaves * bare', file: 'src/dockerfile/quote.ts', find: '/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;', replace: '/^[A-Za-z0-9_@%+=:,./*-]+$/.test(s)) return s;', tests: ['test/dockerfile/quote.test.ts'] },
  { name: 'shellWord leaves ~ bare', file: 'src/dockerfile/quote.ts', find: '/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;', replace: '/^[A-Za-z0-9_@%+=:,./~-]+$/.test(s)) return s;', tests: ['test/dockerfile/quote.test.ts'] },
  { name: 'a failed write does not bring the old output back', file: 'src/fs/write-output.ts', find: '  if (s.movedOld) attempt(', replace: '  if (false) attempt(', tests: ['test/fs/write-output.test.ts'] },
  { name: 'a failed write leaves its staging folder', file: 'src/fs/write-output.ts', find: "  attempt(`could not remove ${s.staging}`, () => fs.rmSync(s.staging, { recursive: true, force: true }));", replace: '', tests: ['test/fs/write-output.test.ts'] },
  { name: 'the pruner keeps the COPY --from=cog_build CA certificate', file: 'src/dockerfile/prune.ts', find: "      case 'ca-cert':\n        remove(i,", replace: "      case 'ca-cert':\n        keep(i,", tests: ['test/dockerfile/cog-debug.test.ts'] },
  { name: "the parser misses Cog's CA-certificate ENV lines", file: 'src/dockerfile/parse.ts', find: "previous?.role === 'ca-cert' && CA_CERT_ENV.test(i.args)", replace: 'false', tests: ['test/dockerfile/cog-debug.test.ts'] },
  { name: 'a later runtime need lowers an earlier devel need', file: 'src/dockerfile/need.ts', find: 'if (RANK[need] > RANK[decision.need]) decision.need = need;', replace: 'decision.need = need;', tests: ['test/dockerfile/need.test.ts'] },
  { name: 'cuDNN use in build.run ignored', file: 'src/dockerfile/need.ts', find: '    if (/cudnn/i.test(rest)) decision.cudnn = true;', replace: '', tests: ['test/dockerfile/need.test.ts'] },
  { name: 'python_find_links / python_extra_index_urls under build: reported as unknown', file: 'src/frontends/cog/config/keys.ts', find: "  python_extra_index_urls: '2021 pre-release key; ignored under build: (write --extra-index-url lines in the requirements)',\n  python_find_links: '2021 pre-release key; ignored under build: (write --find-links lines in the requirements)',\n", replace: '', tests: ['test/frontends/cog/config/index.test.ts'] },
  { name: 'a build stream reporting an error without an image counts as success', file: 'src/verify/build/build.ts', find: 'const failed = timedOut || buildError !== undefined || log.error !== undefined || !log.imageId;', replace: 'const failed = timedOut || buildError !== undefined || (log.error !== undefined && log.imageId !== undefined);', tests: ['test/verify/build/build.test.ts'] },
  { name: 'a build stream error after an image id counts as success', file: 'src/verify/build/build.ts', find: 'const failed = timedOut || buildError !== undefined || log.error !== undefined || !log.imageId;', replace: 'const failed = timedOut || buildError !== undefined || !log.imageId;', tests: ['test/verify/build/build.test.ts'] },
  { name: 'a build that ends with no image counts as success', file: 'src/verify/build/build.ts', find: 'const failed = timedOut || buildError !== undefined || log.error !== undefined || !log.imageId;', replace: 'const failed = timedOut || buildError !== undefined || log.error !== undefined;', tests: ['test/verify/build/build.test.ts'] },
  { name: 'the build may pull its base', file: 'src/verify/build/build.ts', find: '      pull: false,', replace: '', tests: ['test/verify/build/build.test.ts'] },
  { name: 'golden helper writes a missing golden when CI is unset', file: 'test/helpers/golden.ts', find: '  if (updating()) {\n    mkdirSync(dirname(path)', replace: '  if (updating() || (!existsSync(path) && !process.env.CI)) {\n    mkdirSync(dirname(path)', tests: ['test/helpers/golden.test.ts'] },
  { name: 'golden dir helper writes a missing golden when CI is unset', file: 'test/helpers/golden.ts', find: '  if (updating()) {\n    rmSync(expectedDir', replace: '  if (updating() || (!existsSync(expectedDir) && !process.env.CI)) {\n    rmSync(expectedDir', tests: ['test/helpers/golden.test.ts'] },
  { name: 'yamlScalar leaves NEL raw (PyYAML folds it)', file: 'src/quote/yaml.ts', find: '(cp >= 0x7f && cp < 0xa0)', replace: '(cp >= 0x7f && cp < 0x85) || (cp > 0x85 && cp < 0xa0)', tests: ['test/quote/yaml-typescript.test.ts'] },
  { name: 'yamlScalar leaves U+2028 raw', file: 'src/quote/yaml.ts', find: ' || cp === 0x2028', replace: '', tests: ['test/quote/yaml-typescript.test.ts'] },
  { name: 'tsStr leaves U+2028 raw', file: 'src/quote/typescript.ts', find: ".replace(/\\u2028/g, '\\\\u2028')", replace: '', tests: ['test/quote/yaml-typescript.test.ts'] },
  { name: 'isTsIdentifier accepts reserved words', file: 'src/quote/typescript.ts', find: ' && !TS_RESERVED.has(s)', replace: '', tests: ['test/quote/yaml-typescript.test.ts'] },
  { name: 'a heredoc in build.run reaches the Dockerfile', file: 'src/dockerfile/validate.ts', find: '    if (opensHeredoc(command)) {', replace: '    if (false) {', tests: ['test/dockerfile/cog-debug.test.ts'] },
  { name: 'a parsed heredoc body becomes instructions of its own', file: 'src/dockerfile/parse.ts', find: '    if (HEREDOC_KEYWORDS.has(keyword)) {', replace: '    if (false) {', tests: ['test/dockerfile/cog-debug.test.ts'] },
  { name: 'a COPY source starting with - is written as is', file: 'src/dockerfile/prune.ts', find: "return path.startsWith('-') ? `./${path}` : path;", replace: 'return path;', tests: ['test/dockerfile/cog-debug.test.ts'] },
  { name: 'inspect prints control characters raw', file: 'src/cli/commands/inspect.ts', find: "summary(ir).split('\\n').map(visible).join('\\n')", replace: 'summary(ir)', tests: ['test/cli/inspect.test.ts'] },
  { name: 'inspect --json prints C1 controls raw', file: 'src/cli/commands/inspect.ts', find: 'io.out(terminalSafeJson(irToJson(ir)))', replace: 'io.out(irToJson(ir))', tests: ['test/cli/inspect.test.ts'] },
];

const only = process.argv[2];
const chosen = MUTANTS.filter((m) => !only || m.name.includes(only));
const work = mkdtempSync(join(tmpdir(), 'cogm-planted-'));
for (const part of ['src', 'test', 'targets', 'fixtures', 'runtime', 'docs', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.test.json', 'vitest.config.ts']) {
  try { cpSync(join(REPO, part), join(work, part), { recursive: true, verbatimSymlinks: true }); } catch (e) { if (e.code !== 'ENOENT') throw e; }
}
symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'));
symlinkSync(join(REPO, '.cache'), join(work, '.cache'));

let killed = 0;
const survivors = [];
try {
  for (const m of chosen) {
    const path = join(work, m.file);
    const original = readFileSync(path, 'utf8');
    const at = original.indexOf(m.find);
    if (at < 0 || original.indexOf(m.find, at + 1) >= 0) throw new Error(`${m.name}: the text to change must occur exactly once in ${m.file}`);
    writeFileSync(path, original.slice(0, at) + m.replace + original.slice(at + m.find.length));
    const run = spawnSync('npx', ['vitest', 'run', ...m.tests], { cwd: work, encoding: 'utf8', env: { ...process.env, UPDATE_GOLDEN: '' } });
    writeFileSync(path, original);
    const dead = run.status !== 0;
    if (dead) killed++; else survivors.push(m.name);
    console.log(`${dead ? 'killed  ' : 'SURVIVED'}  ${m.name}  (${m.tests.join(' ')})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\nplanted mutations: ${killed}/${chosen.length} killed${survivors.length ? `; survived: ${survivors.join('; ')}` : ''}`);
process.exitCode = survivors.length > 0 ? 1 : 0;
