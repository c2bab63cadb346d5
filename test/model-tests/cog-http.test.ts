// runtime/model_tests/test_cog_http.py against a stand-in of Cog's HTTP API on 127.0.0.1: the
// emitted test passes the cases the output satisfies and fails the ones it does not, through
// the real pytest, the checkers and jq. The stand-in answers as Cog does: 200 with
// {"status": "succeeded", "output"} or {"status": "failed", "error"}, 422 for a bad input.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeDir } from '../../src/runtime/index.js';
import { pythonEnv } from '../helpers/python-env.js';

const STANDIN = `
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class Cog(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        text = body["input"].get("text")
        if not isinstance(text, str):
            return self.reply(422, {"detail": [{"loc": ["body", "input", "text"], "msg": "Input should be a valid string"}]})
        if text == "boom":
            return self.reply(200, {"status": "failed", "output": None, "error": "ValueError: boom"})
        times = body["input"].get("times", 1)
        output = {"shout": text.upper(), "times": times} if text == "obj" else (text.upper() + " ") * times
        self.reply(200, {"status": "succeeded", "output": output, "error": None})

    def reply(self, code, doc):
        data = json.dumps(doc).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

server = HTTPServer(("127.0.0.1", 0), Cog)
print(server.server_address[1], flush=True)
server.serve_forever()
`;

const CASES = [
  { id: 'exact-pass', inputs: { text: 'hi' }, checker: { kind: 'exact_string', expected: 'HI ' } },
  { id: 'exact-fail', inputs: { text: 'hi' }, checker: { kind: 'exact_string', expected: 'hi ' } },
  { id: 'jq-pass', inputs: { text: 'obj', times: 2 }, checker: { kind: 'jq_query', query: '.shout == "OBJ" and .times == 2' } },
  { id: 'jq-fail', inputs: { text: 'obj' }, checker: { kind: 'jq_query', query: '.times == 2' } },
  // cog-safe-push parses a string output as JSON before the query: plain text fails.
  { id: 'jq-on-text-fails', inputs: { text: 'yo' }, checker: { kind: 'jq_query', query: '. == "YO "' } },
  { id: 'error-pass', inputs: { text: 'boom' }, checker: { kind: 'error_contains', expected: 'boom' } },
  { id: 'error-fail', inputs: { text: 'fine' }, checker: { kind: 'error_contains', expected: 'boom' } },
  { id: 'invalid-input-is-an-error', inputs: { text: 3 }, checker: { kind: 'error_contains', expected: 'valid string' } },
  { id: 'succeeds-fail', inputs: { text: 'boom' }, checker: { kind: 'succeeds' } },
].map((c) => ({ ...c, variant: null, role: 'predict', timeout: 30, source: 'cog-safe-push.yaml:1' }));

let python = '';
let server: ChildProcess | undefined;
let port = 0;
let dir = '';

beforeAll(async () => {
  python = pythonEnv('model-tests');
  dir = mkdtempSync(join(tmpdir(), 'cogm-cog-http-'));
  mkdirSync(join(dir, 'tests'));
  for (const f of ['checks.py', 'test_cog_http.py']) copyFileSync(join(runtimeDir(), 'model_tests', f), join(dir, 'tests', f));
  writeFileSync(join(dir, 'tests', 'cases.json'), JSON.stringify({ app: 'shout', urlEnv: 'MODAL_APP_URL', cases: CASES }));
  server = spawn(python, ['-c', STANDIN], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolvePort, reject) => {
    server!.stdout!.once('data', (d: Buffer) => resolvePort(Number(d.toString().trim())));
    server!.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
});

afterAll(() => {
  server?.kill();
});

describe('emitted Cog-HTTP tests against a Cog API stand-in', () => {
  it('pass what the output satisfies and fail the rest, each with the checker\'s message', () => {
    const r = spawnSync(python, ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', '-rA', 'tests/'], { cwd: dir, encoding: 'utf8', env: { ...process.env, MODAL_APP_URL: `http://127.0.0.1:${port}` } });
    const verdicts = Object.fromEntries([...r.stdout.matchAll(/^(PASSED|FAILED) tests\/test_cog_http\.py::test_case\[([^\]]+)\]/gm)].map((m) => [m[2], m[1]]));
    expect(verdicts, r.stdout).toEqual({
      'exact-pass': 'PASSED', 'exact-fail': 'FAILED', 'jq-pass': 'PASSED', 'jq-fail': 'FAILED', 'jq-on-text-fails': 'FAILED',
      'error-pass': 'PASSED', 'error-fail': 'FAILED', 'invalid-input-is-an-error': 'PASSED', 'succeeds-fail': 'FAILED',
    });
    expect(r.stdout).toContain("Expected 'hi ', got 'HI '");
    expect(r.stdout).toContain('Prediction raised an unexpected error: ValueError: boom');
  });

  it('skip with the variable to set when no URL is given', () => {
    const env = { ...process.env };
    delete env.MODAL_APP_URL;
    const r = spawnSync(python, ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', '-rs', 'tests/'], { cwd: dir, encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('set MODAL_APP_URL to the deployed app');
  });
});
