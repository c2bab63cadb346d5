import type { CodeSpec } from './types.js';

// CM1xx: cog.yaml (and the requirements files it names).
// CM10x reading and parsing, CM11x keys and value types, CM12x predictor references,
// CM13x requirements, CM14x run steps and environment, CM15x runtime, CM16x 2021 format,
// CM170-CM174 normalisation of cog.yaml for current Cog (src/cogyaml); CM175-CM179 a cog.yaml
// made live by a select script of a multi-model project (src/frontends/select-model).
export const cogYamlCodes: CodeSpec[] = [
  // -- reading and parsing
  { code: 'CM100', defaultSeverity: 'error', title: 'cog.yaml cannot be read', hint: 'cog.yaml must be a UTF-8 text file inside the project (not a binary, not a symlink leaving it).' },
  { code: 'CM101', defaultSeverity: 'error', title: 'cog.yaml is too large', hint: 'A cog.yaml is a few hundred lines at most; check that the right file is named cog.yaml.' },
  { code: 'CM102', defaultSeverity: 'error', title: 'cog.yaml is not valid YAML', hint: 'Fix the YAML at the given line and column; `cog build` rejects this file too.' },
  { code: 'CM103', defaultSeverity: 'error', title: 'cog.yaml expands too many YAML aliases', hint: 'The file nests aliases (&anchor / *alias) so deeply that expanding it would exhaust memory (a "billion laughs" file). Write the values out instead.' },
  { code: 'CM104', defaultSeverity: 'error', title: 'cog.yaml top level is not a mapping', hint: 'cog.yaml must be a mapping of keys such as build:, predict: or run:.' },
  { code: 'CM105', defaultSeverity: 'warning', title: 'cog.yaml opens with a Python-style docstring', hint: 'The """...""" block before the YAML was ignored. Turn it into # comments; strict YAML readers reject it.' },
  { code: 'CM106', defaultSeverity: 'warning', title: 'YAML warning in cog.yaml', hint: 'The value was read as plain text; remove the custom tag.' },
  // -- keys and value types
  { code: 'CM110', defaultSeverity: 'warning', title: 'Unknown key in cog.yaml', hint: 'Cog does not know this key and rejects it in current releases; it was ignored. Check the spelling against https://cog.run/yaml.' },
  { code: 'CM111', defaultSeverity: 'warning', title: 'Key removed from Cog', hint: 'An older Cog release accepted this key; current releases reject it. It was ignored; see the message for the replacement.' },
  { code: 'CM112', defaultSeverity: 'info', title: 'Deprecated key', hint: 'Cog still accepts this key but recommends its replacement; the conversion keeps its meaning.' },
  { code: 'CM113', defaultSeverity: 'error', title: 'Wrong value type in cog.yaml', hint: 'Cog rejects this value; the key was ignored (its default used). Write the value with the type the message names.' },
  { code: 'CM114', defaultSeverity: 'warning', title: 'YAML 1.1 boolean spelling', hint: 'yes/no/on/off are booleans only in YAML 1.1; write true or false.' },
  { code: 'CM115', defaultSeverity: 'warning', title: 'Malformed version in cog.yaml', hint: 'Write python_version as "3.12" or "3.12.4" and cuda as "12.1", quoted.' },
  { code: 'CM116', defaultSeverity: 'info', title: 'Python version older than current Cog accepts', hint: 'Current Cog needs Python 3.10 or newer; the target platform may too. Test the model on a newer Python before relying on the conversion.' },
  { code: 'CM117', defaultSeverity: 'warning', title: 'python_version missing', hint: 'Current Cog requires build.python_version; Cog\'s default was assumed. Set it explicitly to what the model was built with.' },
  { code: 'CM118', defaultSeverity: 'error', title: 'Both python_packages and python_requirements are set', hint: 'Cog allows only one; move the python_packages into the requirements file.' },
  { code: 'CM119', defaultSeverity: 'warning', title: 'Key at the wrong level', hint: 'The key was read from where it stands; move it where the message says.' },
  // -- predictor references
  { code: 'CM120', defaultSeverity: 'error', title: 'Predictor reference is malformed', hint: 'Write it as "file.py:ClassOrFunction", e.g. predict: "predict.py:Predictor".' },
  { code: 'CM121', defaultSeverity: 'error', title: 'Both run and predict are set', hint: 'Cog allows only one of run: and predict:; predict: was used.' },
  { code: 'CM122', defaultSeverity: 'warning', title: 'No predictor named in cog.yaml', hint: 'Add run: "run.py:Runner" or predict: "predict.py:Predictor"; without one there is nothing to serve.' },
  { code: 'CM125', defaultSeverity: 'info', title: 'CUDA version older than current Cog accepts', hint: 'Cog v0.22 refuses CUDA 10.x and older (CM345); a migration does not: each target takes its CUDA base from what the build needs (pip\'s torch wheel brings its own CUDA libraries), see CM346. Test the model on the new base.' },
  // -- requirements
  { code: 'CM130', defaultSeverity: 'error', title: 'Requirements file is missing', hint: 'Create the file build.python_requirements names, or fix the path.' },
  { code: 'CM131', defaultSeverity: 'error', title: 'Requirements file cannot be read', hint: 'The file must be UTF-8 text inside the project directory.' },
  { code: 'CM132', defaultSeverity: 'error', title: 'Included requirements file cannot be read', hint: 'A -r/--requirement include must name a text file inside the project; its lines were not read.' },
  { code: 'CM133', defaultSeverity: 'warning', title: 'Requirements include cycle', hint: 'The file includes itself (directly or through others); the repeated include was skipped.' },
  { code: 'CM134', defaultSeverity: 'warning', title: 'Requirement line not understood', hint: 'The line is kept verbatim and passed to pip as is; check that pip accepts it.' },
  { code: 'CM135', defaultSeverity: 'warning', title: 'pip option inside a package list', hint: 'The option is kept verbatim in order; check that it still applies to the packages after it on the target.' },
  // -- run steps and environment
  { code: 'CM140', defaultSeverity: 'error', title: 'Invalid build.run item', hint: 'Each item is a command string or {command: ..., mounts: [{type: secret, id: ..., target: ...}]}. Quote commands that contain ": ".' },
  { code: 'CM141', defaultSeverity: 'error', title: 'Environment entry is not NAME=value', hint: 'Write each environment entry as NAME=value, with NAME made of letters, digits and _ (not starting with a digit).' },
  { code: 'CM142', defaultSeverity: 'error', title: 'Environment variable name is reserved by Cog', hint: 'Cog sets this variable itself (PATH, LD_LIBRARY_PATH, PYTHONPATH, VIRTUAL_ENV, PYTHONUNBUFFERED, LIBRARY_PATH, HF_ENDPOINT, HF_HUB_ENABLE_HF_TRANSFER, R8_*, REPLICATE_*, CUDA_*, NVIDIA_*, NV_*, PGET_*, KUBERNETES_*); rename it.' },
  { code: 'CM143', defaultSeverity: 'error', title: 'Environment variable defined twice', hint: 'Cog rejects duplicates; keep one definition.' },
  // -- runtime
  { code: 'CM150', defaultSeverity: 'error', title: 'Invalid concurrency setting', hint: 'concurrency.max and concurrency.default_target are whole numbers of at least 1.' },
  { code: 'CM151', defaultSeverity: 'warning', title: 'Concurrency needs Python 3.11 or newer', hint: 'Cog refuses concurrency.max > 1 below Python 3.11; raise build.python_version.' },
  { code: 'CM152', defaultSeverity: 'error', title: 'Invalid weights entry', hint: 'Each weights item has name, target (an absolute path) and source ({uri, include, exclude}, or a list of them).' },
  { code: 'CM153', defaultSeverity: 'error', title: 'Both model and image are set', hint: 'Cog allows only one; model: (the repository) replaces image:.' },
  // -- the 2021 pre-release format
  { code: 'CM160', defaultSeverity: 'warning', title: 'cog.yaml uses the 2021 pre-release format', hint: 'It was read as today\'s build:/predict: layout; see the other findings for keys that have no equivalent. Rewrite it with build: and predict: (https://cog.run/yaml).' },
  { code: 'CM161', defaultSeverity: 'warning', title: '2021 pre-release key mapped approximately', hint: 'The key was translated to its nearest current equivalent; check the result.' },
  // -- normalisation for current Cog (src/cogyaml): rewrites made when a Cog project is emitted
  { code: 'CM170', defaultSeverity: 'info', title: 'Deprecated cog.yaml key rewritten', hint: 'The emitted cog.yaml uses the current form with the same meaning (python_packages -> a requirements file named by python_requirements, pre_install -> the end of build.run); nothing to do.' },
  { code: 'CM171', defaultSeverity: 'info', title: '2021 pre-release cog.yaml rewritten', hint: 'The emitted cog.yaml uses build: and predict:; keys without a current equivalent are listed in their own findings. Compare it with the original before building.' },
  { code: 'CM172', defaultSeverity: 'warning', title: 'python_version raised to the oldest Python current Cog builds', hint: 'Current Cog refuses older Pythons; test the model on the new version (dependencies pinned for the old one may need newer releases).' },
  { code: 'CM173', defaultSeverity: 'info', title: "A version cog.yaml left to Cog's default written explicitly", hint: "cog.yaml named no python_version (or no build.sdk_version); the version it was read with (or the Cog SDK release its `cog` imports were checked against, CM031) is now written, so a later default or a newer cog on PyPI cannot change the build. Nothing to do." },
  { code: 'CM174', defaultSeverity: 'warning', title: 'Value current Cog rejects was replaced', hint: 'The message says what was written instead; check it before building.' },
  // -- multi-model projects: a script (script/select-model) makes one variant's cog.yaml live
  { code: 'CM175', defaultSeverity: 'error', title: 'No such variant', hint: 'Pass one of the variants the message lists to --variant: the ones the select script can make live, or the names of cog-safe-push-configs/<variant>.yaml.' },
  { code: 'CM176', defaultSeverity: 'warning', title: 'The select script cannot be read statically', hint: 'cog-migrate reads select scripts that merge (yq), concatenate (cat), copy (cp) or fill in (envsubst) a cog.yaml per variant; it never runs them. Run the script for the variant you want and convert the folder, or put that variant\'s cog.yaml in place by hand.' },
  { code: 'CM177', defaultSeverity: 'info', title: 'cog.yaml chosen by a select script', hint: 'The project publishes several models, one cog.yaml each; convert one with --variant NAME or all with cog-migrate batch (docs/batch.md).' },
  { code: 'CM178', defaultSeverity: 'warning', title: 'A template variable has no value for the variant', hint: 'The select script fills the cog.yaml template in with envsubst, which writes an unset variable as nothing; set it in the script\'s branch for this variant, or write the value into the template.' },
  { code: 'CM179', defaultSeverity: 'error', title: "A variant's cog.yaml cannot be made", hint: 'The file the select script builds it from is missing or unreadable, or the two files yq merges are not both YAML mappings; fix the file the message names.' },
];
