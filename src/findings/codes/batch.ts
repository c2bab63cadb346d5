import type { CodeSpec } from './types.js';

// CM60x: batch conversion (discovery, workers, sharding, reports). CM62x-CM63x: schema changes
// between two versions of a model (`cog-migrate diff`, `batch --baseline`).
export const batchCodes: CodeSpec[] = [
  { code: 'CM600', defaultSeverity: 'error', title: 'No cog.yaml found under the given paths', hint: 'Pass folders that hold Cog projects (cog.yaml), or check --shard and --changed-since: they may have left nothing to convert.' },
  { code: 'CM601', defaultSeverity: 'error', title: 'Converting this model crashed its worker', hint: 'The other models were not affected. Convert this one alone (`cog-migrate DIR --to TARGET --debug`) and report the stack trace.' },
  { code: 'CM602', defaultSeverity: 'error', title: 'Converting this model took longer than the per-model timeout', hint: 'Raise --timeout, or convert the model alone to see where it spends its time; very large predictor files are the usual cause.' },
  { code: 'CM603', defaultSeverity: 'error', title: 'The run was interrupted before this model was converted', hint: 'Nothing was written for it. Run the batch again; finished models are rewritten only with --force.' },
  { code: 'CM604', defaultSeverity: 'error', title: 'The changed files since a git revision could not be listed', hint: 'Run inside a git checkout and name a revision that exists there (for CI, fetch enough history: `fetch-depth: 0`).' },
  { code: 'CM605', defaultSeverity: 'error', title: 'A shard or baseline report cannot be read', hint: 'Point at a folder written by `cog-migrate batch` (it holds report.json) made by a compatible cog-migrate version.' },
  { code: 'CM606', defaultSeverity: 'error', title: 'Two shard reports contain the same model', hint: 'Each model belongs to exactly one shard: merge the outputs of one run of `--shard 1/N` ... `--shard N/N`, with the same N.' },
  { code: 'CM607', defaultSeverity: 'info', title: 'An earlier output folder was skipped while looking for models', hint: 'Folders written by cog-migrate (they hold migration.json or report.json) are not models; nothing to do.' },
  { code: 'CM608', defaultSeverity: 'error', title: 'A variant of a multi-variant project cannot be read', hint: 'Each cog-safe-push-configs/<variant>.yaml is one model of the batch; fix the config the other findings name (or remove the file), then run the batch again.' },
  { code: 'CM620', defaultSeverity: 'error', title: 'Breaking schema change', hint: 'Callers of the old version will fail: keep the old input or output, or release the change as a new model.' },
  { code: 'CM621', defaultSeverity: 'info', title: 'Compatible schema change', hint: 'Existing callers keep working; check that the new behaviour is intended.' },
  { code: 'CM622', defaultSeverity: 'error', title: 'A schema to compare cannot be read', hint: 'Pass a Cog project folder, an IR JSON file (`cog-migrate inspect --json`) or an OpenAPI file (`cog-migrate inspect --openapi`, or /openapi.json of a running model).' },
  { code: 'CM623', defaultSeverity: 'info', title: 'Model is new since the baseline', hint: 'No earlier version to compare with.' },
];
