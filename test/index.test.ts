import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';

describe('public API', () => {
  it('exposes every pipeline stage', () => {
    for (const name of ['readCog', 'irToJson', 'toOpenApi', 'dockerfileFor', 'falTarget', 'convert', 'writeOutput', 'verify']) {
      expect(typeof (lib as Record<string, unknown>)[name], name).not.toBe('undefined');
    }
    expect(lib.IR_VERSION).toBe(1);
  });
});
