// What the fal target does with each Cog concept; joins the conversion matrix (src/target/matrix.ts).
import type { MatrixCell } from '../../src/target/matrix.js';

export const FAL_MATRIX: Record<string, MatrixCell> = {
  'predictor class': { status: '✓', how: '`fal.App` subclass whose setup() instantiates the unchanged predictor' },
  'function predictor': { status: '✓', how: 'the function is called from the endpoint' },
  'BaseRunner run()': { status: '✓', how: 'run() is called from the endpoint' },
  'pre-1.0 cog.Predictor': { status: '✓', how: 'the compatibility module supplies cog.Predictor and cog.input' },
  'setup()': { status: '✓', how: '`setup()`' },
  'setup(weights)': { status: 'partial', how: 'COG_WEIGHTS from the environment (a fal secret)', code: 'CM403' },
  'inputs': { status: '✓', how: 'Pydantic model on `@fal.endpoint("/")`: names, types, defaults, descriptions, ge/le, lengths, regex, choices as Literal' },
  'non-literal default': { status: 'partial', how: 'input optional; the predictor evaluates its own default', code: 'CM401' },
  'Path/File inputs': { status: '✓', how: 'URL or data URI, downloaded to a local path before predict(); `ImageField` / `VideoField` / `AudioField` where the name or description says what the file is, else `FileField`' },
  'Secret inputs': { status: '✓', how: '`SecretStr`' },
  'Path outputs': { status: '✓', how: '`fal.toolkit.File`; `Image` (with width and height) / `Video` / `Audio` where the file names the predictor writes, or the output field\'s name, say which' },
  'BaseModel outputs': { status: '✓', how: 'Pydantic output model with the same fields' },
  'Iterator outputs': { status: '✓', how: 'POST / returns the list; POST /stream sends Server-Sent Events (a ConcatenateIterator: the new text per event)', code: 'CM415' },
  'train:': { status: 'partial', how: 'POST /train on the same app', code: 'CM406' },
  'build (cog.yaml)': { status: '✓', how: 'pip packages only: `requirements` + `app_files` (fal\'s managed environment, CM462); otherwise (or `--container`) `fal.ContainerImage.from_dockerfile_str(pruned Dockerfile)`' },
  'build.run secret mounts': { status: '✓', how: 'passed to the image build from an environment variable at fal deploy (`from_dockerfile_str(..., secrets=...)`)', code: 'CM452' },
  'gpu': { status: '✓', how: '`machine_type`: named Replicate hardware, else the smallest fal GPU that fits what the model declares (CM458), L for CPU; `--machine-type` overrides' },
  'concurrency.max': { status: '✓', how: '`max_multiplexing`', code: 'CM413' },
  'weights:': { status: '✗', how: 'download in setup() by hand', code: 'CM408' },
  'current_scope() / emit_metric()': { status: 'partial', how: 'one scope per request; `--billable-metric NAME` sends that metric as fal\'s billable units (`x-fal-billable-units`), the rest are dropped', code: 'CM404' },
  'CancelationException': { status: 'partial', how: 'fal cancels without raising it', code: 'CM405' },
};
