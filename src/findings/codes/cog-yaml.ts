import type { CodeSpec } from './types.js';

// CM1xx: cog.yaml.
export const cogYamlCodes: CodeSpec[] = [];
