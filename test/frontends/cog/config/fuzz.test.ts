// Property tests: no input makes loadCogConfig throw, and requirement lines keep their text.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCogConfig } from '../../../../src/frontends/cog/config/index.js';
import { normalizeName, parseRequirement } from '../../../../src/frontends/cog/config/requirements.js';
import { project } from './helpers.js';

const root = project({ 'requirements.txt': 'torch==2.0\n-r requirements.txt\n', 'a.txt': '-r ../x\n' });
const runs = Number(process.env.FUZZ_RUNS ?? 150);

function loadText(content: string | Uint8Array) {
  writeFileSync(join(root, 'cog.yaml'), content);
  return loadCogConfig(root);
}

/** Findings are an array of catalogue codes; a config, when present, has a string version. */
function wellFormed(result: ReturnType<typeof loadCogConfig>): boolean {
  if (!Array.isArray(result.findings)) return false;
  if (!result.findings.every((f) => /^CM\d{3}$/.test(f.code) && typeof f.message === 'string')) return false;
  return result.config === undefined || typeof result.config.build.pythonVersion === 'string';
}

// Pieces people write in cog.yaml, plus pieces that break YAML, so that generated files reach
// deep into the loader as often as they fail early.
const keys = fc.constantFrom('build', 'gpu', 'cuda', 'cudnn', 'python_version', 'python_packages', 'python_requirements', 'system_packages', 'run', 'pre_install', 'sdk_version', 'predict', 'train', 'image', 'model', 'concurrency', 'max', 'default_target', 'environment', 'weights', 'name', 'source', 'uri', 'target', 'command', 'mounts', 'type', 'id', 'architectures', 'workdir', 'post_install', 'fast', 'x', '<<', '? ', '');
const scalars = fc.constantFrom('3.10', '11.0', 'true', 'yes', '"yes please"', 'null', '~', '', '[]', '{}', '[a, b', '"unterminated', "'q'", 'predict.py:Predictor', 'requirements.txt', '../../etc/passwd', '/abs', 'PATH=/x', 'A=1', '-r a.txt', '--pre', 'pkg @ git+https://x/y.git', '&a [1, 2]', '*a', '*nope', '!tag x', '|', '>-', '"""', '0', '-1', '1e9', '0x1F', '.inf', '- item', ': :', '#');
const line = fc.tuple(fc.nat(6), fc.boolean(), keys, scalars).map(([indent, dash, key, value]) => `${' '.repeat(indent)}${dash ? '- ' : ''}${key}${key ? ': ' : ''}${value}`);
const yamlish = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));

// Well-formed YAML with Cog's keys and values of every type, to exercise the typed readers.
const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('3.10', 'A=1', 'PATH=/x', '--pre', 'torch==2.0', 'run.py:Runner', 'requirements.txt', 'a.txt', 'secret', '/src/w'));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(keys, tie('tree'), { maxKeys: 5 })),
}));
const structured = fc.dictionary(keys, fc.oneof(tree, fc.dictionary(keys, tree, { maxKeys: 8 })), { maxKeys: 10 }).map((doc) => stringify(doc));

describe('loadCogConfig never throws', () => {
  it('on well-formed YAML with Cog keys and values of any type', () => {
    fc.assert(fc.property(structured, (text) => wellFormed(loadText(text))), { numRuns: runs * 3 });
  });

  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => wellFormed(loadText(bytes))), { numRuns: runs });
  });

  it('on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => wellFormed(loadText(text))), { numRuns: runs });
  });

  it('on random YAML-ish cog.yaml files', () => {
    fc.assert(fc.property(yamlish, (text) => wellFormed(loadText(text))), { numRuns: runs * 3 });
  });

  it('on random YAML-ish text after a docstring', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), yamlish, (doc, text) => wellFormed(loadText(`"""${doc.replace(/"""/g, '')}"""\n${text}`))), { numRuns: runs });
  });
});

describe('requirement lines', () => {
  const at = { file: 'requirements.txt', line: 1, column: 1 };

  it('keep their raw text, trimmed, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        const { req } = parseRequirement(text, at);
        expect(req.raw).toBe(text.trim());
        expect(['package', 'url', 'option', 'editable', 'file']).toContain(req.kind);
      }),
      { numRuns: runs * 3 },
    );
  });

  const name = fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,12}[A-Za-z0-9])?$/);
  const extra = fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/);
  const version = fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,3}){0,2}(\.post1|rc1|\+cu118)?$/);
  const clause = fc.tuple(fc.constantFrom('==', '>=', '<=', '~=', '!=', '<', '>', '==='), version).map(([op, v]) => `${op}${v}`);
  const specifier = fc.array(clause, { minLength: 0, maxLength: 3 }).map((cs) => cs.join(','));
  const marker = fc.constantFrom(undefined, 'python_version >= "3.8"', "sys_platform == 'linux' and platform_machine != 'x86_64'");

  it('round-trip generated PEP 508 requirements field by field', () => {
    fc.assert(
      fc.property(name, fc.array(extra, { maxLength: 3 }), specifier, marker, (n, extras, spec, mark) => {
        const text = `${n}${extras.length ? `[${extras.join(',')}]` : ''}${spec}${mark ? ` ; ${mark}` : ''}`;
        const { req, problem } = parseRequirement(text, at);
        expect(problem).toBeUndefined();
        expect(req).toMatchObject({ raw: text, kind: 'package', name: normalizeName(n) });
        expect(req.extras).toEqual(extras.length ? extras : undefined);
        expect(req.specifier).toBe(spec === '' ? undefined : spec);
        expect(req.marker).toBe(mark);
      }),
      { numRuns: runs * 3 },
    );
  });
});
