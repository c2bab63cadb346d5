// What the Cog target does with each concept: a Cog project comes back as itself (cog.yaml in
// current keys), and the reverse rows say what a fal or Modal app's concepts become in Cog.
// Joins the conversion matrix (src/target/matrix.ts, docs/conversion-matrix.md).
import type { MatrixCell, ReverseMatrixRow } from '../../src/target/matrix.js';

/** Every Cog concept, on the Cog target: the project comes back as itself. */
export const COG_SAME: MatrixCell = { status: '✓', how: 'kept: the project is carried unchanged, cog.yaml rewritten in current keys (src/cogyaml)' };

export const COG_REVERSE_MATRIX: ReverseMatrixRow[] = [
  { concept: 'app class', fal: { status: '✓', how: '`fal.App` subclass, instantiated by the Predictor (stand-in `fal` package)' }, modal: { status: '✓', how: '`@app.cls` class, instantiated by the Predictor (stand-in `modal` package)' } },
  { concept: 'function app', fal: { status: '✓', how: '`@fal.function` called by predict()' }, modal: { status: '✓', how: '`@app.function` called by predict()' } },
  { concept: 'start-up', fal: { status: '✓', how: '`setup()` from Predictor.setup()' }, modal: { status: '✓', how: '`@modal.enter()` methods, in order (old `@modal.build()` too, CM819)' } },
  { concept: 'endpoint', fal: { status: '✓', how: '`@fal.endpoint("/")` (or --endpoint) becomes predict()' }, modal: { status: '✓', how: '`@modal.method()`, `@modal.fastapi_endpoint`, FastAPI routes of `@modal.asgi_app`' } },
  { concept: 'several endpoints', fal: { status: 'partial', how: 'one served (`/`, else the first; --endpoint picks), `/train` as train:, the rest reported', code: 'CM802' }, modal: { status: 'partial', how: 'one served (the first; --endpoint picks), the rest reported', code: 'CM802' } },
  { concept: 'request model', fal: { status: '✓', how: 'Pydantic fields as Input(...): types, defaults, description, ge/le (gt/lt on ints), lengths, pattern, Literal choices, deprecated' }, modal: { status: '✓', how: 'method parameters, or a Pydantic body, as Input(...)' } },
  { concept: 'field settings Cog lacks', fal: { status: 'partial', how: 'left out (gt/lt on floats, multiple_of, ...)', code: 'CM805' }, modal: { status: 'partial', how: 'left out', code: 'CM805' } },
  { concept: 'computed defaults', fal: { status: 'partial', how: 'optional with default None; the app computes the value', code: 'CM807' }, modal: { status: 'partial', how: 'optional with default None; the app computes the value', code: 'CM204' } },
  { concept: 'nested model input', fal: { status: 'partial', how: 'a JSON object input the app model validates', code: 'CM806' }, modal: { status: 'partial', how: 'a JSON object input the app model validates', code: 'CM806' } },
  { concept: 'file inputs / outputs', fal: { status: '✓', how: 'FileField/ImageField URLs become Path inputs; File/Image outputs become Path' }, modal: { status: '✓', how: 'bytes outputs become Path' } },
  { concept: 'response model', fal: { status: '✓', how: 'a Cog BaseModel output with the same fields; a lone `output` field is the output itself' }, modal: { status: '✓', how: 'a Cog BaseModel output with the same fields' } },
  { concept: 'streaming', fal: { status: 'partial', how: 'a StreamingResponse (SSE) becomes Iterator[str] of event data; a `/stream` twin of `/` streams its list', code: 'CM811' }, modal: { status: '✓', how: 'generator methods become Iterator outputs' } },
  { concept: 'image', fal: { status: '✓', how: '`requirements`, `ContainerImage.from_dockerfile_str/from_dockerfile`: Python, CUDA, apt, pip, ENV, build commands' }, modal: { status: '✓', how: 'debian_slim/from_registry/from_dockerfile, pip_install/uv_pip_install, apt_install, run_commands, env' } },
  { concept: 'image steps Cog lacks', fal: { status: 'partial', how: 'reported (COPY, WORKDIR, a non-Python base)', code: 'CM814' }, modal: { status: 'partial', how: 'reported (add_local_*, run_function, workdir)', code: 'CM820' } },
  { concept: 'GPU', fal: { status: 'partial', how: '`machine_type` GPU-* becomes gpu: true (the card is the deployment\'s choice)', code: 'CM821' }, modal: { status: 'partial', how: '`gpu=` becomes gpu: true', code: 'CM821' } },
  { concept: 'concurrency', fal: { status: '✓', how: '`max_multiplexing` becomes concurrency.max' }, modal: { status: '✓', how: '`@modal.concurrent(max_inputs=)` becomes concurrency.max' } },
  { concept: 'scaling and timeouts', fal: { status: '✗', how: 'keep_alive, min/max_concurrency, request_timeout: set in the deployment', code: 'CM810' }, modal: { status: '✗', how: 'timeout, min/max_containers, scaledown_window: set in the deployment', code: 'CM810' } },
  { concept: 'secrets', fal: { status: '✗', how: 'no app secrets in Cog: Secret inputs or environment where it runs', code: 'CM816' }, modal: { status: '✗', how: 'no app secrets in Cog: Secret inputs or environment where it runs', code: 'CM816' } },
  { concept: 'volumes', fal: { status: '✗', how: '`data_mounts` have no counterpart: bake files in or download in setup()', code: 'CM817' }, modal: { status: '✗', how: 'Volumes have no counterpart: bake files in or download in setup()', code: 'CM817' } },
  { concept: "cog-migrate's own output", fal: { status: '✓', how: 'read as any fal app: a Predictor calls the fal app, which calls the original predictor (the other rows say what changes)' }, modal: { status: '✓', how: 'the wrapped Cog predictor named again (predict:/train:), the build read from modal.Dockerfile plus later image steps; the wrapper\'s files left out', code: 'CM825' } },
  { concept: 'old API', fal: { status: '-', how: 'n/a' }, modal: { status: 'partial', how: 'modal.Stub, keep_warm, allow_concurrent_inputs, web_endpoint, modal.gpu.X() read as today\'s names', code: 'CM819' } },
];
