// fal's runtime brings FastAPI (the fal SDK depends on it and serves every app through it), so
// fal apps import `fastapi` / `starlette` without declaring them: response classes, `Response`
// parameters to set headers, HTTPException. Cog 0.19 and newer bring neither, so the Cog project
// declares fastapi when the app imports it, or the app fails at import in the Cog image.

import type { PyModule } from '../../python/modules.js';
import type { Ctx } from '../cog/predictor/context.js';
import { finding } from '../../findings/finding.js';
import { addRequirement, type AppBuild } from '../shared/build.js';

const IMPORTS_FASTAPI = /^[ \t]*(?:from[ \t]+(?:fastapi|starlette)(?:\.[\w.]+)?[ \t]+import\b|import[ \t]+(?:fastapi|starlette)\b)/m;

/** Adds `fastapi` to the build when the app file imports it (anywhere: fal apps import lazily too). */
export function declareFastapi(ctx: Ctx, mod: PyModule, build: AppBuild): void {
  if (build.build.pythonRequirements.some((r) => r.name?.toLowerCase() === 'fastapi')) return;
  const m = IMPORTS_FASTAPI.exec(mod.parsed.text);
  if (!m) return;
  const loc = { file: mod.file, line: mod.parsed.text.slice(0, m.index).split('\n').length, column: m[0].length - m[0].trimStart().length + 1 };
  ctx.findings.push(finding('CM828', 'fastapi is added to the requirements: the app imports it, and fal\'s runtime provides it where Cog\'s does not', loc));
  addRequirement(build, 'fastapi', loc);
}
