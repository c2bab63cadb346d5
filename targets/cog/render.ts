// Prints predict.py from its view model through Handlebars (noEscape). User values reach the
// text only through the quoting helpers; fragments in the view were built with the same helpers.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { pyComment } from '../../src/quote/index.js';
import type { PredictView } from './predictor.js';

function templatesDir(): string {
  const candidates = [new URL('./templates/', import.meta.url), new URL('../../../targets/cog/templates/', import.meta.url)];
  for (const c of candidates) if (existsSync(fileURLToPath(c))) return fileURLToPath(c);
  throw new Error('cog templates not found');
}

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  if (compiled) return compiled;
  const hb = Handlebars.create();
  hb.registerHelper('pyComment', (s: unknown) => pyComment(String(s)));
  compiled = hb.compile(readFileSync(`${templatesDir()}predict.py.hbs`, 'utf8'), { noEscape: true, strict: false });
  return compiled;
}

const TITLES = { fal: 'fal', modal: 'Modal' } as const;

export function renderPredict(view: PredictView): string {
  const setupWhat = view.platform === 'fal' ? 'setup()' : '@modal.enter() methods';
  const text = template()({ ...view, platformTitle: TITLES[view.platform], setupWhat });
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{4,}/g, '\n\n\n').replace(/\s+$/, '')}\n`;
}
