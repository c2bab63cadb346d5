// Property tests of the select-script reader: any text is read without throwing (a plan or an
// unreadable reason, never an exception), and the branches of generated if/elif and case scripts
// give back exactly the values each variant was given.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSelectScript } from '../../../src/frontends/select-model/script.js';
import { parseBranches } from '../../../src/frontends/select-model/branches.js';
import { tempProject } from '../../helpers/cli.js';

const root = tempProject({ 'cog.yaml.template': 'build: {}\n', 'cog.yaml.tpl': 'predict: "p.py:$P"\n', 'model-cog-configs/a.yaml': 'predict: p.py:A\n', 'script/select.sh': '' });
const FRAGMENTS = ['yq eval-all ', "'select(fileIndex == 0) *+ select(fileIndex == 1)' ", 'cog.yaml.template ', 'model-cog-configs/$1.yaml', ' > cog.yaml', ' >> cog.yaml', 'cat ', 'cp ', 'envsubst < cog.yaml.tpl', 'if [[ "$1" == "x" ]]; then ', 'elif ', 'else', 'fi', 'case "$1" in', 'a|b) ', ';;', 'esac', 'export P=', '"q;uote', "'", '$(', '`', '\\\n', '\n', '#', ' ', 'MODEL=$1\n', '${MODEL}'];

describe('readSelectScript on any text', () => {
  it('never throws: a plan whose variants name models, or a reason', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 }), (parts) => {
      writeFileSync(join(root, 'script', 'select.sh'), parts.join(''));
      const r = readSelectScript(root);
      expect(r).toBeDefined();
      if (r && 'plan' in r) for (const v of r.plan.variants) expect(v).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      else expect(r && 'unreadable' in r && r.unreadable.reason.length).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });

  it('reads a long script of long lines', () => {
    writeFileSync(join(root, 'script', 'select.sh'), `${'a/'.repeat(499)}\n`.repeat(60) + `${'x;'.repeat(490)}\ncp model-cog-configs/$1.yaml cog.yaml\n`);
    expect(readSelectScript(root)).toMatchObject({ plan: { recipe: { kind: 'copy', dir: 'model-cog-configs' }, variants: ['a'] } });
  });
});

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const value = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,10}$/);

describe('parseBranches on generated scripts', () => {
  it('gives each variant the values its branch sets, over the shared ones, in if/elif and in case form', () => {
    fc.assert(fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 5 }), fc.array(value, { minLength: 5, maxLength: 5 }), value, fc.boolean(), (names, values, shared, asCase) => {
      const expected = Object.fromEntries([...names].sort().map((n) => [n, { SHARED: shared, P: values[names.indexOf(n)]! }]));
      const body = asCase
        ? ['case "$MODEL" in', ...names.flatMap((n, i) => [`  ${n})`, `    export P="${values[i]}"`, '    ;;']), '  *) exit 1 ;;', 'esac']
        : names.flatMap((n, i) => [`${i === 0 ? 'if' : 'elif'} [[ "$MODEL" == "${n}" ]]; then`, `  export P='${values[i]}'`]).concat(['else', '  export P=wrong', 'fi']);
      expect(parseBranches(['MODEL=$1', `export SHARED=${shared}`, ...body], ['1', 'MODEL'])).toEqual({ values: expected });
    }), { numRuns: 200 });
  });
});
