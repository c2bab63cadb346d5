// End to end through the CLI: `cog-migrate DIR --to workers-ai --verify static` writes the
// Cloudflare project and verifies it (the Worker type-checks, wrangler reads and bundles it).
// (`verify OUT` without a target recognising the output: test/verify/workers-ai/verify.test.ts.)
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../helpers/cli.js';

const COG = 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n';

describe('cog-migrate --to workers-ai', () => {
  it('converts a CPU model to Cloudflare Containers and verifies it statically (exit 0)', async () => {
    const src = tempProject({ 'cog.yaml': COG, 'predict.py': MINIMAL_PREDICTOR });
    const out = join(mkdtempSync(join(tmpdir(), 'cogm-wai-')), 'out');
    const r = await cli(src, '--to', 'workers-ai', '--out', out, '--verify', 'static');
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['Dockerfile', '.cog/openapi_schema.json', 'worker/wrangler.jsonc', 'worker/src/index.ts', 'MIGRATION.md']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(r.stdout).toMatch(/^ok {3}typecheck .*wrangler reads and bundles it; not checked: .*buildx/m);
  }, 120_000);

  it('a GPU model (bring-your-own-model) does not say "nothing" while notes ask for access and a model name', async () => {
    const src = tempProject({ 'cog.yaml': 'build:\n  gpu: true\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', 'predict.py': MINIMAL_PREDICTOR });
    const out = join(mkdtempSync(join(tmpdir(), 'cogm-wai-')), 'out');
    const r = await cli(src, '--to', 'workers-ai', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/nothing/i);
    expect(r.stdout).toMatch(/^No errors or warnings; \d+ note\(s\) in MIGRATION\.md \((CM\d{3}, )*CM432, (CM\d{3}, )*CM436(, CM\d{3})*\)\. Next:$/m);
  }, 120_000);
});
