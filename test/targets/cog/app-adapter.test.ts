// runtime/platform_shims/cog_app_adapter.py under Python: the objects a generated predictor
// passes for parameters FastAPI fills in (`response: Response`, `request: Request`, CM827) are the
// real FastAPI/Starlette classes, usable as an app uses them (set a header, read headers); a
// Cog file input for a parameter annotated `bytes` reaches the app as the file's content, one
// annotated `UploadFile` as an UploadFile over it; a Response or FileResponse the app returns
// becomes the file it would send.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeDir } from '../../../src/runtime/index.js';
import { pythonEnv } from '../../helpers/python-env.js';

const SCRIPT = `
import json
from fastapi import Request, Response
import pathlib, tempfile
import asyncio, sys, types
from fastapi.responses import FileResponse
cog = types.ModuleType("cog")
cog.Path = pathlib.Path  # what to_cog needs of the Cog SDK here
sys.modules["cog"] = cog
from cog_app_adapter import fastapi_request, fastapi_response, file_bytes, to_cog, upload_file

def speak(text, response: Response, request: Request):
    response.headers["x-fal-billable-units"] = str(len(text))
    return {"units": response.headers["x-fal-billable-units"], "client_headers": dict(request.headers), "method": request.method}

response = fastapi_response()
upload = pathlib.Path(tempfile.mkdtemp()) / "image.png"
upload.write_bytes(bytes([0, 137, 80, 78, 71]))
print(json.dumps({
    "result": speak(**{"text": "hello"}, response=response, request=fastapi_request()),
    "response_is_fastapi": isinstance(response, Response),
    "fresh": fastapi_response() is not response,
    "bytes": list(file_bytes(upload)),
    "none": file_bytes(None),
    "upload": [upload_file(upload).filename, list(asyncio.run(upload_file(upload).read()))],
    "response_file": [pathlib.Path(to_cog(Response(content=b"jpeg!", media_type="image/jpeg"))).read_bytes().decode(), str(to_cog(Response(content=b"x", media_type="image/png"))).endswith(".png")],
    "file_response": str(to_cog(FileResponse(str(upload)))) == str(upload),
}))
`;

describe('cog_app_adapter: FastAPI-injected parameters and bytes inputs', () => {
  it('passes a real Response the app can set headers on, an empty Request, a file as bytes or UploadFile; returns Responses as files', () => {
    const out = execFileSync(pythonEnv('modal'), ['-c', SCRIPT], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: join(runtimeDir(), 'platform_shims'), PYTHONWARNINGS: 'ignore' },
      timeout: 120_000,
    });
    expect(JSON.parse(out.trim())).toEqual({
      result: { units: '5', client_headers: {}, method: 'POST' },
      response_is_fastapi: true,
      fresh: true,
      bytes: [0, 137, 80, 78, 71],
      none: null,
      upload: ['image.png', [0, 137, 80, 78, 71]],
      response_file: ['jpeg!', true],
      file_response: true,
    });
  });
});
