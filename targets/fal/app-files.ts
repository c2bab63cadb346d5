// What fal uploads for the managed-environment form (`app_files = ["."]`): fal 1.83 walks the
// folder and leaves out each file whose path (relative to app.py's folder) an `app_files_ignore`
// expression `re.search`-matches (fal/file_sync.py). The class attribute's default is fal's own
// list (fal/app.py DEFAULT_APP_FILES_IGNORE: .pyc files, __pycache__/, .git/, .DS_Store), and
// setting it replaces that list, so app.py starts its own with `*fal.App.app_files_ignore`. Then
// what the app never reads at run time (the report, the model tests and CI workflow cog-migrate
// writes), then the project's .dockerignore, which kept weights, data and caches out of Cog's
// image and must keep them out of this upload: the conversion did not carry what it excludes,
// but files put in the folder later (downloaded weights, a local run's caches) would go up.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { dockerignoreToRegexes } from './dockerignore-regex.js';

export interface IgnoreEntry {
  regex: string;
  note: string;
}

/** Beyond this many characters of expressions from the .dockerignore, none are emitted (CM464):
 * fal matches every expression against every file, and a generated rule file of thousands of
 * exceptions would become quadratic text no one can review. */
export const MAX_DOCKERIGNORE_REGEX_CHARS = 64 * 1024;

/** Generated files and folders the app does not read at run time. */
const NOT_FOR_THE_APP: readonly { regex: string; note: string; folder?: string }[] = [
  { regex: String.raw`^MIGRATION\.md\Z`, note: "cog-migrate's report: for you, not the app" },
  { regex: String.raw`^migration\.json\Z`, note: "cog-migrate's report as JSON" },
  { regex: String.raw`^tests/`, note: 'the model tests, run against the deployed app', folder: 'tests/' },
  { regex: String.raw`^\.github/`, note: 'CI workflows', folder: '.github/' },
];

export function appFilesIgnore(ir: CogIR): { entries: IgnoreEntry[]; findings: Finding[] } {
  const findings: Finding[] = [];
  // A predictor file or a local module it imports under tests/ stays (the app reads it).
  const needed = Object.values(ir.predictors).flatMap((p) => (p ? [p.file, ...p.localImports] : []));
  const entries: IgnoreEntry[] = NOT_FOR_THE_APP
    .filter((e) => e.folder === undefined || !needed.some((f) => f.startsWith(e.folder!)))
    .map(({ regex, note }) => ({ regex, note }));
  const lines = ir.project.dockerignore;
  if (!lines || lines.length === 0) return { entries, findings };
  entries.push({ regex: String.raw`^\.dockerignore\Z`, note: 'its rules follow' });
  const translation = dockerignoreToRegexes(lines, MAX_DOCKERIGNORE_REGEX_CHARS);
  if (translation.oversize !== undefined) {
    findings.push(finding('CM464', `.dockerignore (${lines.length} patterns) gives more than ${MAX_DOCKERIGNORE_REGEX_CHARS} characters of fal ignore expressions; app_files_ignore leaves them out, so fal uploads what they exclude`, { file: '.dockerignore' }, { target: 'fal' }));
    return { entries, findings };
  }
  for (const e of translation.expressions) entries.push({ regex: e.regex, note: `.dockerignore line ${e.line}: ${e.pattern}` });
  for (const u of translation.untranslated) {
    const dropped = u.dropped.length > 0 ? `, and the ${u.dropped.length === 1 ? 'pattern' : 'patterns'} it makes an exception to (line${u.dropped.length === 1 ? '' : 's'} ${u.dropped.join(', ')}) with it, so that nothing it re-includes is kept out` : '';
    findings.push(finding('CM463', `.dockerignore pattern ${JSON.stringify(u.pattern)} has no exact form as a fal ignore expression: ${u.why}; app_files_ignore leaves it out${dropped}`, { file: '.dockerignore', line: u.line }, { target: 'fal' }));
  }
  return { entries, findings };
}
