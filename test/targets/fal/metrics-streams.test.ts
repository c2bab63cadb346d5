// Issue 16: a ConcatenateIterator streams its new text per event, and cog.current_scope() metrics
// are per request, one of them reported as fal's billable units with --billable-metric. The
// fixture current-scope-and-emit-metric is read by the Cog frontend, emitted by the fal target
// and served through fal's own FastAPI app (fal 1.83, `App._build_app()`) offline: its response
// headers and its Server-Sent Events are what fal's gateway would see.

import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCog } from '../../../src/frontends/cog/index.js';
import { emitFal, type FalOptions } from '../../../targets/fal/index.js';
import { parseFalOptionsChecked } from '../../../targets/fal/options.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { LOAD_APP_PY, pyrightErrors, runPython, writeEmitted } from './harness.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/current-scope-and-emit-metric/input', import.meta.url));

// Two requests served at once on one app (fal's max_multiplexing), then a stream.
const SERVE = String.raw`${LOAD_APP_PY}import threading
app_dir, class_name = sys.argv[1], sys.argv[2]
module = load_app(app_dir)
from fastapi.testclient import TestClient
app = getattr(module, class_name)(_allow_init=True)
out = {}
with TestClient(app._build_app()) as client:
    def call(n):
        r = client.post("/", json={"prompt": "one two", "max_new_tokens": n})
        out[n] = {"status": r.status_code, "units": r.headers.get("x-fal-billable-units"), "output": r.json()["output"]}
    threads = [threading.Thread(target=call, args=(n,)) for n in (2, 5)]
    [t.start() for t in threads]; [t.join() for t in threads]
    r = client.post("/stream", json={"prompt": "one two", "max_new_tokens": 3})
    events = [json.loads(line[5:]) for line in r.text.splitlines() if line.startswith("data:")]
    out["stream"] = {"status": r.status_code, "units": r.headers.get("x-fal-billable-units"), "events": events}
print(json.dumps(out))
`;

function emit(options: FalOptions) {
  const { ir } = readCog(FIXTURE);
  const result = emitFal(ir!, options);
  const dir = mkdtempSync(join(tmpdir(), 'fal-metrics-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeEmitted(result, dir);
  return { dir, result, app: result.files.find((f) => f.path === 'app.py')!.text };
}

let python: string;
beforeAll(() => { python = pythonEnv('fal'); }, 900_000);

function serve(dir: string): Record<string, { status: number; units: string | null; output?: string[]; events?: { output: string }[] }> {
  return JSON.parse(runPython(python, ['-c', SERVE, dir, 'CurrentScopeAndEmitMetric'], { COG_MIGRATE_PROJECT_DIR: dir }).trim().split('\n').at(-1)!);
}

describe('fal: streams and metrics', () => {
  it('sends each request its own output_token_count as x-fal-billable-units, and streams text pieces', () => {
    const { dir, result } = emit({ billableMetric: 'output_token_count' });
    expect(result.findings.map((f) => f.code)).toContain('CM460');
    expect(result.findings.map((f) => f.code)).not.toContain('CM404');
    const seen = serve(dir);
    expect(seen[2]).toEqual({ status: 200, units: '2', output: ['one ', 'two '] });
    expect(seen[5]).toEqual({ status: 200, units: '5', output: ['one ', 'two ', 'one ', 'two ', 'one '] });
    // the headers of a stream leave before predict() has counted anything
    expect(seen['stream']).toEqual({ status: 200, units: null, events: [{ output: 'one ' }, { output: 'two ' }, { output: 'one ' }] });
    expect(pyrightErrors(python, [join(dir, 'app.py'), join(dir, 'cog_migrate_runtime', 'metrics.py')])).toEqual([]);
  }, 180_000);

  it('without --billable-metric: no header, CM404, and no per-request scope code in app.py', () => {
    const { dir, result, app } = emit({});
    expect(result.findings.filter((f) => f.code === 'CM404')).toHaveLength(1);
    expect(app).not.toContain('x-fal-billable-units');
    expect(result.files.map((f) => f.path)).not.toContain('cog_migrate_runtime/metrics.py');
    const seen = serve(dir);
    expect(seen[2]!.units).toBeNull();
  }, 180_000);

  it('gives CM461 when the predictor records no metrics, and refuses a name Cog would not take', () => {
    const { ir } = readCog(fileURLToPath(new URL('../../../fixtures/minimal-string-predictor/input', import.meta.url)));
    expect(emitFal(ir!, { billableMetric: 'images' }).findings.map((f) => f.code)).toContain('CM461');
    expect(parseFalOptionsChecked({ billableMetric: 'image count' }).problems).toHaveLength(1);
    expect(parseFalOptionsChecked({ billableMetric: 'timing.images' }).options.billableMetric).toBe('timing.images');
  });
});
