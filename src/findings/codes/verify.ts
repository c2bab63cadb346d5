import type { CodeSpec } from './types.js';

// CM5xx: verification. CM50x static checks, CM51x container build, CM52x smoke run, CM53x Modal.
export const verifyCodes: CodeSpec[] = [
  { code: 'CM501', defaultSeverity: 'error', title: 'Emitted Python file does not parse', hint: 'This is a bug in the target that emitted the file (or the user file was already invalid); report it with the file attached.' },
  { code: 'CM502', defaultSeverity: 'error', title: 'Emitted adapter does not type-check against the platform SDK', hint: 'The generated code uses the SDK wrongly; report it, or fix app.py by hand before deploying.' },
  { code: 'CM503', defaultSeverity: 'warning', title: 'A verification check could not run', hint: 'The check was skipped, so it proves nothing; install what the message names and re-run `cog-migrate verify`.' },
  { code: 'CM504', defaultSeverity: 'error', title: 'Emitted TypeScript does not type-check', hint: 'Report it with the emitted project attached.' },
  { code: 'CM505', defaultSeverity: 'error', title: 'Cog -> IR -> Cog round trip changes the OpenAPI schema', hint: 'The reverse conversion would change the API clients see; report it with the project attached.' },
  { code: 'CM506', defaultSeverity: 'error', title: 'Emitted adapter does not import under the real platform SDK', hint: 'The SDK rejects the generated app at import time (for fal: an App option it does not accept); the message quotes its error.' },
  { code: 'CM510', defaultSeverity: 'error', title: 'No Docker engine answers', hint: 'Start a Docker engine (scripts/docker-engine.sh sets one up offline) or set DOCKER_HOST, then re-run with --verify build.' },
  { code: 'CM511', defaultSeverity: 'warning', title: 'Base image not available locally: a local CPU base was substituted', hint: 'The build proves the rest of the Dockerfile on a CPU stand-in only; anything that needs the real base (CUDA, its OS packages, its python) is not proven.' },
  { code: 'CM512', defaultSeverity: 'error', title: 'A FROM line cannot be resolved to an image', hint: 'Give the ARG a default or pass it as a build argument; nothing was built (the engine is never left to pull).' },
  { code: 'CM513', defaultSeverity: 'error', title: 'The container build failed', hint: 'Read the quoted step and error lines: usually a requirement that does not exist or does not match the python version.' },
  { code: 'CM514', defaultSeverity: 'error', title: 'The container build timed out', hint: 'Raise the timeout, or check for a step that downloads gigabytes (unpinned torch pulls its CUDA libraries).' },
  { code: 'CM515', defaultSeverity: 'warning', title: 'Verification left containers or images behind', hint: 'Remove them with `docker rm -f` / `docker rmi`; the ids are in the message.' },
  { code: 'CM516', defaultSeverity: 'error', title: 'No Dockerfile in the output directory', hint: 'Run verify on a folder produced by `cog-migrate DIR --to TARGET`.' },
  { code: 'CM520', defaultSeverity: 'error', title: 'Smoke run: the container failed before predicting', hint: 'The message quotes the container output: usually an import that the image does not provide.' },
  { code: 'CM521', defaultSeverity: 'error', title: 'Smoke run: setup() failed', hint: 'setup() often needs weights or a GPU that the offline check does not have; read the quoted traceback.' },
  { code: 'CM522', defaultSeverity: 'error', title: 'Smoke run: predict through the generated adapter failed', hint: 'The generated adapter does not call the predictor as Cog does; report it with the traceback.' },
  { code: 'CM523', defaultSeverity: 'error', title: 'Smoke run: calling the Cog predictor directly failed', hint: 'The example input may not suit the model: pass one with `--example input.json`.' },
  { code: 'CM524', defaultSeverity: 'error', title: 'Smoke run: the adapter and the Cog predictor returned different results', hint: 'A non-deterministic model differs by design (seed it in the example input); otherwise the adapter changes inputs or outputs.' },
  { code: 'CM525', defaultSeverity: 'error', title: 'Smoke run timed out', hint: 'Raise the timeout; a model that downloads weights in setup() cannot run offline.' },
  { code: 'CM526', defaultSeverity: 'warning', title: 'Smoke run skipped', hint: 'The message says why; pass `--example input.json` or the IR so the predictor and its inputs are known.' },
  { code: 'CM527', defaultSeverity: 'error', title: 'Example input file is not usable', hint: 'Give a JSON object mapping input names to values; file inputs as paths relative to the JSON file or http(s) URLs.' },
  // CM536-CM541: the workers-ai target (src/verify/workers-ai).
  { code: 'CM536', defaultSeverity: 'error', title: "wrangler's config reader rejects the Worker's wrangler.jsonc", hint: 'The message quotes wrangler; fix worker/wrangler.jsonc (or report it: cog-migrate wrote it) before `wrangler deploy`.' },
  { code: 'CM537', defaultSeverity: 'error', title: '`wrangler deploy --dry-run` could not bundle the Worker', hint: 'The quoted esbuild/wrangler output names the file and line; `npx wrangler deploy --dry-run` in worker/ shows the same.' },
  { code: 'CM538', defaultSeverity: 'error', title: 'Smoke run: the Worker on workerd did not forward the prediction', hint: "The Worker answered differently from Cog's server called directly; the message quotes both. Run `npx wrangler dev` in worker/ to try it by hand." },
  { code: 'CM539', defaultSeverity: 'error', title: 'Smoke run: an invalid input was not rejected with 422 through the Worker', hint: "Cog's server (or, for BYO, the Worker's input check) must answer an input that breaks the schema with 422; the message gives the request and the answer." },
  { code: 'CM540', defaultSeverity: 'error', title: "Smoke run: Cog's server in the image did not start", hint: 'The message quotes the container output: usually an import the image lacks or a setup() that needs weights or a GPU.' },
  // CM530-CM535: the Modal target's build and smoke run.
  { code: 'CM530', defaultSeverity: 'error', title: 'Modal image: a step of modal_app.py is not rebuilt locally', hint: 'verify rebuilds the `image = modal.Image...` chain from literal arguments of from_dockerfile, debian_slim, uv_pip_install, pip_install, apt_install, run_commands, env and add_local_dir; build the rest with `modal deploy` or write it as one of these.' },
  { code: 'CM531', defaultSeverity: 'error', title: "Modal endpoint: an invalid input was not refused with Cog's 422", hint: "Cog's server answers a wrong type with 422 and {detail: [{loc: [body, input, NAME], ...}]}; the endpoint must too, or callers see a different API." },
  { code: 'CM532', defaultSeverity: 'error', title: 'Modal endpoint: GET /openapi.json is not the shipped schema', hint: 'The endpoint serves openapi.json from the project folder; a different document means the folder at /src is not the emitted one.' },
];
