// Issue 16: types fal's playground understands. File inputs named or described as an image, a
// video or audio become ImageField / VideoField / AudioField (FileField otherwise); file outputs
// the predictor's code shows to be images (the file names it writes) or whose output field says
// so are declared fal.toolkit Image / Video / Audio, so an Image keeps its width and height. The
// fixture media-inputs-and-outputs is served through fal 1.83's own FastAPI app offline, with
// fal's in-memory file repository in place of its CDN.

import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCog } from '../../../src/frontends/cog/index.js';
import { emitFal } from '../../../targets/fal/index.js';
import { inputMedia } from '../../../targets/fal/media.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { LOAD_APP_PY, runPython, writeEmitted } from './harness.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

const SERVE = String.raw`${LOAD_APP_PY}import base64
app_dir, class_name = sys.argv[1], sys.argv[2]
from fal.toolkit import File
# fal's in-memory repository (data: URLs) instead of its CDN, which needs credentials
for name in ("from_path", "from_bytes"):
    original = getattr(File, name).__func__
    setattr(File, name, classmethod(lambda cls, *a, _o=original, **k: _o(cls, *a, **{**k, "repository": "in_memory", "fallback_repository": None})))
module = load_app(app_dir)
from fastapi.testclient import TestClient
app = getattr(module, class_name)(_allow_init=True)
uri = lambda data, mime: f"data:{mime};base64,{base64.b64encode(data).decode()}"
with TestClient(app._build_app()) as client:
    schema = client.get("/openapi.json").json()
    r = client.post("/", json={"input_video": uri(b"fake mp4", "video/mp4"), "voice": uri(b"RIFF fake", "audio/wav")})
props = schema["components"]["schemas"]["Input"]["properties"]
out = schema["components"]["schemas"]["Output"]["properties"]
print(json.dumps({
    "ui": {k: v.get("ui", {}).get("field") for k, v in props.items()},
    "declared": {k: v.get("$ref", "").split("/")[-1] for k, v in out.items()},
    "status": r.status_code,
    "body": {k: {f: v.get(f) for f in ("content_type", "file_name", "width", "height")} for k, v in r.json().items()},
    "video_bytes": base64.b64decode(r.json()["video"]["url"].split(",", 1)[1]).decode(),
}))
`;

let python: string;
beforeAll(() => { python = pythonEnv('fal'); }, 900_000);

/** The IR outputMedia of a predictor whose predict() body is `body` and returns a Path. */
function mediaOf(body: string, params = ''): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'media-'));
  writeFileSync(join(dir, 'cog.yaml'), 'predict: "predict.py:Predictor"\n');
  writeFileSync(join(dir, 'predict.py'), `from cog import BasePredictor, Input, Path\n\n\nclass Predictor(BasePredictor):\n    def predict(self${params}) -> Path:\n${body.split('\n').map((l) => `        ${l}`).join('\n')}\n`);
  return readCog(dir).ir?.predictors.predict?.outputMedia;
}

describe('fal: media types', () => {
  it('reads what a file input is from its name, else its description; FileField when unclear', () => {
    expect(inputMedia({ name: 'input_image' })).toBe('image');
    expect(inputMedia({ name: 'audioFile' })).toBe('audio');
    expect(inputMedia({ name: 'video2' })).toBe('video');
    expect(inputMedia({ name: 'file', description: 'A reference photo' })).toBe('image');
    expect(inputMedia({ name: 'file', description: 'An image or a video' })).toBeUndefined();
    expect(inputMedia({ name: 'clip_model', description: 'weights' })).toBeUndefined();
    // the name decides over the description
    expect(inputMedia({ name: 'mask', description: 'Drawn over the video' })).toBe('image');
    // a file that holds media is not media: an archive, a folder, weights
    expect(inputMedia({ name: 'images', description: 'A zip of training images' })).toBeUndefined();
    expect(inputMedia({ name: 'image_folder' })).toBeUndefined();
  });

  it("reads what a predictor's file output is from the file names its method writes, and claims nothing when they differ", () => {
    expect(mediaOf('return Path("/tmp/out.png")')).toBe('image');
    expect(mediaOf('return Path(f"/tmp/out.{fmt}")', ', fmt: str = Input(choices=["wav", "mp3"], default="wav")')).toBe('audio');
    expect(mediaOf('Path("mask.png")\nreturn Path("/tmp/out.mp4")')).toBeUndefined();
    expect(mediaOf('Path("/tmp/meta.json")\nreturn Path("/tmp/out.png")')).toBeUndefined();
    expect(mediaOf('return Path("/tmp/out")')).toBeUndefined();
  });

  it('serves Image (with width and height), Video and Audio outputs and media upload fields through fal\'s own app', () => {
    const input = join(FIXTURES, 'media-inputs-and-outputs', 'input');
    const { ir } = readCog(input);
    const result = emitFal(ir!, {});
    const dir = mkdtempSync(join(tmpdir(), 'fal-media-'));
    cpSync(input, dir, { recursive: true });
    writeEmitted(result, dir);
    const seen = JSON.parse(runPython(python, ['-c', SERVE, dir, 'MediaInputsAndOutputs'], { COG_MIGRATE_PROJECT_DIR: dir }).trim().split('\n').at(-1)!);
    expect(seen.ui).toEqual({ input_video: 'video', voice: 'audio', reference: 'image', storyboard: 'file' });
    expect(seen.declared).toEqual({ thumbnail: 'Image', video: 'Video', speech: 'Audio', subtitles: 'File' });
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({
      thumbnail: { content_type: 'image/png', file_name: 'thumbnail.png', width: 4, height: 3 },
      video: { content_type: 'video/mp4', file_name: 'dubbed.mp4', width: null, height: null },
      speech: { content_type: 'audio/x-wav', file_name: 'speech.wav', width: null, height: null },
      subtitles: { content_type: expect.any(String), file_name: 'captions.srt', width: null, height: null },
    });
    expect(seen.video_bytes).toBe('fake mp4');
  }, 180_000);
});
