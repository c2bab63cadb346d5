// The findings catalogue: the union of each stage's codes. Each stage owns one file so that
// stages can grow without touching each other; a duplicate code is a programming error.
import type { CodeSpec } from './types.js';
import { generalCodes } from './general.js';
import { cogYamlCodes } from './cog-yaml.js';
import { predictorCodes } from './predictor.js';
import { dockerfileCodes } from './dockerfile.js';
import { targetCodes } from './target.js';
import { verifyCodes } from './verify.js';
import { safePushCodes } from './safe-push.js';
import { clientsCodes } from './clients.js';
import { batchCodes } from './batch.js';
import { frontendCodes } from './frontends.js';

export type { CodeSpec } from './types.js';

export const ALL_CODES: readonly CodeSpec[] = [
  ...generalCodes,
  ...cogYamlCodes,
  ...predictorCodes,
  ...dockerfileCodes,
  ...targetCodes,
  ...verifyCodes,
  ...safePushCodes,
  ...clientsCodes,
  ...batchCodes,
  ...frontendCodes,
// Code-unit order (codes are ASCII): localeCompare would load ICU's collator, tens of ms at startup.
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const byCode = new Map<string, CodeSpec>();
for (const spec of ALL_CODES) {
  if (byCode.has(spec.code)) throw new Error(`duplicate finding code ${spec.code}`);
  byCode.set(spec.code, spec);
}

export function codeSpec(code: string): CodeSpec {
  const spec = byCode.get(code);
  if (!spec) throw new Error(`unknown finding code ${code}`);
  return spec;
}
