// Prints the modal_app.py view model through Handlebars (noEscape). Values reach the text only
// through the named quoting helpers registered here; templates never interpolate user text raw.

import type Handlebars from 'handlebars';
import { compilePythonTemplate, templatesDir, tidyPython } from '../../src/render/python-template.js';
import type { ModalView } from './model.js';

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  compiled ??= compilePythonTemplate(templatesDir('modal'), 'modal_app.py.hbs', { models: 'models.py.hbs' });
  return compiled;
}

export function renderModalApp(view: ModalView): string {
  const text = template()({ ...view, oneLineCls: view.clsArguments.length === 1 && view.clsArguments[0]!.note === undefined });
  return tidyPython(text);
}
