// verify's Modal part: the image modal_app.py describes (image.ts) is what the build level builds,
// and the smoke level runs smoke.py in it, which drives the class with Modal's own lifecycle
// functions (cog_migrate_modal.py) and serves the @modal.asgi_app object under uvicorn.

import { join } from 'node:path';
import { verifyAsset } from '../../assets.js';
import type { TargetVerify } from '../types.js';
import { modalImage } from './image.js';

export const modalVerify: TargetVerify = {
  dockerfile: (outDir) => {
    const { image, findings } = modalImage(outDir);
    return { findings, ...(image ? { text: image.text, from: image.from, ...(image.projectDir ? { projectDir: image.projectDir } : {}) } : {}) };
  },
  smoke: {
    app: 'modal_app.py',
    folder: 'modal',
    script: 'smoke.py',
    files: ['smoke.py', 'cog_migrate_modal.py'].map((f) => verifyAsset(join('targets', 'modal', f))),
  },
};
