// Inline-case helpers in the spirit of LibCST's assertCodemod: write a dedented cog.yaml (and
// any other files) to a fresh temp project, load it, and compare the IR fragment and the exact
// list of finding codes.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { loadCogConfig } from '../../../../src/frontends/cog/config/index.js';
import type { ConfigResult } from '../../../../src/frontends/cog/types.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Removes the common indentation and the first and last blank lines of a template literal. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}

export function project(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'cogcfg-'));
  made.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

/** Loads a cog.yaml given as an (indented) template literal, plus other project files verbatim. */
export function load(yaml: string, files: Record<string, string | Uint8Array> = {}): ConfigResult {
  return loadCogConfig(project({ 'cog.yaml': dedent(yaml), ...files }));
}

export function codes(result: ConfigResult): string[] {
  return result.findings.map((f) => f.code);
}

/** Codes with their line numbers, e.g. "CM110@4", for asserting where findings point. */
export function codesAt(result: ConfigResult): string[] {
  return result.findings.map((f) => `${f.code}@${f.line ?? '-'}`);
}
