// runtime/cog_migrate_runtime/media.py: an image's width and height read from its header
// without Pillow (which a model's image may lack), for each format a model commonly writes, from
// a path or from an open file (left where it was); anything else has no size.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { runtimeDir } from '../../src/runtime/index.js';
import { pythonEnv } from '../helpers/python-env.js';

const PROBE = String.raw`
import io, json, struct, tempfile, zlib
from cog_migrate_runtime.media import image_size

def png(w, h):
    chunk = lambda k, d: struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IEND", b"")
gif = b"GIF89a" + struct.pack("<HH", 7, 5) + b"\x00" * 8
bmp = b"BM" + b"\x00" * 16 + struct.pack("<ii", 9, -4) + b"\x00" * 30
# SOI, an APP1 (EXIF) segment to skip, then a baseline frame header with height 6, width 11
jpeg = b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", 10) + b"Exif\x00\x00\x00\x00" + b"\xff\xc0" + struct.pack(">HBHH", 17, 8, 6, 11) + b"\x00" * 12
webp_x = b"RIFF" + b"\x00" * 4 + b"WEBPVP8X" + b"\x00" * 8 + (12 - 1).to_bytes(3, "little") + (8 - 1).to_bytes(3, "little")
bits = (20 - 1) | ((10 - 1) << 14)
webp_l = b"RIFF" + b"\x00" * 4 + b"WEBPVP8L" + b"\x00" * 4 + b"\x2f" + bits.to_bytes(4, "little")
out = {}
for name, data in [("png", png(640, 480)), ("gif", gif), ("bmp", bmp), ("jpeg", jpeg), ("webp_x", webp_x), ("webp_l", webp_l), ("text", b"hello")]:
    with tempfile.NamedTemporaryFile(suffix="." + name, delete=False) as fh:
        fh.write(data)
    out[name] = image_size(fh.name)
f = io.BytesIO(png(3, 2)); f.seek(0)
out["open_file"] = [image_size(f), f.tell()]
out["missing"] = image_size("/nonexistent/x.png")
print(json.dumps(out))
`;

describe('image sizes from file headers', () => {
  it('reads PNG, GIF, BMP, JPEG (past EXIF), WebP (VP8X, VP8L) from paths and open files; nothing else', () => {
    const python = pythonEnv('fal');
    const seen = JSON.parse(execFileSync(python, ['-c', PROBE], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: runtimeDir() } }).trim());
    expect(seen).toEqual({
      png: [640, 480], gif: [7, 5], bmp: [9, 4], jpeg: [11, 6], webp_x: [12, 8], webp_l: [20, 10], text: null,
      open_file: [[3, 2], 0], missing: null,
    });
  }, 120_000);
});
