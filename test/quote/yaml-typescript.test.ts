// yamlScalar and tsStr, held against real readers: the `yaml` package (YAML 1.2), PyYAML (YAML
// 1.1, the reader of Python tools) and Python's tomllib for the TOML claim; a JavaScript parse for
// tsStr. Property runs use every code point (unit 'binary'), lone surrogates included.
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTsIdentifier, tsStr, yamlScalar } from '../../src/quote/index.js';
import { pythonEnv } from '../helpers/python-env.js';

const anyText = fc.string({ unit: 'binary', maxLength: 30 });
const HARD = ['yes', 'no', '3.10', '~', '#c', 'a: b', '- x', '"q"', 'multi\nline', '\\', '{x}', '*alias', '&a', '', ' lead', 'trail ',
  'nel\u0085x', 'ls\u2028ps\u2029', 'bom\ufeff', 'c1\u009b[31m', 'esc\x1b[2J', 'del\x7f', 'cr\rlf\n', 'nul\0', 'tab\tx', '\ud800', 'a\udfffb', '\ufffe\uffff', '🙂'];

/** What PyYAML (the fal venv's, pinned) and tomllib read from `k: <scalar>` / `k = <scalar>`. */
function pythonReads(scalars: string[]): { yaml: string[]; toml: (string | null)[] } {
  const script = [
    'import json, sys, tomllib, yaml',
    'items = sys.stdin.buffer.read().decode("utf-8").split("\\n")',
    'def toml(s):',
    '    try: return tomllib.loads("k = " + s)["k"]',
    '    except Exception: return None',
    'print(json.dumps({"yaml": [yaml.safe_load("k: " + s)["k"] for s in items], "toml": [toml(s) for s in items]}))',
  ].join('\n');
  // The scalars are one line each (newlines are escaped), so a newline separates them.
  const out = execFileSync(pythonEnv('fal'), ['-c', script], { input: Buffer.from(scalars.join('\n'), 'utf8'), encoding: 'utf8' });
  return JSON.parse(out) as { yaml: string[]; toml: (string | null)[] };
}

describe('yamlScalar', () => {
  it('keeps YAML-special and hostile text as strings (yaml package)', () => {
    for (const s of HARD) expect(parse(`k: ${yamlScalar(s)}`), JSON.stringify(s)).toEqual({ k: s });
  });
  it('is one line of well-formed printable text: no raw control, line-break or BOM character', () => {
    for (const s of HARD) {
      const q = yamlScalar(s);
      expect(q.isWellFormed(), JSON.stringify(s)).toBe(true);
      expect(q, JSON.stringify(s)).not.toMatch(/[\0-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/);
    }
    expect(yamlScalar('a\u0085b')).toBe('"a\\u0085b"');
    // The short escapes where YAML and TOML share them; printable space and NBSP stay as they are.
    expect(yamlScalar('a\nb\tc')).toBe('"a\\nb\\tc"');
    expect(yamlScalar(' \u00a0 x')).toBe('" \u00a0 x"');
    expect(yamlScalar('x\x1b')).toBe('"x\\u001b"');
  });
  it('PyYAML reads the same text back, and tomllib too for well-formed text', () => {
    const inputs = [...HARD, ...fc.sample(anyText, 200)];
    const got = pythonReads(inputs.map(yamlScalar));
    expect(got.yaml).toEqual(inputs);
    const wellFormed = inputs.map((s, i) => [s, got.toml[i]] as const).filter(([s]) => s.isWellFormed());
    expect(wellFormed.map(([, t]) => t)).toEqual(wellFormed.map(([s]) => s));
  });
  it('round-trips arbitrary strings through the yaml package (property)', () => {
    fc.assert(fc.property(anyText, (s) => {
      expect(parse(`k: ${yamlScalar(s)}`)).toEqual({ k: s });
    }), { numRuns: 300 });
  });
});

describe('tsStr', () => {
  it('round-trips arbitrary strings through a JavaScript parse, as well-formed text (property)', () => {
    fc.assert(fc.property(anyText, (s) => {
      const q = tsStr(s);
      expect(q.isWellFormed()).toBe(true);
      expect(q).not.toMatch(/[\n\r\u2028\u2029]/);
      // eslint-disable-next-line no-new-func
      expect(new Function(`return ${q};`)()).toBe(s);
    }), { numRuns: 300 });
  });
  it('escapes the separators older JavaScript rejects, and lone surrogates', () => {
    expect(tsStr('a\u2028b\u2029')).toBe('"a\\u2028b\\u2029"');
    expect(tsStr('\ud800')).toBe('"\\ud800"');
    expect(tsStr('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });
});

describe('isTsIdentifier', () => {
  /** Strict-mode module JavaScript binds the name (what a generated `const` needs). */
  const binds = (name: string): boolean => {
    try {
      // eslint-disable-next-line no-new-func
      new Function(`"use strict"; let ${name} = 1; return ${name};`);
      return !['await', 'enum', 'implements', 'interface', 'package', 'private', 'protected', 'public'].includes(name);
    } catch {
      return false;
    }
  };
  it('agrees with a strict-mode parse on names, reserved words and injections', () => {
    const names = ['env', '$x', '_a1', 'Request', 'class', 'delete', 'let', 'yield', 'static', 'await', 'enum', 'interface', 'eval', 'arguments',
      'null', 'true', 'this', 'new', 'a b', '1a', '', 'a-b', 'x;alert(1)', 'é', 'type', 'any'];
    for (const n of names) expect(isTsIdentifier(n), n).toBe(binds(n) && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(n));
  });
});
