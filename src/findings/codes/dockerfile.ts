import type { CodeSpec } from './types.js';

// CM3xx: Dockerfile generation and pruning.
// CM30x: user values that cannot reach a Dockerfile safely. CM31x: CUDA/torch resolution as Cog
// does it. CM32x: the pruner's decisions. CM33x: reading an existing `cog debug` file.
// CM34x: user values that would change how BuildKit reads the Dockerfile around them.
export const dockerfileCodes: CodeSpec[] = [
  { code: 'CM301', defaultSeverity: 'error', title: 'System package name is not a valid Debian package name', hint: 'Use one package name per list item (letters, digits, + - .); shell syntax in build.system_packages is not allowed. The entry was left out of the Dockerfile.' },
  { code: 'CM302', defaultSeverity: 'error', title: 'build.run command contains a line break', hint: 'Cog rejects this too: make one list item per command. The command was left out of the Dockerfile.' },
  { code: 'CM303', defaultSeverity: 'error', title: 'Secret mount id or target has characters Docker cannot parse', hint: 'Use letters, digits and . _ - / ~ in build.run[].mounts id and target. The step was left out.' },
  { code: 'CM304', defaultSeverity: 'error', title: 'Environment variable name is invalid or reserved', hint: 'Cog reserves PATH, LD_LIBRARY_PATH, CUDA_*, NVIDIA_*, R8_* and a few others; names must be letters, digits and _. The variable was left out.' },
  { code: 'CM305', defaultSeverity: 'error', title: 'Environment value contains a line break', hint: 'A Dockerfile ENV cannot carry a newline; set the value at run time instead. The variable was left out.' },
  { code: 'CM306', defaultSeverity: 'info', title: 'Environment value quoted', hint: 'Cog writes ENV values unquoted, which Docker would split or expand; cog-migrate quotes the value so it arrives exactly as written.' },
  { code: 'CM307', defaultSeverity: 'warning', title: 'cog or coglet listed in the Python requirements', hint: 'Cog removes these and installs its own SDK; use build.sdk_version to pin it.' },
  { code: 'CM308', defaultSeverity: 'warning', title: 'Local package artifact in the requirements', hint: 'Cog stages local wheels/sdists from the project; copy the file into the image yourself (COPY it before the pip install) on the target.' },
  { code: 'CM309', defaultSeverity: 'error', title: 'Python requirement cannot be passed safely to pip on one line', hint: 'The requirement contains a line break; fix the requirements file.' },
  { code: 'CM310', defaultSeverity: 'error', title: 'build.run command starts with a Dockerfile RUN flag', hint: 'A command beginning with `--` (e.g. --mount, --network, --security) would be read by Docker as a RUN option; use the mounts key for secrets. The step was left out.' },
  { code: 'CM311', defaultSeverity: 'error', title: 'CUDA version not supported by Cog', hint: 'Set build.cuda to a version Cog has an nvidia/cuda base image for (see docs/dockerfile.md).' },
  { code: 'CM312', defaultSeverity: 'warning', title: 'Cog cannot infer CUDA from the torch/tensorflow pin', hint: 'Cog refuses to build this project: pin torch with == (Cog needs a pinned torch on GPU builds even when build.cuda is set). Targets that install torch from pip are converted anyway; an unknown tensorflow pin is still an error.' },
  { code: 'CM313', defaultSeverity: 'warning', title: 'CUDA version may not match the torch/tensorflow pin', hint: 'Cog warns about this too; pick the CUDA it suggests or check the framework docs.' },
  { code: 'CM314', defaultSeverity: 'error', title: 'cuDNN version not compatible with the CUDA version', hint: 'Remove build.cudnn to let Cog pick, or choose one listed for that CUDA.' },
  { code: 'CM315', defaultSeverity: 'warning', title: 'Requested r8.im/cog-base image does not exist for this combination; Cog falls back to a public base', hint: 'Cog uses its public base (nvidia/cuda or python:X-slim) instead; `cog debug` prints the same. Reported only when --use-cog-base-image asked for a cog-base image.' },
  { code: 'CM316', defaultSeverity: 'error', title: 'build.sdk_version is older than the pinned Cog release accepts', hint: 'Cog refuses SDK versions below 0.16.0; raise build.sdk_version.' },
  { code: 'CM317', defaultSeverity: 'error', title: 'build.sdk_version is not a version', hint: 'Use a version such as 0.18.0 or the word prerelease; the latest cog SDK is used instead.' },
  { code: 'CM318', defaultSeverity: 'error', title: 'build.python_version is not a version', hint: 'Use a version such as "3.11" (quoted); Cog\'s default Python is used instead.' },
  { code: 'CM319', defaultSeverity: 'error', title: 'Local package artifact outside the project', hint: 'Cog only stages wheels inside the project directory; move the file into the project.' },
  { code: 'CM321', defaultSeverity: 'info', title: 'CUDA base chosen by need', hint: 'See docs/dockerfile.md, "What the pruner decides".' },
  { code: 'CM322', defaultSeverity: 'warning', title: 'Build step uses a secret mount', hint: 'The target must supply the secret at build time (BuildKit --secret); see the target guide.' },
  { code: 'CM323', defaultSeverity: 'warning', title: 'Packages the private cog-base image carried are not installed any more', hint: 'r8.im/cog-base ships build tools, ffmpeg, git and more; add the ones your model needs to build.system_packages.' },
  { code: 'CM324', defaultSeverity: 'warning', title: 'Requirements staged by Cog are not in the parsed file', hint: 'A `cog debug` file refers to .cog/build/requirements.txt; pass the project directory too, or put that file next to the Dockerfile as requirements.txt.' },
  { code: 'CM325', defaultSeverity: 'info', title: 'Base image moves from Ubuntu to Debian', hint: 'System package names were chosen for Ubuntu 22.04; most are the same on Debian, but check any that fail to install.' },
  { code: 'CM326', defaultSeverity: 'warning', title: 'Requirements pin a pydantic the target runtime cannot use', hint: 'fal installs pydantic 2 last (its runtime needs it); code written for pydantic 1 may need changes.' },
  { code: 'CM331', defaultSeverity: 'warning', title: 'Instruction not recognised as part of Cog output', hint: 'It was kept unchanged in the pruned file; review it.' },
  { code: 'CM332', defaultSeverity: 'error', title: 'File does not look like `cog debug` output', hint: 'Pass the text `cog debug` printed (it starts with #syntax=docker/dockerfile:1.4 and one FROM).' },
  { code: 'CM340', defaultSeverity: 'error', title: 'build.run command contains a heredoc (<<)', hint: 'BuildKit reads `<<WORD` in a RUN line as a here-document and swallows the Dockerfile lines after it until WORD, so the generated lines would become its text. Put the script in a file of the project and run that file, or write the text with printf. The step was left out.' },
  { code: 'CM341', defaultSeverity: 'error', title: 'Python requirement contains `<<`', hint: 'No requirement specifier has `<<`, and BuildKit could read it as a here-document in the generated RUN line; fix the requirement. It was left out.' },
];
