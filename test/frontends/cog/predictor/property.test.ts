// Property: random valid Input(...) signatures, generated as Python text, parse back to the
// same IR (names, types, defaults, descriptions with quotes/backslashes/unicode, constraints,
// choices, order, spelling, locations), with no findings.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPyIdentifier, pyStr } from '../../../../src/quote/python.js';
import type { Input, LiteralValue } from '../../../../src/ir/types.js';
import { extract, predictorOf } from './helpers.js';

/** A second quoting style: single quotes, with every non-ASCII character as an escape. */
function pySingle(s: string): string {
  let out = "'";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp <= 0xff) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}'`;
}

const quoteArb = fc.constantFrom(pyStr, pySingle);
const textArb = fc.string({ unit: 'binary', maxLength: 20 });

function pyNumber(n: number, float: boolean): string {
  const s = String(n);
  return float && /^-?\d+$/.test(s) ? `${s}.0` : s;
}

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => (Object.is(x, -0) ? 0 : x));

type Spec = {
  name: string;
  type: 'str' | 'int' | 'float' | 'bool' | 'Path';
  spelling: 'Input' | 'plain';
  default?: LiteralValue;
  description?: string;
  ge?: number;
  le?: number;
  minLength?: number;
  maxLength?: number;
  choices?: LiteralValue[];
  deprecated?: boolean;
  quote: (s: string) => string;
};

const specArb: fc.Arbitrary<Omit<Spec, 'name'>> = fc.oneof(
  // str with optional length constraints or choices
  fc.record({
    spelling: fc.constantFrom('Input' as const, 'plain' as const),
    def: fc.option(textArb, { nil: undefined }),
    description: fc.option(textArb, { nil: undefined }),
    lengths: fc.boolean(),
    choices: fc.option(fc.uniqueArray(textArb, { minLength: 2, maxLength: 4 }), { nil: undefined }),
    deprecated: fc.option(fc.boolean(), { nil: undefined }),
    quote: quoteArb,
  }).map((r) => {
    const s: Omit<Spec, 'name'> = { type: 'str', spelling: r.spelling, quote: r.quote };
    if (r.spelling === 'plain') {
      if (r.def !== undefined) s.default = r.def;
      return s;
    }
    if (r.choices) {
      s.choices = r.choices;
      s.default = r.choices[0]!;
    } else if (r.def !== undefined) {
      s.default = r.def;
      if (r.lengths) {
        const len = [...r.def].length;
        s.minLength = Math.max(0, len - 1);
        s.maxLength = len + 2;
      }
    }
    if (r.description !== undefined) s.description = r.description;
    if (r.deprecated !== undefined) s.deprecated = r.deprecated;
    return s;
  }),
  // int / float with bounds around the default, or int choices
  fc.record({
    type: fc.constantFrom('int' as const, 'float' as const),
    spelling: fc.constantFrom('Input' as const, 'plain' as const),
    value: finiteDouble,
    below: fc.option(fc.nat({ max: 1000 }), { nil: undefined }),
    above: fc.option(fc.nat({ max: 1000 }), { nil: undefined }),
    intChoices: fc.option(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 5 }), { nil: undefined }),
    description: fc.option(textArb, { nil: undefined }),
    quote: quoteArb,
  }).map((r) => {
    const value = r.type === 'int' ? Math.trunc(r.value) || 0 : r.value;
    const s: Omit<Spec, 'name'> = { type: r.type, spelling: r.spelling, default: value, quote: r.quote };
    if (r.spelling === 'plain') return s;
    if (r.type === 'int' && r.intChoices) {
      s.choices = r.intChoices;
      s.default = r.intChoices[r.intChoices.length - 1]!;
    } else {
      if (r.below !== undefined) s.ge = value - r.below;
      if (r.above !== undefined) s.le = value + r.above;
    }
    if (r.description !== undefined) s.description = r.description;
    return s;
  }),
  fc.record({ def: fc.option(fc.boolean(), { nil: undefined }), spelling: fc.constantFrom('Input' as const, 'plain' as const), quote: quoteArb }).map((r) => {
    const s: Omit<Spec, 'name'> = { type: 'bool', spelling: r.spelling, quote: r.quote };
    if (r.def !== undefined) s.default = r.def;
    return s;
  }),
  fc.record({ description: fc.option(textArb, { nil: undefined }), quote: quoteArb }).map((r) => {
    const s: Omit<Spec, 'name'> = { type: 'Path', spelling: 'Input', quote: r.quote };
    if (r.description !== undefined) s.description = r.description;
    return s;
  }),
);

const nameArb = fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/).filter((n) => isPyIdentifier(n) && n !== 'self');

const signatureArb = fc.uniqueArray(fc.tuple(nameArb, specArb), { minLength: 0, maxLength: 8, selector: ([n]) => n })
  // Python: a parameter without default cannot follow one with a default.
  .map((params) => {
    const specs = params.map(([name, s]) => ({ name, ...s }) as Spec);
    const required = specs.filter((s) => s.default === undefined && s.spelling === 'plain');
    const rest = specs.filter((s) => !(s.default === undefined && s.spelling === 'plain'));
    return [...required, ...rest];
  });

function literal(v: LiteralValue, type: Spec['type'], quote: (s: string) => string): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v, type === 'float');
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return `[${v.map((x) => literal(x, type, quote)).join(', ')}]`;
  throw new Error('unused');
}

function paramText(s: Spec): string {
  const ann = `${s.name}: ${s.type}`;
  if (s.spelling === 'plain') return s.default === undefined ? ann : `${ann} = ${literal(s.default, s.type, s.quote)}`;
  const args: string[] = [];
  if (s.default !== undefined) args.push(`default=${literal(s.default, s.type, s.quote)}`);
  if (s.description !== undefined) args.push(`description=${s.quote(s.description)}`);
  if (s.ge !== undefined) args.push(`ge=${pyNumber(s.ge, s.type === 'float')}`);
  if (s.le !== undefined) args.push(`le=${pyNumber(s.le, s.type === 'float')}`);
  if (s.minLength !== undefined) args.push(`min_length=${s.minLength}`);
  if (s.maxLength !== undefined) args.push(`max_length=${s.maxLength}`);
  if (s.choices !== undefined) args.push(`choices=${literal(s.choices, s.type, s.quote)}`);
  if (s.deprecated !== undefined) args.push(`deprecated=${s.deprecated ? 'True' : 'False'}`);
  // Shuffle-free but order-independent: keywords in a fixed order are enough for the property.
  return `${ann} = Input(${args.join(', ')})`;
}

const TYPE_KIND = { str: 'str', int: 'int', float: 'float', bool: 'bool', Path: 'path' } as const;

function expected(s: Spec, order: number): Input {
  const out: Input = {
    name: s.name,
    type: { kind: TYPE_KIND[s.type] },
    default: s.default === undefined ? 'required' : { kind: 'literal', value: s.default },
    order,
    spelling: s.spelling,
    loc: { file: 'predict.py', line: 6 + order, column: 9 },
  };
  if (s.description !== undefined) out.description = s.description;
  if (s.ge !== undefined) out.ge = s.ge;
  if (s.le !== undefined) out.le = s.le;
  if (s.minLength !== undefined) out.minLength = s.minLength;
  if (s.maxLength !== undefined) out.maxLength = s.maxLength;
  if (s.choices !== undefined) out.choices = { kind: 'literal', value: s.choices };
  if (s.deprecated !== undefined) out.deprecated = s.deprecated;
  return out;
}

describe('property: Input signatures round-trip', () => {
  it('parses a generated signature back to the IR it was generated from, with no findings', () => {
    fc.assert(
      fc.property(signatureArb, (specs) => {
        const source = [
          'from cog import BasePredictor, Input, Path',
          '',
          'class Predictor(BasePredictor):',
          '    def predict(',
          '        self,',
          ...specs.map((s) => `        ${paramText(s)},`),
          '    ) -> str:',
          '        return ""',
          '',
        ].join('\n');
        const e = extract(source);
        expect(e.findings).toEqual([]);
        expect(predictorOf(e).inputs).toEqual(specs.map(expected));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });
});
