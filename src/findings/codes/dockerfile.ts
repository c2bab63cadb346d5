import type { CodeSpec } from './types.js';

// CM3xx: Dockerfile generation and pruning.
export const dockerfileCodes: CodeSpec[] = [];
