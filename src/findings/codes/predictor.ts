import type { CodeSpec } from './types.js';

// CM2xx: the predictor (Python).
export const predictorCodes: CodeSpec[] = [];
