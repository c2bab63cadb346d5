// Startup cost (issue 9): commands load their heavy dependencies only when they run. `--version`
// and `--help` load commander and nothing heavy; a conversion to fal does not load ts-morph (the
// workers-ai Worker printer) or dockerode (verify); batch's main thread reads no project itself. Checked by the packages a child process has
// loaded (CommonJS packages imported from ESM sit in the require cache), not by timing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HEAVY = ['tree-sitter', 'tree-sitter-python', 'ts-morph', 'dockerode', 'handlebars', 'yaml', 'cli-progress', 'diff', 're2js'];

/** The npm packages loaded after running the CLI with `argv` in a child process. */
function packagesLoadedBy(...argv: string[]): string[] {
  const script = `
    import { createRequire } from 'node:module';
    const { main } = await import(${JSON.stringify(join(ROOT, 'src/cli/program.ts'))});
    const sink = { out: () => {}, err: () => {} };
    await main(${JSON.stringify(argv)}, sink);
    const cache = createRequire(import.meta.url).cache;
    const names = new Set(Object.keys(cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(p)?.[1]).filter(Boolean));
    process.stdout.write(JSON.stringify([...names].sort()));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as string[]).filter((n) => n !== 'tsx' && n !== 'esbuild' && n !== 'get-tsconfig' && n !== 'resolve-pkg-maps');
}

describe('startup', () => {
  it('--version and --help load no heavy dependency', () => {
    for (const argv of [['--version'], ['--help'], ['batch', '--help']]) {
      const loaded = packagesLoadedBy(...argv);
      expect(loaded, argv.join(' ')).toContain('commander');
      expect(loaded.filter((n) => HEAVY.includes(n)), argv.join(' ')).toEqual([]);
    }
  });

  it('inspect loads the reader, not the renderers', () => {
    const loaded = packagesLoadedBy('inspect', join(ROOT, 'fixtures/path-in-path-out-pillow-grayscale/input'));
    expect(loaded).toContain('tree-sitter');
    for (const n of ['ts-morph', 'dockerode', 'handlebars', 'cli-progress']) expect(loaded).not.toContain(n);
  });

  it("batch's main thread leaves reading and rendering to its workers", () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cogm-startup-'));
    const loaded = packagesLoadedBy('batch', join(ROOT, 'fixtures/path-in-path-out-pillow-grayscale'), '--to', 'fal', '--out', join(tmp, 'out'), '--jobs', '1', '--quiet');
    for (const n of ['tree-sitter', 'yaml', 'handlebars', 'ts-morph', 'dockerode']) expect(loaded).not.toContain(n);
  });

  it('a conversion to fal loads neither ts-morph nor dockerode', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cogm-startup-')), 'out');
    const loaded = packagesLoadedBy(join(ROOT, 'fixtures/path-in-path-out-pillow-grayscale/input'), '--to', 'fal', '--out', out, '--dry-run');
    expect(loaded).toContain('handlebars');
    for (const n of ['ts-morph', 'dockerode', 'cli-progress']) expect(loaded).not.toContain(n);
  });
});
