// Handlebars for the Python files targets emit (noEscape). One place registers the quoting
// helpers, so every target's templates reach user values only through them, and one place finds
// a target's templates both from source and from the built package.

import { existsSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import Handlebars from 'handlebars';
import { pyComment, pyIdent, pyLiteral, pyRawStr, pyStr } from '../quote/index.js';
import type { LiteralValue } from '../ir/types.js';
import { trimLineEnds } from '../util/trim.js';
import { packagePath } from '../util/package-root.js';

/** targets/<target>/templates/ at the package root (from source, dist/ and the bundled CLI alike), with a trailing slash. */
export function templatesDir(target: string): string {
  const dir = packagePath('targets', target, 'templates') + sep;
  if (!existsSync(dir)) throw new Error(`${target} templates not found at ${dir}`);
  return dir;
}

/** Compiles `main` with `partials` (name -> file), all from the target's templates folder. */
export function compilePythonTemplate(dir: string, main: string, partials: Record<string, string> = {}): Handlebars.TemplateDelegate {
  const hb = Handlebars.create();
  hb.registerHelper('pyStr', (s: unknown) => pyStr(String(s)));
  hb.registerHelper('pyRawStr', (s: unknown) => pyRawStr(String(s)));
  hb.registerHelper('pyIdent', (s: unknown) => pyIdent(String(s)));
  hb.registerHelper('pyLiteral', (v: unknown) => pyLiteral(v as LiteralValue));
  hb.registerHelper('pyComment', (s: unknown) => pyComment(String(s)));
  hb.registerHelper('pyStrList', (xs: unknown) => `[${(xs as string[]).map((x) => pyStr(x)).join(', ')}]`);
  hb.registerHelper('join', (xs: unknown, sep: unknown) => (xs as string[]).join(String(sep)));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const [name, file] of Object.entries(partials)) hb.registerPartial(name, readFileSync(`${dir}${file}`, 'utf8'));
  return hb.compile(readFileSync(`${dir}${main}`, 'utf8'), { noEscape: true, strict: false });
}

/**
 * Rendered template text as a Python file: no trailing blanks (a linear trim: `/[ \t]+$/gm` is
 * quadratic on a long run of blanks), at most two blank lines in a row, one final newline.
 */
export function tidyPython(text: string): string {
  return `${trimLineEnds(text).replace(/\n{4,}/g, '\n\n\n').trimEnd()}\n`;
}
