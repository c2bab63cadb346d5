// Before/after cases of the Python rewriter, one behaviour each.

import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/clients/models.js';
import { rewritePySource } from '../../src/clients/python/rewrite.js';
import type { ClientTarget } from '../../src/clients/types.js';

function rewrite(text: string, to: ClientTarget = 'fal', specs = ['acme/llm=acme/llm-fal']) {
  const models = specs.map((s) => {
    const r = parseModelSpec(s, to);
    if (!r.ok) throw new Error(r.error);
    return r.mapping;
  });
  const r = rewritePySource(text, 'app.py', { to, models });
  return { after: r.after, codes: r.findings.map((f) => f.code) };
}

describe('Python rewrites', () => {
  it('leaves a file without a named model byte-identical', () => {
    const text = '# -*- coding: utf-8 -*-\r\nimport replicate\r\n\r\nprint(replicate.run("other/model", input={}))  # ü\r\n';
    expect(rewrite(text).after).toBe(text);
  });

  it('an aliased import and comments inside the call survive', () => {
    const text = 'import replicate as r\n\nout = r.run(\n    "acme/llm",  # the chat model\n    input={"prompt": "hé"},\n)\n';
    expect(rewrite(text).after).toBe('import fal_client\n\nout = fal_client.subscribe(\n    "acme/llm-fal",  # the chat model\n    arguments={"prompt": "hé"},\n)["output"]\n');
  });

  it('from replicate import Client: an async client becomes fal_client.AsyncClient', () => {
    const text = 'import os\nfrom replicate import Client\n\nc = Client(api_token=os.getenv("REPLICATE_API_TOKEN"))\n\n\nasync def go():\n    return await c.async_run("acme/llm", input={})\n';
    const { after } = rewrite(text);
    expect(after).toBe('import os\nimport fal_client\n\nc = fal_client.AsyncClient(key=os.getenv("FAL_KEY"))\n\n\nasync def go():\n    return (await c.subscribe("acme/llm-fal", arguments={}))["output"]\n');
  });

  it('a client used both sync and async stays (CM713)', () => {
    const text = 'import replicate\nc = replicate.Client()\n\n\ndef a():\n    return c.run("acme/llm", input={})\n\n\nasync def b():\n    return await c.async_run("acme/llm", input={})\n';
    const r = rewrite(text);
    expect(r.after).toBe(text);
    expect(r.codes).toEqual(['CM713', 'CM713']);
  });

  it('an async_run that is not awaited where it is made stays (CM713)', () => {
    const text = 'import asyncio\nimport replicate\n\n\nasync def go():\n    return await asyncio.gather(replicate.async_run("acme/llm", input={}))\n';
    expect(rewrite(text).codes).toContain('CM713');
    expect(rewrite(text).after).toBe(text);
  });

  it('Modal: a dict with non-identifier keys is passed as **{...}', () => {
    const { after } = rewrite('import replicate\n\nx = replicate.run("acme/llm", input={"max-tokens": 3})\n', 'modal', ['acme/llm=llm/Model.generate']);
    expect(after).toBe('import modal\n\nx = modal.Cls.from_name("llm", "Model")().generate.remote(**{"max-tokens": 3})\n');
  });

  it('Modal with a URL target: an HTTP POST /predictions; an async call stays (CM714)', () => {
    const r = rewrite('import replicate\n\nx = replicate.run("acme/llm", input={"prompt": "a"}, wait=True)\n', 'modal', ['acme/llm=https://a--b.modal.run']);
    expect(r.after).toMatch(/^\n*x = _predict_on_modal\("https:\/\/a--b\.modal\.run", input=\{"prompt": "a"\}\)\n/);
    expect(r.after).toContain('def _predict_on_modal(url, input):');
    expect(r.after).not.toContain('replicate');
    const a = rewrite('import replicate\n\n\nasync def f():\n    return await replicate.async_run("acme/llm", input={})\n', 'modal', ['acme/llm=https://a--b.modal.run']);
    expect(a.codes).toContain('CM714');
  });

  it('issue 14: predictions.get and cancel go to fal_client on the one model the file names; alone they stay (CM714)', () => {
    const text = 'import replicate\n\n\ndef start():\n    p = replicate.predictions.create(model="acme/llm", input={})\n    return p.id\n\n\ndef poll(i):\n    return replicate.predictions.get(i).status\n\n\ndef stop(i):\n    replicate.predictions.cancel(i)\n';
    const { after } = rewrite(text);
    expect(after).toContain('    return _replicate_style_prediction(fal_client, "acme/llm-fal", i).status\n');
    expect(after).toContain('    fal_client.cancel("acme/llm-fal", i)\n');
    expect(after).toContain('status = client.status(app_id, request_id, with_logs=True)');
    const alone = 'import replicate\n\n\ndef poll(i):\n    return replicate.predictions.get(i).status\n';
    expect(rewrite(alone)).toEqual({ after: alone, codes: ['CM714'] });
  });

  it('issue 14: Modal class targets: create -> .spawn(input) (id -> object_id), get -> the function call\'s result, cancel -> FunctionCall.cancel; a URL target stays (CM714)', () => {
    const text = 'import replicate\n\n\ndef start():\n    p = replicate.predictions.create(model="acme/llm", input={"prompt": "a"})\n    return p.id\n\n\ndef poll(i):\n    return replicate.predictions.get(i).status\n\n\ndef stop(i):\n    replicate.predictions.cancel(i)\n';
    const { after, codes } = rewrite(text, 'modal', ['acme/llm=llm/Model']);
    expect(after).toContain('    p = modal.Cls.from_name("llm", "Model")().predict.spawn({"prompt": "a"})\n    return p.object_id\n');
    expect(after).toContain('    return _replicate_style_modal_call(i).status\n');
    expect(after).toContain('    modal.FunctionCall.from_id(i).cancel()\n');
    expect(after).toContain('prediction.output = modal.FunctionCall.from_id(call_id).get(timeout=0)');
    expect(after.startsWith('import modal\n')).toBe(true);
    expect(codes).toEqual(['CM733']);
    const url = rewrite(text, 'modal', ['acme/llm=https://a--b.modal.run']);
    expect(url.after).toBe(text);
    expect(url.codes.filter((c) => c === 'CM714').length).toBe(3);
  });

  it('a rewrite of rewritten code is the same text', () => {
    const once = rewrite('import replicate\n\nfor e in replicate.stream("acme/llm", input={"prompt": "x"}):\n    print(e)\n').after;
    expect(once).toContain('_replicate_style_events(fal_client.stream("acme/llm-fal", arguments={"prompt": "x"}))');
    expect(rewrite(once).after).toBe(once);
  });
});
