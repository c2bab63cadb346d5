// The Python version of an app that declares none: fal and Modal build for the Python of the
// machine that deploys the app; cog.yaml needs one, so the newest the common ML wheels (torch,
// diffusers) all publish for, said in CM813.

import type { SourceLocation } from '../../ir/types.js';
import { finding } from '../../findings/finding.js';
import type { Ctx } from '../cog/predictor/context.js';
import type { AppBuild } from './build.js';

export const ASSUMED_PYTHON = '3.12';

export function assumedPython(ctx: Ctx, app: AppBuild, platform: string, loc: SourceLocation): void {
  app.build.pythonVersion = ASSUMED_PYTHON;
  ctx.findings.push(finding('CM813', `the ${platform} app runs on the Python of the machine that deploys it; cog.yaml gets python_version ${ASSUMED_PYTHON}`, loc));
}
