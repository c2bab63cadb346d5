// Builds a small Go program of the test oracles (test/oracle/<name>: main.go, go.mod, go.sum)
// into .cache/oracle/<binary> on first use, with modules from the Go proxy into the shared cache;
// rebuilt when a source file is newer than the binary. A failed build fails the suite using it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');
const CACHE = join(REPO, '.cache/oracle');

/** `cgo`: the program links C code (Cog's schema generator parses Python with go-tree-sitter). */
export function goToolBinary(sourceDir: string, binaryName: string, opts: { cgo?: boolean } = {}): string {
  const binary = join(CACHE, binaryName);
  const newest = Math.max(...['main.go', 'go.mod', 'go.sum'].map((f) => statSync(join(sourceDir, f)).mtimeMs));
  if (existsSync(binary) && statSync(binary).mtimeMs >= newest) return binary;
  mkdirSync(CACHE, { recursive: true });
  const tmp = `${binary}.${process.pid}`;
  execFileSync('go', ['build', '-o', tmp, '.'], {
    cwd: sourceDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 900_000,
    env: { ...process.env, GOPATH: join(CACHE, 'gopath'), GOMODCACHE: join(CACHE, 'gomod'), GOCACHE: join(CACHE, 'gobuild'), GOFLAGS: '-mod=readonly', CGO_ENABLED: opts.cgo ? '1' : '0' },
  });
  renameSync(tmp, binary);
  return binary;
}
