import type { CodeSpec } from './types.js';

// CM4xx: target mapping (CM40x shared, CM41x fal, CM42x modal, CM43x workers-ai, CM44x cog).
// CM40x describe Cog concepts that any target may fail to carry; the message says which target.
export const targetCodes: CodeSpec[] = [
  { code: 'CM401', defaultSeverity: 'warning', title: 'Input default is not a literal', hint: 'The input is optional in the new schema with no default shown; when a request omits it, the predictor evaluates its own default expression. Replace the expression with a literal in predict.py to show it in the schema.' },
  { code: 'CM402', defaultSeverity: 'warning', title: 'Input choices are not a literal list', hint: 'The input accepts any value of its type; restrict it by hand (a Literal[...] annotation) or make choices= a literal list in predict.py.' },
  { code: 'CM403', defaultSeverity: 'info', title: 'setup(weights) reads COG_WEIGHTS from the environment', hint: 'Set COG_WEIGHTS (a URL or a path) as a secret or environment variable of the deployed app; URLs are downloaded once into persistent storage.' },
  { code: 'CM404', defaultSeverity: 'warning', title: 'Per-prediction metrics have no counterpart', hint: 'current_scope().record_metric() and emit_metric() still work but their values are dropped; log them, or report billable units through the platform instead.' },
  { code: 'CM405', defaultSeverity: 'info', title: 'Cancellation is signalled differently', hint: 'Cog raised CancelationException inside predict(); the target cancels the request itself. Move clean-up into finally blocks.' },
  { code: 'CM406', defaultSeverity: 'warning', title: 'Training is served as a separate endpoint', hint: 'The train predictor runs on the same machine type and timeouts as predictions; raise request_timeout or deploy training as its own app for long runs, and store trained weights somewhere persistent.' },
  { code: 'CM407', defaultSeverity: 'warning', title: 'Build step uses a secret mount', hint: 'Pass the secret to the image build by hand (for fal: ContainerImage(..., secrets={id: value})); it is not stored in the generated files.' },
  { code: 'CM408', defaultSeverity: 'warning', title: 'cog.yaml weights are not carried over', hint: 'Download the weights in setup() (for fal: fal.toolkit.download_model_weights) or bake them into the image.' },
  { code: 'CM409', defaultSeverity: 'error', title: 'No predictor to serve', hint: 'cog.yaml needs a predict: (or run:) entry naming the predictor; nothing was emitted for this target.' },
  { code: 'CM410', defaultSeverity: 'warning', title: 'Output type cannot be described precisely', hint: 'The value is returned as JSON without a typed schema; add a precise return annotation to predict() to get one.' },
  { code: 'CM411', defaultSeverity: 'warning', title: 'Unknown fal machine type', hint: 'Use one of fal\'s machine types (XS, S, M, L, XL, GPU-A6000, GPU-A100, GPU-H100, GPU-H200, GPU-B200, GPU-L40, GPU-RTX4090, GPU-RTX5090); it was passed through unchanged.' },
  { code: 'CM412', defaultSeverity: 'warning', title: 'fal machine type does not match cog.yaml gpu', hint: 'gpu: true models need a GPU-* machine type, and a CPU model does not need one; check --machine-type.' },
  { code: 'CM413', defaultSeverity: 'warning', title: 'Concurrent requests reach a synchronous predictor', hint: 'max_multiplexing > 1 runs several predict() calls at once in threads; Cog only allowed that for async predictors. Make predict() thread-safe or lower concurrency.max.' },
  { code: 'CM414', defaultSeverity: 'error', title: 'No Dockerfile for the fal image', hint: 'The pruned Dockerfile could not be produced, so app.py has no image; fix the Dockerfile findings, or set image = fal.ContainerImage.from_dockerfile_str(...) by hand.' },
  { code: 'CM415', defaultSeverity: 'info', title: 'Iterator output is served as a stream', hint: 'POST /stream sends Server-Sent Events (fal_client.stream); POST / returns the whole list once predict() has finished, as Cog did.' },
  { code: 'CM416', defaultSeverity: 'info', title: 'Input renamed in Python, not in the API', hint: 'The name is not a safe Pydantic field name here (a keyword, a builtin, a typing/pydantic/fal name or a generated class app.py uses, `model_*`, `_x`); the generated field uses an alias so requests and the schema keep the original name.' },
];
