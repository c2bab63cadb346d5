import type { CodeSpec } from './types.js';

// CM4xx: target mapping (CM40x shared, CM41x fal, CM42x modal, CM43x workers-ai, CM44x cog).
export const targetCodes: CodeSpec[] = [];
