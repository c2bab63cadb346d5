// Quoting for values that reach generated TypeScript/JavaScript (and JSON/JSONC such as
// wrangler.jsonc, which read the same literal).

/**
 * A TypeScript string literal for `s`: JSON's escaping (which also escapes lone surrogates, so
 * the text stays well-formed) plus U+2028/2029, which JavaScript before ES2019 rejects in strings.
 */
export function tsStr(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Words a generated binding may not use: reserved in strict-mode module code, plus `eval` and
 * `arguments`, which strict mode forbids as binding names. */
const TS_RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'await',
  'implements', 'interface', 'package', 'private', 'protected', 'public', 'eval', 'arguments',
]);

/** True when `s` is an ASCII identifier generated TypeScript may bind (`const s = ...`). */
export function isTsIdentifier(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) && !TS_RESERVED.has(s);
}

/**
 * Text that stays inside a `/** ... *\/` doc comment: a `*\/` in it would end the comment and
 * turn the rest into code, and a line opening with `@` would become a JSDoc tag.
 */
export function tsDocText(s: string): string {
  return s.replace(/\*\//g, '*\\/').replace(/^(\s*)@/gm, '$1\\@').replace(/\r\n?/g, '\n');
}

/** A TypeScript literal for a finite number (constraints, defaults); throws otherwise (a bug). */
export function tsNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return Object.is(n, -0) ? '0' : String(n);
}
