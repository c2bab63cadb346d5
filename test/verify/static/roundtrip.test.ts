import { describe, expect, it } from 'vitest';
import { checkRoundTrip, firstDifference } from '../../../src/verify/static/roundtrip.js';

describe('firstDifference', () => {
  it('is undefined for equal JSON regardless of key order', () => {
    expect(firstDifference({ a: [1, { b: 2 }], c: 'x' }, { c: 'x', a: [1, { b: 2 }] })).toBeUndefined();
  });
  it('names the first differing path', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('$.a[1].b');
    expect(firstDifference({ a: 1 }, { a: 1, z: null })).toBe('$.z');
  });
});

describe('checkRoundTrip', () => {
  it('reports CM505 with the path, and CM503 when the hook throws', async () => {
    expect(await checkRoundTrip(() => ({ before: { x: 1 }, after: { x: 1 } }))).toEqual([]);
    expect((await checkRoundTrip(() => ({ before: { x: 1 }, after: { x: 2 } })))[0]).toMatchObject({ code: 'CM505', message: expect.stringContaining('$.x') });
    expect((await checkRoundTrip(() => { throw new Error('no openapi'); }))[0]?.code).toBe('CM503');
  });
});
