import type { CodeSpec } from './types.js';

// CM0xx: the project as a whole, usage, and output writing. CM9xx: internal faults.
export const generalCodes: CodeSpec[] = [
  { code: 'CM001', defaultSeverity: 'error', title: 'No cog.yaml in the project directory', hint: 'Point cog-migrate at the folder that holds cog.yaml.' },
  { code: 'CM002', defaultSeverity: 'error', title: 'Project directory does not exist or is not a directory', hint: 'Check the path.' },
  { code: 'CM010', defaultSeverity: 'error', title: 'Output directory exists and is not empty', hint: 'Pass --force to replace it, or choose another --out.' },
  { code: 'CM011', defaultSeverity: 'error', title: 'Output path escapes the output directory', hint: 'This is a bug in a target or a hostile file name; nothing was written.' },
  { code: 'CM012', defaultSeverity: 'error', title: 'Could not write the output', hint: 'Check permissions and free space; nothing was left half-written.' },
  { code: 'CM013', defaultSeverity: 'warning', title: 'A project file was not carried into the output', hint: 'It is a symlink leaving the project or cannot be read; copy what the model needs by hand.' },
  { code: 'CM014', defaultSeverity: 'warning', title: 'A large project file was not carried into the output', hint: 'Files over 100 MB (usually weights) are not copied: copy them into the output yourself, or better, download them in setup() from storage.' },
  { code: 'CM015', defaultSeverity: 'warning', title: 'A project file has the name of a generated file', hint: 'The generated file wins; rename yours if the model needs it.' },
  { code: 'CM016', defaultSeverity: 'error', title: 'The output folder is the project or contains it', hint: 'Choose an --out outside the project folder, or a new folder inside it (the default ./<model>-<target> is fine); --force never replaces the project.' },
  { code: 'CM020', defaultSeverity: 'warning', title: 'The OpenAPI schema cannot state this exactly', hint: 'The value is not a literal or the type has no schema form in Cog; the schema leaves it out. Make it a literal to keep it.' },
  { code: 'CM021', defaultSeverity: 'error', title: '.dockerignore excludes a file the image needs', hint: 'The output keeps your .dockerignore and its image is built through it: remove or narrow the rule (or add a `!path` exception after it) so the predictor, its local modules and the generated files the image runs stay in (the generated tests/ and .github/ run outside it and may be excluded).' },
  { code: 'CM022', defaultSeverity: 'error', title: '.dockerignore is too costly to apply', hint: 'Its rules times the project\'s files exceed what a conversion spends on matching (many long wildcard patterns, usually generated). Use fewer, simpler rules: a folder name excludes everything beneath it.' },
  { code: 'CM030', defaultSeverity: 'error', title: 'The predictor imports a name the cog compatibility package does not provide', hint: 'On the target, `cog` is cog-migrate\'s compatibility package (every public name of the Cog SDK\'s `cog` module): the import would fail when the app starts. Use a name Cog documents, or import it from where it really lives.' },
  { code: 'CM031', defaultSeverity: 'error', title: 'The predictor imports a name the Cog SDK release the image installs does not have', hint: 'The target runs the real Cog SDK (workers-ai, cog): the release cog.yaml pins as build.sdk_version, or when it names none cog-migrate\'s pinned release, which the emitted project pins (build.sdk_version in its cog.yaml, the Containers Dockerfile). Pin a release that has the name, or stop using it.' },
  { code: 'CM901', defaultSeverity: 'error', title: 'Internal error', hint: 'Re-run with --debug and report the stack trace at the project tracker.' },
];
