// `image = fal.ContainerImage.from_dockerfile_str(TEXT)` / `.from_dockerfile(PATH)`: the app's
// container, read back into cog.yaml terms (src/frontends/shared/dockerfile-build.ts).
// Docs: https://docs.fal.ai/documentation/development/container-images (custom images must
// install pydantic, protobuf and boto3 for fal's runtime; Cog does not need them).

import { posix } from 'node:path';
import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { callArguments, locOf, unwrapExpr } from '../../python/nodes.js';
import { readProjectText } from '../../fs/project-files.js';
import { excerpt, report, type Ctx } from '../cog/predictor/context.js';
import { qnameOf } from '../cog/predictor/symbols.js';
import { literalOf } from '../cog/predictor/values.js';
import { readDockerfileInto } from '../shared/dockerfile-build.js';
import type { AppBuild } from '../shared/build.js';

export const FAL_RUNTIME_PACKAGES: ReadonlySet<string> = new Set(['pydantic', 'protobuf', 'boto3', 'fal', 'fal-client']);

/** Reads the image expression into `app`; true when a Dockerfile was read. */
export function readFalImage(ctx: Ctx, mod: PyModule, node: SyntaxNode, app: AppBuild): boolean {
  const call = unwrapExpr(node);
  const fn = call.type === 'call' ? call.childForFieldName('function') : undefined;
  const q = fn ? qnameOf(ctx.graph, mod, fn) : undefined;
  const kind = q?.endsWith('ContainerImage.from_dockerfile_str') ? 'text' : q?.endsWith('ContainerImage.from_dockerfile') ? 'file' : undefined;
  if (!kind) {
    report(ctx, 'CM820', `image = ${excerpt(node)} is not ContainerImage.from_dockerfile_str/from_dockerfile; its contents are not carried`, mod, node);
    return false;
  }
  const { positional, keywords } = callArguments(call);
  const arg = positional[0] ?? keywords.find((k) => k.name === 'text' || k.name === 'path')?.value;
  const value = arg ? literalOf(ctx, mod, arg) : undefined;
  if (!arg || !value?.ok || typeof value.value !== 'string') {
    report(ctx, 'CM818', `the Dockerfile ${kind === 'text' ? 'text' : 'path'} (${arg ? excerpt(arg) : 'missing'}) is not a literal; the image is not carried into cog.yaml`, mod, arg ?? node);
    return false;
  }
  let text = value.value;
  const loc = locOf(arg, mod.file);
  if (kind === 'file') {
    const rel = posix.normalize(posix.join(posix.dirname(mod.file), value.value));
    const read = readProjectText(ctx.graph.root, rel);
    if (!read.ok) {
      report(ctx, 'CM818', `the Dockerfile ${value.value} cannot be read (${read.detail}); the image is not carried into cog.yaml`, mod, arg);
      return false;
    }
    text = read.text;
  }
  readDockerfileInto(app, text, loc, ctx.findings, { platform: 'fal', platformPackages: FAL_RUNTIME_PACKAGES });
  return true;
}
