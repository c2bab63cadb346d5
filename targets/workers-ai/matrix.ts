// What the workers-ai target does with each Cog concept; joins the conversion matrix (src/target/matrix.ts).
import type { MatrixCell } from '../../src/target/matrix.js';

export const WORKERS_AI_MATRIX: Record<string, MatrixCell> = {
  'predictor class': { status: '✓', how: 'unchanged: Cog\'s own server runs it (BYO image or Container)' },
  'function predictor': { status: '✓', how: 'unchanged: Cog\'s own server runs it' },
  'BaseRunner run()': { status: '✓', how: 'unchanged: Cog\'s own server runs it' },
  'pre-1.0 cog.Predictor': { status: 'partial', how: 'carried unchanged, but the Cog SDK from PyPI no longer has cog.Predictor; port it to BasePredictor', code: 'CM480' },
  'setup()': { status: '✓', how: 'run by Cog\'s server when the container starts' },
  'setup(weights)': { status: 'partial', how: 'COG_WEIGHTS from the container\'s environment', code: 'CM403' },
  'inputs': { status: '✓', how: 'Cog\'s schema (served from .cog/openapi_schema.json); the Worker has PredictionInput and, for BYO, an input check' },
  'non-literal default': { status: '✓', how: 'Cog evaluates it, as before' },
  'Path/File inputs': { status: '✓', how: 'URL strings, downloaded by Cog\'s server' },
  'Secret inputs': { status: '✓', how: 'strings in the request, as in Cog' },
  'Path outputs': { status: '✓', how: 'Cog\'s response (data URLs)' },
  'BaseModel outputs': { status: '✓', how: 'an interface per output model in the Worker' },
  'Iterator outputs': { status: 'partial', how: 'one list once predict() finishes, as POST /predictions returns it', code: 'CM438' },
  'train:': { status: 'partial', how: 'Containers: in the image, not routed by the Worker; BYO: not called', code: 'CM406' },
  'build (cog.yaml)': { status: '✓', how: 'BYO: cog.yaml normalised for current Cog (cog push); Containers: Dockerfile in the cog debug form with a public base' },
  'build.run secret mounts': { status: '✗', how: 'build the image by hand with the secret', code: 'CM407' },
  'gpu': { status: '✓', how: 'gpu: true -> Workers AI bring-your-own-model (enterprise access); CPU -> Cloudflare Containers', code: 'CM430' },
  'concurrency.max': { status: '✓', how: 'Containers `max_instances`; Cog\'s server keeps concurrency.max per container', code: 'CM435' },
  'weights:': { status: '✗', how: 'download in setup() or bake into the image', code: 'CM408' },
  'current_scope() / emit_metric()': { status: '✓', how: 'Cog\'s server reports the metrics in its response' },
  'CancelationException': { status: '✓', how: 'Cog\'s server raises it, as before' },
};
