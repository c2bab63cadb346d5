// verify's part for the cog target: the output is a Cog project, so the build level builds its
// `cog debug` image (image.ts, as `cog build` would) and the smoke level runs that image's own
// Cog HTTP server in a container of its own on 127.0.0.1 (the Cloudflare smoke run starts the
// same server the same way: ../../workers-ai/cog-server.ts), while the shared driver, in a second
// container of the same image, sends the requests through serve.py and calls the predictor
// directly.

import { verifyAsset } from '../../assets.js';
import { finding } from '../../../findings/finding.js';
import { startCogServer } from '../../workers-ai/cog-server.js';
import type { TargetVerify } from '../types.js';
import { cogProjectImage } from './image.js';

export const cogVerify: TargetVerify = {
  dockerfile: (outDir) => {
    const image = cogProjectImage(outDir);
    if ('error' in image) return { findings: [finding('CM516', `the output does not read as a Cog project: ${image.error}`, { file: 'cog.yaml' })] };
    return {
      text: image.dockerfile,
      extraFiles: image.extraFiles,
      predictors: { ...(image.predict ? { predict: image.predict } : {}), ...(image.train ? { train: image.train } : {}) },
      findings: [],
    };
  },
  runtime: {
    serveModule: verifyAsset('targets/cog/serve.py'),
    server: async (engine, image, timeoutMs) => {
      const started = await startCogServer(engine, image, timeoutMs);
      return started.server
        ? { url: started.server.url, findings: started.findings, stop: () => started.server!.stop() }
        : { findings: started.findings, stop: async () => undefined };
    },
  },
};
