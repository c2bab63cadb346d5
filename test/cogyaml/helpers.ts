// Writes a fixture's project with the normalised cog.yaml into a temporary folder: the carried
// user files as they are, then the normaliser's files over them.

import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CogIR } from '../../src/ir/types.js';
import { filesToCarry } from '../../src/convert/carry.js';
import type { NormalisedCogYaml } from '../../src/cogyaml/index.js';

export function writeNormalisedProject(ir: CogIR, normalised: NormalisedCogYaml, parent?: string): string {
  const dir = mkdtempSync(join(parent ?? tmpdir(), 'cogyaml-'));
  for (const rel of filesToCarry(ir)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    copyFileSync(join(ir.project.root, rel), join(dir, rel));
  }
  for (const f of normalised.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  return dir;
}

/** A value with every `loc` removed: locations differ between the original and the rewrite. */
export function withoutLocs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'loc' ? undefined : v))) as T;
}
