// Which kind of media a predictor's file outputs are, read from the serving method's own code:
// the file names it writes. Cog declares every file output as a bare `Path`, so this is the only
// static sign of whether a playground should show an image, a video or an audio player. The
// rule is strict: every file name in the method that ends in a media suffix must name the same
// kind, else nothing is claimed (a model writing "mask.png" and returning "out.mp4" is unclear).

import type { Input, IrType } from '../../../ir/types.js';
import { mediaOfSuffix, type MediaKind } from '../../../ir/media.js';
import { descendantsOfTypes } from '../../../python/nodes.js';
import type { SyntaxNode } from '../../../python/parse.js';

const STRINGS = new Set(['string']);
// A file name's suffix at the end of a string's text: "out.png", "/tmp/x.wav".
const LITERAL_SUFFIX = /\.([A-Za-z0-9]{2,11})$/;
// Files that are not media: a method that also writes one of these may return it.
const OTHER_FILES = new Set([
  'txt', 'json', 'jsonl', 'csv', 'tsv', 'yaml', 'yml', 'xml', 'html', 'md', 'pdf', 'srt', 'vtt', 'zip', 'tar', 'gz',
  'npy', 'npz', 'pt', 'pth', 'ckpt', 'safetensors', 'bin', 'onnx', 'obj', 'glb', 'gltf', 'ply', 'stl', 'fbx', 'usdz',
]);
type Seen = MediaKind | 'other';

function hasFiles(t: IrType): boolean {
  switch (t.kind) {
    case 'path': case 'file': return true;
    case 'list': case 'iterator': case 'asyncIterator': return hasFiles(t.items);
    case 'optional': return hasFiles(t.inner);
    default: return false;
  }
}

/** The media kinds of the choices of input `name`, when every choice is a media suffix. */
function choiceKinds(inputs: readonly Input[], name: string): MediaKind[] | undefined {
  const input = inputs.find((i) => i.name === name);
  const choices = input?.choices?.kind === 'literal' ? input.choices.value : undefined;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const kinds = choices.map((c) => (typeof c === 'string' ? mediaOfSuffix(c) : undefined));
  return kinds.every((k) => k !== undefined) ? (kinds as MediaKind[]) : undefined;
}

/** The kinds one string literal names: a literal suffix, or `.{fmt}` with a media-format input. */
function kindsOf(node: SyntaxNode, inputs: readonly Input[]): Seen[] {
  const parts = node.namedChildren.filter((c) => c.type === 'string_content' || c.type === 'interpolation');
  const last = parts[parts.length - 1];
  if (!last) return [];
  if (last.type === 'string_content') {
    const suffix = LITERAL_SUFFIX.exec(last.text)?.[1]?.toLowerCase();
    if (suffix === undefined) return [];
    const kind = mediaOfSuffix(suffix);
    return kind ? [kind] : OTHER_FILES.has(suffix) ? ['other'] : [];
  }
  // f"output.{output_format}": the suffix is an input whose choices are formats.
  const before = parts[parts.length - 2];
  const expr = last.childForFieldName('expression') ?? last.namedChildren[0];
  if (before?.type !== 'string_content' || !before.text.endsWith('.') || expr?.type !== 'identifier') return [];
  return choiceKinds(inputs, expr.text) ?? [];
}

/** The one media kind of the method's file outputs, or undefined (no files, none named, mixed). */
export function readOutputMedia(method: SyntaxNode, inputs: readonly Input[], output: IrType): MediaKind | undefined {
  const fileOutput = hasFiles(output) || (output.kind === 'object' && output.fields.some((f) => hasFiles(f.type)));
  if (!fileOutput) return undefined;
  const body = method.childForFieldName('body');
  if (!body) return undefined;
  const kinds = new Set(descendantsOfTypes(body, STRINGS).flatMap((s) => kindsOf(s, inputs)));
  const only = kinds.size === 1 ? [...kinds][0] : undefined;
  return only === 'other' ? undefined : only;
}
