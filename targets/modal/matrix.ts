// What the Modal target does with each Cog concept; joins the conversion matrix (src/target/matrix.ts).
import type { MatrixCell } from '../../src/target/matrix.js';

export const MODAL_MATRIX: Record<string, MatrixCell> = {
  'predictor class': { status: '✓', how: '`@app.cls` class whose `@modal.enter()` loads the unchanged predictor (cog_migrate_runtime.service)' },
  'function predictor': { status: '✓', how: 'the function is called from `predict()` and POST /predictions' },
  'BaseRunner run()': { status: '✓', how: 'run() is called from `predict()` and POST /predictions' },
  'pre-1.0 cog.Predictor': { status: '✓', how: 'the compatibility package supplies cog.Predictor and cog.input' },
  'setup()': { status: '✓', how: '`@modal.enter()` (with --snapshot: imports in `@modal.enter(snap=True)`, setup() after restore)' },
  'setup(weights)': { status: 'partial', how: 'COG_WEIGHTS from a `modal.Secret`', code: 'CM421' },
  'inputs': { status: '✓', how: 'validated against the shipped openapi.json as Cog validates them: same names, types, bounds, lengths, patterns, choices and 422 details' },
  'non-literal default': { status: '✓', how: 'the predictor evaluates its own default when an input is left out' },
  'Path/File inputs': { status: '✓', how: 'URL or data URI, downloaded to a local path before predict()' },
  'Secret inputs': { status: '✓', how: '`cog.Secret` (get_secret_value() as in Cog)' },
  'Path outputs': { status: '✓', how: 'data URLs as Cog returns them (or uploads with COG_MIGRATE_UPLOAD_URL)' },
  'BaseModel outputs': { status: '✓', how: 'a JSON object with the same fields, files as data URLs' },
  'Iterator outputs': { status: '✓', how: 'a generator method (`remote_gen`); POST /predictions returns the list' },
  'train:': { status: 'partial', how: '`train()` method and POST /trainings on the same class', code: 'CM427' },
  'build (cog.yaml)': { status: '✓', how: '`modal.Image.from_dockerfile(pruned Dockerfile)` + `add_local_dir(".", "/src")`' },
  'build.run secret mounts': { status: 'partial', how: '`Image.from_dockerfile(secrets=[modal.Secret.from_name(id)])`, as environment variables', code: 'CM422' },
  'gpu': { status: '✓', how: '`gpu="L40S"` for gpu: true, none for CPU; `--gpu` overrides (counts, fallback lists)' },
  'concurrency.max': { status: '✓', how: '`@modal.concurrent(max_inputs=N)`, with `target_inputs=` from default_target', code: 'CM425' },
  'weights:': { status: 'partial', how: 'a `modal.Volume` at the weights target, filled by hand', code: 'CM424' },
  'current_scope() / emit_metric()': { status: '✓', how: 'returned in the metrics of POST /predictions, as Cog did', code: 'CM470' },
  'CancelationException': { status: 'partial', how: 'Modal cancels without raising it', code: 'CM405' },
};
