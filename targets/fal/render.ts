// Prints the app.py view model through Handlebars (noEscape). Values reach the text only through
// the named quoting helpers registered here; templates never interpolate user text raw.

import type Handlebars from 'handlebars';
import { compilePythonTemplate, templatesDir, tidyPython } from '../../src/render/python-template.js';
import { pyComment, pyIdent, pyLiteral, pyStr } from '../../src/quote/index.js';
import type { LiteralValue } from '../../src/ir/types.js';
import type { AppView } from './model.js';
import type { RuntimeModule } from '../../src/runtime/index.js';
import type { MediaKind } from '../../src/ir/media.js';
import { OUTPUT_CLASS } from './media.js';

const MEDIA_KINDS: readonly MediaKind[] = ['image', 'video', 'audio'];

export { pyComment } from '../../src/quote/index.js';

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  compiled ??= compilePythonTemplate(templatesDir('fal'), 'app.py.hbs', { helpers: 'helpers.py.hbs' });
  return compiled;
}

/** The cog_migrate_runtime modules app.py imports from (runtime/, shipped beside app.py). */
export function falRuntimeModules(view: AppView): RuntimeModule[] {
  return [
    ...(view.needs.download ? ['loading', 'inputs'] as const : ['loading'] as const),
    'failures',
    ...(view.needs.mediaOutputs.image ? ['media'] as const : []),
    ...(view.billableMetric !== undefined ? ['metrics'] as const : []),
  ];
}

function imports(view: AppView): { stdlibImports: string[]; typingImports: string; toolkitImports: string; pydanticImports: string; runtimeImports: string[] } {
  const n = view.needs;
  const stdlib = ['import importlib.util', 'import os', 'import sys'];
  if (view.roles.some((r) => r.usesTmp)) stdlib.push('import tempfile');
  if (n.asyncio) stdlib.push('import asyncio');
  if (n.toFile) stdlib.push('import mimetypes');
  if (view.streaming) stdlib.push('import json');
  const inputs = [...(n.openFile ? ['open_file'] : []), ...(n.download ? ['to_local_path'] : [])];
  const failures = [...(n.download ? ['input_failures'] : []), 'reported', ...(view.roles.some((r) => r.stream?.loop === 'for') ? ['streamed'] : []), ...(view.asyncStreaming ? ['astreamed'] : [])];
  const runtime = [
    `from cog_migrate_runtime.failures import ${failures.sort().join(', ')}`,
    ...(inputs.length > 0 ? [`from cog_migrate_runtime.inputs import ${inputs.join(', ')}`] : []),
    'from cog_migrate_runtime.loading import load_module',
    ...(n.mediaOutputs.image ? ['from cog_migrate_runtime.media import image_size'] : []),
    ...(view.billableMetric !== undefined ? ['from cog_migrate_runtime.metrics import active, billable_units, new_scope'] : []),
  ];
  const typing = new Set(['Any', 'Dict']);
  if (n.optional || view.usesWeights) typing.add('Optional');
  if (n.list || view.streaming) typing.add('List');
  if (n.literal) typing.add('Literal');
  if (view.roles.some((r) => r.stream?.loop === 'for')) typing.add('Iterator');
  if (view.asyncStreaming) typing.add('AsyncIterator');
  const toolkit = new Set(['FalBaseModel', 'Field']);
  for (const field of view.inputModels.flatMap((m) => m.fields)) toolkit.add(field.fieldFn);
  if (n.toFile) { toolkit.add('File'); toolkit.add('Image'); }
  for (const kind of MEDIA_KINDS) if (n.mediaOutputs[kind]) toolkit.add(OUTPUT_CLASS[kind]);
  if (n.download) toolkit.add('download_file');
  if (view.usesWeights) toolkit.add('download_model_weights');
  const pydantic = new Set(['BaseModel']);
  if (view.inputModels.some((m) => m.config.length > 0)) pydantic.add('ConfigDict');
  if (n.secret) pydantic.add('SecretStr');
  if (n.annotated) pydantic.add('AfterValidator');
  const sorted = (s: Set<string>) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(', ');
  return { stdlibImports: stdlib.sort(), typingImports: sorted(typing), toolkitImports: sorted(toolkit), pydanticImports: sorted(pydantic), runtimeImports: runtime };
}

export function renderApp(view: AppView): string {
  const text = template()({ ...view, ...imports(view) });
  // Blank-line runs from conditional blocks collapse to PEP 8's two.
  return tidyPython(text);
}
