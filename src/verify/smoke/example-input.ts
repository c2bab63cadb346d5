// `--example input.json`: a JSON object of input values. File inputs are given as paths relative
// to the JSON file; they are copied into the smoke folder so that both calls see the same bytes.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { LiteralValue, Predictor } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { inputKind, type Examples } from './examples.js';

export function readExampleFile(path: string, predictor: Predictor | undefined, knownKinds: Record<string, string> = {}): { examples?: Examples; findings: Finding[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return { findings: [finding('CM527', `cannot read ${path} as JSON: ${err instanceof Error ? err.message : String(err)}`, { file: path })] };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { findings: [finding('CM527', `${path} must hold a JSON object of input values`, { file: path })] };
  }
  const kinds = new Map([...Object.entries(knownKinds), ...(predictor?.inputs ?? []).map((i) => [i.name, inputKind(i)] as [string, string])]);
  const examples: Examples = { values: {}, files: {}, missing: {} };
  const findings: Finding[] = [];
  for (const [name, value] of Object.entries(parsed as Record<string, LiteralValue>)) {
    if (predictor && !kinds.has(name)) {
      findings.push(finding('CM527', `${path}: the predictor has no input named ${JSON.stringify(name)}`, { file: path }));
      continue;
    }
    if (kinds.get(name) === 'path') {
      if (typeof value !== 'string') {
        findings.push(finding('CM527', `${path}: file input ${name} must be a path string`, { file: path }));
        continue;
      }
      const file = resolve(dirname(path), value);
      if (!existsSync(file) || !statSync(file).isFile()) {
        findings.push(finding('CM527', `${path}: file input ${name} names ${value}, which is not a file (URLs cannot be fetched offline; give a local file)`, { file: path }));
        continue;
      }
      examples.files[name] = { path: `inputs/${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${basename(file)}`, data: readFileSync(file) };
      continue;
    }
    examples.values[name] = value;
  }
  return findings.length > 0 ? { findings } : { examples, findings };
}
