import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlScalar } from '../../src/quote/yaml.js';
import { tsStr } from '../../src/quote/typescript.js';

describe('yamlScalar', () => {
  it('keeps YAML-special text as strings', () => {
    for (const s of ['yes', 'no', '3.10', '~', '#c', 'a: b', '- x', '"q"', 'multi\nline', '\\', '{x}', '*alias', '&a']) {
      expect(parse(`k: ${yamlScalar(s)}`)).toEqual({ k: s });
    }
  });
  it('round-trips arbitrary strings (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => {
      expect(parse(`k: ${yamlScalar(s)}`)).toEqual({ k: s });
    }), { numRuns: 300 });
  });
});

describe('tsStr', () => {
  it('round-trips arbitrary strings through a JavaScript parse (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => {
      // eslint-disable-next-line no-new-func
      expect(new Function(`return ${tsStr(s)};`)()).toBe(s);
    }), { numRuns: 300 });
  });
});
