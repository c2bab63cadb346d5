// Prints predict.py from its view model through Handlebars (noEscape). User values reach the
// text only through the quoting helpers; fragments in the view were built with the same helpers.

import type Handlebars from 'handlebars';
import { compilePythonTemplate, templatesDir, tidyPython } from '../../src/render/python-template.js';
import type { PredictView } from './predictor.js';

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  compiled ??= compilePythonTemplate(templatesDir('cog'), 'predict.py.hbs');
  return compiled;
}

const TITLES = { fal: 'fal', modal: 'Modal' } as const;

export function renderPredict(view: PredictView): string {
  const setupWhat = view.platform === 'fal' ? 'setup()' : '@modal.enter() methods';
  const text = template()({ ...view, platformTitle: TITLES[view.platform], setupWhat });
  return tidyPython(text);
}
