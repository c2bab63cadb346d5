import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Input, IrType, Predictor } from '../../../src/ir/types.js';
import { deriveExamples, exampleFile, png } from '../../../src/verify/smoke/examples.js';

const loc = { file: 'predict.py', line: 1, column: 1 };
function input(name: string, type: IrType, extra: Partial<Input> = {}): Input {
  return { name, type, default: 'required', order: 0, spelling: 'Input', loc, ...extra };
}
function predictor(inputs: Input[]): Predictor {
  return { role: 'predict', ref: 'predict.py:Predictor', file: 'predict.py', name: 'Predictor', kind: 'class', method: 'predict', isAsync: false, inputs, output: { kind: 'str' }, localImports: [], runtimeApis: [], loc };
}

describe('deriveExamples', () => {
  it('uses defaults, first choices and bounds, and makes files for Path inputs', () => {
    const ex = deriveExamples(predictor([
      input('prompt', { kind: 'str' }),
      input('steps', { kind: 'int' }, { ge: 4, le: 50 }),
      input('scale', { kind: 'float' }, { default: { kind: 'literal', value: 7.5 } }),
      input('mode', { kind: 'str' }, { choices: { kind: 'literal', value: ['fast', 'slow'] } }),
      input('image', { kind: 'path' }),
      input('mask', { kind: 'optional', inner: { kind: 'file' } }),
      input('seed', { kind: 'int' }, { default: { kind: 'source', text: 'DEFAULT_SEED' } }),
      input('short', { kind: 'str' }, { maxLength: 3 }),
    ]));
    expect(ex.values).toEqual({ prompt: 'a photo of a cat', steps: 4, scale: 7.5, mode: 'fast', short: 'a p' });
    expect(Object.keys(ex.files)).toEqual(['image', 'mask']);
    expect(ex.files.image?.path).toBe('inputs/image.png');
    expect(ex.missing).toEqual({});
  });

  it('says which inputs have no example', () => {
    const ex = deriveExamples(predictor([input('frames', { kind: 'list', items: { kind: 'path' } })]));
    expect(Object.keys(ex.missing)).toEqual(['frames']);
  });

  it('picks text and audio files by the input name', () => {
    expect(exampleFile('text_file').path).toBe('inputs/text_file.txt');
    expect(exampleFile('audio').path).toBe('inputs/audio.wav');
  });
});

describe('png', () => {
  it('is a PNG that Python can read back with the right size (zlib + CRC checked)', () => {
    const data = png(8, 4);
    const out = execFileSync('python3', ['-c', [
      'import sys, struct, zlib',
      'b = sys.stdin.buffer.read()',
      'assert b[:8] == b"\\x89PNG\\r\\n\\x1a\\n"',
      'i = 8; idat = b""',
      'while i < len(b):',
      '    n, = struct.unpack(">I", b[i:i+4]); t = b[i+4:i+8]; d = b[i+8:i+8+n]',
      '    assert struct.unpack(">I", b[i+8+n:i+12+n])[0] == zlib.crc32(t + d)',
      '    if t == b"IHDR": w, h = struct.unpack(">II", d[:8])',
      '    if t == b"IDAT": idat += d',
      '    i += 12 + n',
      'assert len(zlib.decompress(idat)) == (w * 3 + 1) * h',
      'print(w, h)',
    ].join('\n')], { input: data, encoding: 'utf8' });
    expect(out.trim()).toBe('8 4');
  });
});

describe('a None default on an input that is not Optional', () => {
  it('gets an example value, since Cog\'s schema makes it required and its server refuses null', async () => {
    const { readCog } = await import('../../../src/frontends/cog/index.js');
    const { fileURLToPath } = await import('node:url');
    const { ir } = readCog(fileURLToPath(new URL('../../../fixtures/input-every-constraint/input', import.meta.url)));
    const ex = deriveExamples(ir!.predictors.predict!);
    expect(ex.values.seed).toBe(1);
    expect(ex.values.width).toBe(1024); // a real default stays
  });
});
