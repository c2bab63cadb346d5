import type { CodeSpec } from './types.js';

// CM5xx: verification.
export const verifyCodes: CodeSpec[] = [];
