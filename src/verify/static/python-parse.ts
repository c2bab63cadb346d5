// Static level, first check: every emitted .py file parses. Python's own parser (ast.parse in a
// python3 subprocess, fed the file list on stdin) is the judge, so the verdict matches what the
// interpreter in the image will say; nothing is imported or executed. The interpreter runs
// isolated (-I) in a neutral folder, so no file of the output (or of the caller's working folder)
// can stand in for a standard module the check imports.

import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';

const CHECK = `
import ast, json, sys, warnings
out = []
for rel, path in json.load(sys.stdin):
    try:
        with open(path, 'rb') as fh:
            src = fh.read()
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            ast.parse(src, filename=rel)
    except SyntaxError as e:
        out.append({'file': rel, 'line': e.lineno or 1, 'column': e.offset or 1, 'message': e.msg})
    except (ValueError, UnicodeDecodeError) as e:
        out.append({'file': rel, 'line': 1, 'column': 1, 'message': str(e)})
json.dump(out, sys.stdout)
`;

interface ParseError { file: string; line: number; column: number; message: string }

/** Parses `files` (pairs of output-relative and absolute path). */
export function checkPythonParses(files: [string, string][], python = 'python3'): Promise<Finding[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const child = execFile(python, ['-I', '-c', CHECK], { cwd: tmpdir(), maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) {
        resolve([finding('CM503', `could not run ${python} to parse the emitted Python: ${stderr.trim() || err.message}`)]);
        return;
      }
      const errors = JSON.parse(stdout) as ParseError[];
      resolve(errors.map((e) => finding('CM501', `${e.file} does not parse: ${e.message}`, { file: e.file, line: e.line, column: e.column })));
    });
    child.stdin?.end(JSON.stringify(files));
  });
}
