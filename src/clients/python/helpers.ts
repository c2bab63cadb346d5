// Functions a rewritten Python file may need, appended once at its end. Constant text: no user
// value reaches them (calls pass the values in as arguments).

import type { PyHelper } from './context.js';

const HELPERS: Record<PyHelper, string[]> = {
  _replicate_style_events: [
    'def _replicate_style_events(events):',
    '    """Replicate\'s stream sent one event per new output item; the fal app\'s /stream endpoint',
    '    sends the whole output so far in each event. This yields only the new items, as Replicate did."""',
    '    seen = 0',
    '    for event in events:',
    '        items = event["output"]',
    '        for item in items[seen:]:',
    '            # fal returns files as File objects; Replicate streamed their URLs.',
    '            yield item["url"] if isinstance(item, dict) and "url" in item else str(item)',
    '        seen = len(items)',
  ],
  _replicate_style_events_async: [
    'async def _replicate_style_events_async(events):',
    '    """The async form of _replicate_style_events: only the new output items, as Replicate sent them."""',
    '    seen = 0',
    '    async for event in events:',
    '        items = event["output"]',
    '        for item in items[seen:]:',
    '            yield item["url"] if isinstance(item, dict) and "url" in item else str(item)',
    '        seen = len(items)',
  ],
  _replicate_style_prediction: [
    'def _replicate_style_prediction(client, app_id, request_id, read_output=None):',
    '    """Replicate\'s prediction (id, status, output, error, logs) from fal\'s queue: the request\'s',
    '    status, and its result once it is completed. read_output turns fal files into URLs."""',
    '    import types',
    '',
    '    import fal_client',
    '',
    '    status = client.status(app_id, request_id, with_logs=True)',
    '    logs = "\\n".join(str(log.get("message", "")) for log in (getattr(status, "logs", None) or []))',
    '    prediction = types.SimpleNamespace(id=request_id, status="processing", output=None, error=None, logs=logs)',
    '    if isinstance(status, fal_client.Queued):',
    '        prediction.status = "starting"',
    '    elif isinstance(status, fal_client.Completed):',
    '        if status.error:',
    '            prediction.status, prediction.error = "failed", status.error',
    '        else:',
    '            output = client.result(app_id, request_id)["output"]',
    '            prediction.status, prediction.output = "succeeded", read_output(output) if read_output else output',
    '    return prediction',
  ],
  _predict_on_modal: [
    'def _predict_on_modal(url, input):',
    '    """One prediction on the Modal app\'s Cog-compatible endpoint: POST /predictions answers as',
    '    Cog does, with {"status", "output", "error", "logs", "metrics"}."""',
    '    import json',
    '    import os',
    '    import urllib.request',
    '',
    '    headers = {"Content-Type": "application/json"}',
    '    # Endpoints deployed with requires_proxy_auth=True need a Modal proxy auth token.',
    '    if os.environ.get("MODAL_PROXY_TOKEN_ID"):',
    '        headers["Modal-Key"] = os.environ["MODAL_PROXY_TOKEN_ID"]',
    '        headers["Modal-Secret"] = os.environ.get("MODAL_PROXY_TOKEN_SECRET", "")',
    '    body = json.dumps({"input": input}).encode()',
    '    request = urllib.request.Request(url + "/predictions", data=body, headers=headers, method="POST")',
    '    with urllib.request.urlopen(request) as response:',
    '        prediction = json.load(response)',
    '    if prediction.get("status") != "succeeded":',
    '        raise RuntimeError(f"Prediction failed: {prediction.get(\'error\')}")',
    '    return prediction["output"]',
  ],
};

const ORDER: PyHelper[] = ['_replicate_style_events', '_replicate_style_events_async', '_replicate_style_prediction', '_predict_on_modal'];

export function helpersText(names: ReadonlySet<PyHelper>, nl: string): string {
  return ORDER.filter((n) => names.has(n)).map((n) => HELPERS[n].join(nl) + nl).join(`${nl}${nl}`);
}
