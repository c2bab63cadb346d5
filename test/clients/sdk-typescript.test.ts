// The rewritten TypeScript type-checks against the real SDK types from npm (@fal-ai/client,
// @types/node for fetch and process), and the fixture applications type-check against the real
// `replicate` package as they were written: both sides of every golden are real client code.

import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/golden.js';
import { clientCases, REPO, TARGETS } from './cases.js';

// Next.js is not a dependency of this repository; route handlers only need NextResponse.json.
const NEXT_STUB = 'declare module "next/server" { export const NextResponse: { json(body: unknown, init?: ResponseInit): Response }; }\n';

function diagnosticsOf(files: string[]): string[] {
  const project = new Project({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.asynciterable.d.ts'],
      types: ['node'], typeRoots: [join(REPO, 'node_modules/@types')],
    },
  });
  project.createSourceFile(join(REPO, 'fixtures-clients/.next-server-stub.d.ts'), NEXT_STUB, { overwrite: true });
  for (const f of files) project.addSourceFileAtPath(f);
  return project.getPreEmitDiagnostics().map((d) => `${d.getSourceFile()?.getFilePath() ?? '?'}:${d.getLineNumber() ?? 0}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, ' ')}`);
}

const tsFiles = (dir: string) => listFiles(dir).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));

describe('rewritten TypeScript against the real SDK types', () => {
  const cases = clientCases();
  for (const to of TARGETS) {
    it(`every ${to} golden .ts type-checks (strict)`, () => {
      const files = cases.flatMap((c) => tsFiles(join(c.dir, 'expected', to)));
      if (to !== 'workers-ai') expect(files.length, `no ${to} TypeScript goldens`).toBeGreaterThan(0);
      expect(diagnosticsOf(files)).toEqual([]);
    });
  }

  it('the fixture applications type-check against the real replicate package as written', () => {
    const files = cases.flatMap((c) => tsFiles(c.input)).filter((f) => !f.endsWith('broken.ts'));
    expect(files.length).toBeGreaterThan(3);
    expect(diagnosticsOf(files)).toEqual([]);
  });

  it('can fail: a wrong fal call is caught', () => {
    const bad = join(REPO, 'fixtures-clients/.bad-fal-call.ts');
    const project = new Project({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, types: [] } });
    project.createSourceFile(bad, 'import { fal } from "@fal-ai/client";\nexport const r = fal.queue.submit("a/b", { input: {}, webhook: "https://x" });\n', { overwrite: true });
    expect(project.getPreEmitDiagnostics().length).toBeGreaterThan(0);
  });
});
