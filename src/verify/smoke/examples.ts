// Example inputs for one smoke request, derived from the predictor's input schema: the default
// where there is one, else the first choice, else a value inside the declared bounds; file
// inputs get a small generated file (a valid PNG unless the name says text or audio).

import { deflateSync } from 'node:zlib';
import type { Input, IrType, LiteralValue, Predictor } from '../../ir/types.js';

export interface ExampleFile {
  /** Name inside the smoke folder, e.g. `inputs/image.png`. */
  path: string;
  data: Buffer;
}

export interface Examples {
  /** JSON values, keyed by input name; file inputs are absent here (see `files`). */
  values: Record<string, LiteralValue>;
  files: Record<string, ExampleFile>;
  /** Inputs for which no example could be made (the reason per input). */
  missing: Record<string, string>;
}

function unwrap(t: IrType): IrType {
  return t.kind === 'optional' ? unwrap(t.inner) : t;
}

/** The IR kind the smoke driver needs to rebuild Cog values (`path`, `secret`). */
export function inputKind(input: Input): string {
  const t = unwrap(input.type);
  return t.kind === 'file' ? 'path' : t.kind;
}

/** True when a request must carry a value for `input`: it is required, or it is
 * `seed: int = Input(default=None)`, which Cog's schema makes required (its server refuses null). */
export function needsValue(input: Input): boolean {
  if (input.default === 'required') return true;
  return input.default.kind === 'literal' && input.default.value === null && input.type.kind !== 'optional';
}

export function deriveExamples(predictor: Predictor): Examples {
  const out: Examples = { values: {}, files: {}, missing: {} };
  for (const input of predictor.inputs) {
    const t = unwrap(input.type);
    if (t.kind === 'path' || t.kind === 'file') {
      out.files[input.name] = exampleFile(input.name);
      continue;
    }
    if (t.kind === 'list' && (unwrap(t.items).kind === 'path' || unwrap(t.items).kind === 'file')) {
      out.missing[input.name] = 'a list of files has no schema-derived example';
      continue;
    }
    if (!needsValue(input) && input.default !== 'required') {
      if (input.default.kind === 'literal') {
        out.values[input.name] = input.default.value;
        continue;
      }
      // A default kept as source text is left to the predictor's own signature.
      continue;
    }
    const v = scalarExample(input, t);
    if (v === undefined) out.missing[input.name] = `no example for a required ${t.kind} input`;
    else out.values[input.name] = v;
  }
  return out;
}

function scalarExample(input: Input, t: IrType): LiteralValue | undefined {
  if (input.choices?.kind === 'literal' && Array.isArray(input.choices.value) && input.choices.value.length > 0) {
    return input.choices.value[0]!;
  }
  switch (t.kind) {
    case 'str':
    case 'secret': {
      const min = input.minLength ?? 0;
      const base = 'a photo of a cat';
      const s = base.length >= min ? base : base.padEnd(min, 'x');
      return input.maxLength !== undefined ? s.slice(0, Math.max(input.maxLength, 0)) : s;
    }
    case 'int': {
      const lo = input.ge ?? (input.le !== undefined ? Math.min(0, input.le) : 1);
      return Math.ceil(lo);
    }
    case 'float':
      return input.ge ?? (input.le !== undefined ? Math.min(0.5, input.le) : 0.5);
    case 'bool':
      return true;
    case 'list': {
      const item = scalarExample({ ...input, choices: undefined } as Input, unwrap(t.items));
      return item === undefined ? undefined : [item];
    }
    case 'dict':
    case 'any':
      return {};
    default:
      return undefined;
  }
}

export function exampleFile(name: string): ExampleFile {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_') || 'input';
  if (/text|txt|prompt|doc/i.test(name)) return { path: `inputs/${safe}.txt`, data: Buffer.from('hello from cog-migrate\n') };
  if (/audio|wav|sound|speech/i.test(name)) return { path: `inputs/${safe}.wav`, data: silentWav() };
  return { path: `inputs/${safe}.png`, data: png(8, 8) };
}

/** An RGB PNG with a simple gradient: valid for PIL, small, deterministic. */
export function png(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = (x * 255) / Math.max(1, width - 1);
      raw[o + 1] = (y * 255) / Math.max(1, height - 1);
      raw[o + 2] = 128;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([len, body, crc]);
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** 0.1 s of 16-bit mono silence at 16 kHz. */
function silentWav(): Buffer {
  const samples = 1600;
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0); b.writeUInt32LE(36 + samples * 2, 4); b.write('WAVE', 8);
  b.write('fmt ', 12); b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22);
  b.writeUInt32LE(16000, 24); b.writeUInt32LE(32000, 28); b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34);
  b.write('data', 36); b.writeUInt32LE(samples * 2, 40);
  return b;
}
