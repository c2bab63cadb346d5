import type { CodeSpec } from './types.js';

// CM18x-CM19x: cog-safe-push configs (cog-safe-push.yaml, cog-safe-push-configs/<variant>.yaml):
// the model's test cases, fuzzing, test and deployment hardware. Field rules follow
// cog-safe-push's own config model (extra fields forbidden, at most one output checker).
export const safePushCodes: CodeSpec[] = [
  { code: 'CM180', defaultSeverity: 'error', title: 'cog-safe-push config cannot be read', hint: 'The file must be a YAML mapping of at most 1 MB inside the project; fix the YAML error at the line shown.' },
  { code: 'CM181', defaultSeverity: 'error', title: 'cog-safe-push config lacks a required field', hint: 'cog-safe-push requires `model: owner/name` at the top and `inputs:` in every test case; add it.' },
  { code: 'CM182', defaultSeverity: 'error', title: 'Test case has more than one output checker', hint: 'cog-safe-push allows at most one of exact_string, match_url, match_prompt, jq_query and error_contains per test case; split it into two cases.' },
  { code: 'CM183', defaultSeverity: 'error', title: 'Unknown cog-safe-push field', hint: 'cog-safe-push rejects fields it does not know (its config model forbids extra fields); fix the spelling or remove the field.' },
  { code: 'CM184', defaultSeverity: 'error', title: 'cog-safe-push field has the wrong type', hint: 'Write the value with the type cog-safe-push expects (shown in the message).' },
  { code: 'CM185', defaultSeverity: 'error', title: 'Test case names an input the predictor does not have', hint: 'Rename the input to one predict() (or train()) takes, or remove it; the migrated tests would fail on every platform.' },
  { code: 'CM186', defaultSeverity: 'error', title: 'Test case leaves out a required input', hint: 'Give the input a value in the test case: the predictor has no default for it.' },
  { code: 'CM187', defaultSeverity: 'error', title: 'Test case value breaks the input\'s type or constraints', hint: 'Change the value to the input\'s type and within its choices, ge/le and length limits; the schema would reject the request.' },
  { code: 'CM188', defaultSeverity: 'warning', title: 'fuzz.duration is deprecated', hint: 'cog-safe-push ignores fuzz.duration; bound fuzzing with fuzz.iterations instead.' },
  { code: 'CM189', defaultSeverity: 'error', title: 'Tests for a predictor the project does not have', hint: 'The config has a predict: or train: section but cog.yaml names no such predictor; remove the section or add the predictor to cog.yaml.' },
  { code: 'CM190', defaultSeverity: 'warning', title: 'Unknown Replicate hardware name', hint: 'Use one of the names in docs/hardware.md (cpu, gpu-t4, gpu-l40s, gpu-a100-large, gpu-h100, ...); the targets fall back to the rule for cog.yaml gpu:.' },
  { code: 'CM191', defaultSeverity: 'info', title: 'Variants name different machines', hint: 'One conversion serves one machine: the first variant\'s was used. Convert each variant on its own (cog-migrate batch treats each cog-safe-push-configs/<variant>.yaml as a model) or pass the machine explicitly.' },
  { code: 'CM192', defaultSeverity: 'warning', title: 'jq_query on a text output', hint: 'cog-safe-push parses a string output as JSON before running the query; for plain text use exact_string, for a file use match_url.' },
];
