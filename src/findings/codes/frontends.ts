import type { CodeSpec } from './types.js';

// CM8xx: the reverse frontends, fal and Modal apps read into the IR (CM80x shared, CM82x fal
// specifics, CM83x Modal specifics). Locations point into the user's app file.
export const frontendCodes: CodeSpec[] = [
  { code: 'CM800', defaultSeverity: 'error', title: 'No fal or Modal app found', hint: 'Point cog-migrate at the Python file that defines the app (a fal.App subclass, an @fal.function, or a modal.App with functions), or at a folder holding exactly one.' },
  { code: 'CM801', defaultSeverity: 'error', title: 'The app has no endpoint', hint: 'A Cog predictor serves one endpoint of the app: add @fal.endpoint("/") (fal) or @modal.method() / @app.function() (Modal) to the function that serves requests.' },
  { code: 'CM802', defaultSeverity: 'warning', title: 'Several endpoints: one is served as predict', hint: 'Cog serves one predict per model; pick another endpoint with --endpoint, or convert once per endpoint.' },
  { code: 'CM803', defaultSeverity: 'error', title: '--endpoint names no endpoint of the app', hint: 'Use an endpoint path (`/generate`) or a method name from the list in the message.' },
  { code: 'CM804', defaultSeverity: 'error', title: 'Request model cannot be read statically', hint: 'Declare the request model as a `class Name(BaseModel):` with annotated fields (not create_model() or a model built at run time), then convert again.' },
  { code: 'CM805', defaultSeverity: 'warning', title: 'Field setting has no Cog counterpart', hint: 'The setting is left out of the Cog input; check the value by hand in the app, or express it with ge/le/min_length/max_length/regex/choices.' },
  { code: 'CM806', defaultSeverity: 'warning', title: 'Nested model input is read as a JSON object', hint: 'Cog inputs are flat; the field accepts a JSON object, which the app\'s model still validates. Flatten the model to get typed inputs.' },
  { code: 'CM807', defaultSeverity: 'warning', title: 'Default is not a literal', hint: 'The Cog input is optional with no default shown; the app model fills it in. Write a literal default to show it in the schema.' },
  { code: 'CM808', defaultSeverity: 'error', title: 'The app file has a syntax error', hint: 'Fix the syntax error (python -m py_compile FILE shows it), then convert again.' },
  { code: 'CM809', defaultSeverity: 'error', title: 'The app file cannot be read', hint: 'Check the path, permissions and encoding (UTF-8 or a PEP 263 coding line).' },
  { code: 'CM810', defaultSeverity: 'warning', title: 'App setting has no cog.yaml counterpart', hint: 'Cog (and Replicate) decide scaling, timeouts and placement themselves; set them in the deployment instead.' },
  { code: 'CM811', defaultSeverity: 'info', title: 'Streaming endpoint served as an iterator', hint: 'The Cog predictor yields the items as they come; clients read them from the prediction\'s output (or its stream URL).' },
  { code: 'CM812', defaultSeverity: 'warning', title: 'Output has no precise type', hint: 'Annotate the endpoint\'s return with a Pydantic model (or a Cog-compatible type) to get a typed output schema.' },
  { code: 'CM813', defaultSeverity: 'info', title: 'Python version not declared by the app', hint: 'The platform used the deploying machine\'s Python; cog.yaml gets Cog\'s default. Set build.python_version if the app needs another one.' },
  { code: 'CM814', defaultSeverity: 'info', title: 'Dockerfile lines Cog provides itself or cannot take', hint: 'Cog writes its own base image, copies the project to /src and starts its server; move anything else the image needs into build.run in cog.yaml.' },
  { code: 'CM815', defaultSeverity: 'info', title: 'Platform runtime packages left out', hint: 'The packages were installed for the platform\'s own runtime; Cog brings what it needs. Add them to requirements.txt if the app imports them itself.' },
  { code: 'CM816', defaultSeverity: 'warning', title: 'Secrets are not part of a Cog build', hint: 'Cog has no app-level secrets: pass the value as a `Secret` input, or set the environment variable where the model runs (Replicate deployments, docker run -e).' },
  { code: 'CM817', defaultSeverity: 'warning', title: 'Volume or persistent storage has no Cog counterpart', hint: 'Cog images are stateless: bake the files into the image (build.run or the weights key), or download them in setup().' },
  { code: 'CM818', defaultSeverity: 'warning', title: 'Value in the app configuration is not a literal', hint: 'It was left out of cog.yaml; write the value as a literal (or set it in cog.yaml by hand).' },
  { code: 'CM819', defaultSeverity: 'warning', title: 'Deprecated platform API', hint: 'The app uses a name the platform has replaced; it was read as its current equivalent. Update the app when convenient.' },
  { code: 'CM820', defaultSeverity: 'warning', title: 'Image step has no cog.yaml counterpart', hint: 'The step was not carried into cog.yaml; add the equivalent to build.run (or files to the project folder) by hand.' },
  { code: 'CM821', defaultSeverity: 'info', title: 'GPU type is not part of cog.yaml', hint: 'cog.yaml says only gpu: true; choose the hardware where the model is deployed (Replicate picks it per model).' },
  { code: 'CM822', defaultSeverity: 'error', title: 'The folder holds several apps', hint: 'Point cog-migrate at the app file itself (`cog-migrate path/app.py --to cog`).' },
  { code: 'CM823', defaultSeverity: 'error', title: 'A fal or Modal app converts to Cog only', hint: 'Convert the app with --to cog; from the Cog project, any other target is one more conversion away.' },
  { code: 'CM824', defaultSeverity: 'warning', title: 'Environment variable reserved by Cog', hint: 'Cog sets the variable itself (CUDA_*, PATH, HF_HUB_ENABLE_HF_TRANSFER, ...) and refuses it in cog.yaml; if a build command needs another value, set it inline in that build.run command.' },
  { code: 'CM825', defaultSeverity: 'info', title: "cog-migrate's Modal wrapper of a Cog predictor", hint: 'The app serves a Cog predictor unchanged; the Cog project names that predictor again and leaves out the wrapper\'s files (modal_app.py, its Dockerfile, openapi.json, the `cog` compatibility package). Edits made to the wrapper\'s predict() are not carried; make them in the predictor.' },
  { code: 'CM826', defaultSeverity: 'info', title: "The wrapper's web framework is not a model package", hint: 'FastAPI was installed for the Modal web endpoint serving Cog\'s HTTP API; Cog serves that API itself. Add fastapi to requirements.txt if the predictor imports it.' },
];
