// verify's part for the workers-ai target: its outputs are recognised by worker/wrangler.jsonc
// (also without migration.json) and verified level by level by src/verify/workers-ai/ (the
// Worker checked with Cloudflare's own tools and run on workerd in front of the image's Cog
// server), on the shared machinery: engine, base substitution, builds, the BYO image of the Cog
// project (../cog/image.ts), example inputs, the model's test cases.

import type { TargetVerify } from '../types.js';
import { isWorkersAiOutput } from '../../workers-ai/index.js';
import { verifyWorkersAi } from '../../workers-ai/verify.js';

export const workersAiVerify: TargetVerify = {
  recognise: isWorkersAiOutput,
  verify: verifyWorkersAi,
};
