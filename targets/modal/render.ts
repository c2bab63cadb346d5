// Prints the modal_app.py view model through Handlebars (noEscape). Values reach the text only
// through the named quoting helpers registered here; templates never interpolate user text raw.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { pyComment, pyIdent, pyStr } from '../../src/quote/index.js';
import type { ModalView } from './model.js';

function templatesDir(): string {
  // From source (tsx/vitest) the templates sit next to this file; from dist/ they are shipped
  // at the package root under targets/modal/templates.
  const candidates = [new URL('./templates/', import.meta.url), new URL('../../../targets/modal/templates/', import.meta.url)];
  for (const c of candidates) if (existsSync(fileURLToPath(c))) return fileURLToPath(c);
  throw new Error('modal templates not found');
}

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  if (compiled) return compiled;
  const dir = templatesDir();
  const hb = Handlebars.create();
  hb.registerHelper('pyStr', (s: unknown) => pyStr(String(s)));
  hb.registerHelper('pyIdent', (s: unknown) => pyIdent(String(s)));
  hb.registerHelper('pyComment', (s: unknown) => pyComment(String(s)));
  hb.registerPartial('models', readFileSync(`${dir}models.py.hbs`, 'utf8'));
  compiled = hb.compile(readFileSync(`${dir}modal_app.py.hbs`, 'utf8'), { noEscape: true, strict: false });
  return compiled;
}

export function renderModalApp(view: ModalView): string {
  const text = template()({ ...view, oneLineCls: view.clsArguments.length === 1 && view.clsArguments[0]!.note === undefined });
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{4,}/g, '\n\n\n').replace(/\s+$/, '')}\n`;
}
