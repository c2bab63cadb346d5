// verify's part for the cog target without an engine: the image it builds is the output's own
// `cog debug` form with the schema Cog's server validates by, the predictor comes from the
// output's cog.yaml, and serve.py speaks Cog's HTTP API for the shared driver (run on the host
// on plain values: no user code). The registry also recognises a workers-ai output by its files.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputTarget, targetVerify } from '../../../src/verify/targets/index.js';
import { driverPath, verifyAsset } from '../../../src/verify/assets.js';
import { cogTarget } from '../../../targets/cog/index.js';
import { convertFixture } from '../../docker/helpers.js';
import { convertForWorkers } from '../workers-ai/helpers.js';

describe('the cog target in the verify registry', () => {
  it("builds the output's cog debug image with its schema and requirements, and names the output's own predictor", () => {
    const { outDir } = convertFixture('path-in-path-out-text-transform', cogTarget);
    expect(outputTarget(outDir)).toBe('cog');
    const own = targetVerify('cog');
    const image = own.dockerfile!(outDir);
    expect(image.findings).toEqual([]);
    expect(image.text).toMatch(/^FROM r8\.im\/cog-base:python3\.11$/m);
    expect(image.text).toContain('CMD ["python", "-m", "cog.server.http"]');
    expect(image.text).not.toMatch(/--mount=|COPY --from=ghcr/); // the offline builder's form
    const schema = image.extraFiles?.find((f) => f.name === '.cog/openapi_schema.json');
    expect(JSON.parse(String(schema?.data)).components.schemas.Input.properties).toHaveProperty('document');
    expect(image.predictors?.predict).toMatchObject({ file: 'predict.py', name: 'Predictor' });
    expect(own.runtime?.serveModule).toBe(verifyAsset('targets/cog-api/serve.py'));
    expect(own.runtime?.server).toBeTypeOf('function');
  });
  it('refuses an output that is not a Cog project with CM516', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-cog-verify-'));
    expect(targetVerify('cog').dockerfile!(dir).findings.map((f) => f.code)).toEqual(['CM516']);
    rmSync(dir, { recursive: true, force: true });
  });
  it('recognises a workers-ai output by worker/wrangler.jsonc, without migration.json', () => {
    const o = convertForWorkers('minimal-string-predictor', 'containers');
    try {
      rmSync(join(o.outDir, 'migration.json'));
      expect(outputTarget(o.outDir)).toBe('workers-ai');
      expect(targetVerify('workers-ai').verify).toBeTypeOf('function');
    } finally {
      o.remove();
    }
  });
});

/** Runs `code` with the driver and the cog serve module importable, as in the smoke container. */
function python(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-cog-serve-'));
  try {
    cpSync(driverPath(), join(dir, 'driver.py'));
    cpSync(verifyAsset('targets/cog-api/serve.py'), join(dir, 'serve.py'));
    return execFileSync('python3', ['-I', '-c', `import sys; sys.path.insert(0, ${JSON.stringify(dir)})\n${code}`], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("serve.py: Cog's HTTP API for the shared driver", () => {
  const served = `import json, serve, driver
openapi = {"paths": {"/predictions": {}, "/health-check": {}}, "components": {"schemas": {"Input": {"properties": {"n": {"type": "integer"}}, "required": ["n"]}}}}
s = serve.Served("http://127.0.0.1:1", openapi, "0.22.0")
`;
  it('posts {"input": ...} asking for JSON, routes predict only where Cog serves it, and reads the Input schema', () => {
    const out = JSON.parse(python(`${served}print(json.dumps([s.request_body("predict", {"n": 1}), s.accept, s.endpoint("predict"), s.endpoint("train"), s.stream_endpoint("predict"), s.input_schema("predict")[0]["required"], s.cog_api]))`)) as unknown[];
    expect(out).toEqual([{ input: { n: 1 } }, 'application/json', '/predictions', null, null, ['n'], true]);
  });
  it('takes the output of a succeeded prediction, files by content, and fails on any other answer', () => {
    const out = python(`${served}print(json.dumps(s.response_output({"status": "succeeded", "output": ["data:text/plain;base64,aGk=", 2]})))
try:
    s.response_output({"status": "failed", "error": "boom"})
except RuntimeError as e:
    print(e)`);
    const [first, second] = out.split('\n');
    expect(JSON.parse(first!)).toEqual([{ file: '8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4', bytes: 2 }, 2]);
    expect(second).toContain('"error": "boom"');
  });
  it("routes train() to the train-mode server, with its TrainingInput schema", () => {
    const out = JSON.parse(python(`${served}t = serve.Served("http://127.0.0.1:1", openapi, "0.22.0", ("http://127.0.0.1:2", {"paths": {"/trainings": {}}, "components": {"schemas": {"TrainingInput": {"required": ["steps"]}}}}))
print(json.dumps([t.endpoint("train"), t.base_for("train"), t.base_for("predict"), t.input_schema("train")[0]["required"], s.base_for("train")]))`)) as unknown[];
    expect(out).toEqual(['/trainings', 'http://127.0.0.1:2', 'http://127.0.0.1:1', ['steps'], 'http://127.0.0.1:1']);
  });
  it('without a server URL, start() fails at import, naming it', () => {
    expect(python('import serve\ntry:\n    serve.start("app.py")\nexcept serve.StartFailed as e:\n    print(e.stage, e.error)')).toMatch(/^import COG_MIGRATE_SERVER_URL is not set/);
  });
});

// A platform in front of Cog's server (the Worker): two local servers answering Cog's API, the
// front and Cog's server behind it; the driver asks both and holds the front to the other.
describe("the driver with a front of Cog's server (serve.py's reference_base)", () => {
  const run = (front: { output: string; invalid: number }, behind: { output: string; invalid: number }) => JSON.parse(python(`import json, threading, http.server, serve, driver
def server(output, invalid):
    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a): pass
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            ok = isinstance(body["input"].get("n"), int)
            data = json.dumps({"status": "succeeded", "output": output} if ok else {"detail": "n"}).encode()
            self.send_response(200 if ok else invalid); self.send_header("Content-Type", "application/json"); self.end_headers(); self.wfile.write(data)
    s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=s.serve_forever, daemon=True).start()
    return "http://127.0.0.1:%d" % s.server_address[1]
openapi = {"paths": {"/predictions": {}}, "components": {"schemas": {"Input": {"properties": {"n": {"type": "integer"}}, "required": ["n"]}}}}
s = serve.Served(server(${JSON.stringify(front.output)}, ${front.invalid}), openapi, "0.22.0", None, server(${JSON.stringify(behind.output)}, ${behind.invalid}))
result = {"requests": []}
out = []
for step in (lambda: driver.check_reference(s, "predict", "/predictions", {"n": 1}, ${JSON.stringify(front.output)}, result), lambda: driver.check_invalid(s, openapi, "predict", {"n": 1}, result)):
    try:
        step(); out.append("ok")
    except driver.Failure as f:
        out.append([f.stage, f.error])
print(json.dumps([out, result.get("reference"), result.get("invalid", {}).get("reference_status")]))`));
  it('agrees when Cog\'s server answers alike, and records it', () => {
    expect(run({ output: 'hi', invalid: 422 }, { output: 'hi', invalid: 422 })).toEqual([['ok', 'ok'], [{ role: 'predict', endpoint: '/predictions', status: 200 }], 422]);
  });
  it("fails when the front's answer differs from Cog's server's, or the front refuses what Cog's server takes", () => {
    const [out] = run({ output: 'hi!', invalid: 422 }, { output: 'hi', invalid: 200 }) as [unknown[]];
    expect(out).toEqual([
      ['compare-reference', "RuntimeError: predict: the platform answered differently from Cog's server behind it"],
      ['reference-invalid', "RuntimeError: POST /predictions with n='not a number': the platform answered 422 but Cog's server behind it answered 200"],
    ]);
  });
});
