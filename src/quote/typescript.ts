// Quoting for values that reach generated TypeScript/JavaScript.

/** A TypeScript string literal for `s`; JSON escaping plus U+2028/2029, which older JS rejects. */
export function tsStr(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function isTsIdentifier(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s);
}
