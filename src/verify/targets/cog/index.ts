// verify's part for the cog target: the output is a Cog project, so the build level builds its
// `cog debug` image (image.ts, as `cog build` would) and the smoke level runs that image's own
// Cog HTTP server in a container of its own on 127.0.0.1 (the Cloudflare smoke run starts the
// same server the same way: ../../workers-ai/cog-server.ts), while the shared driver, in a second
// container of the same image, sends the requests through serve.py and calls the predictor
// directly.

import { verifyAsset } from '../../assets.js';
import { finding } from '../../../findings/finding.js';
import type { Finding } from '../../../findings/types.js';
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
    // Cog's server for predict, and when the project has train() a second one in train mode
    // (Cog routes /trainings there, as Replicate runs trainings in a container of their own).
    server: async (engine, image, timeoutMs, roles) => {
      const env: string[] = [];
      const findings: Finding[] = [];
      const running: (() => Promise<void>)[] = [];
      const stop = async (): Promise<void> => { for (const s of running) await s(); };
      for (const [mode, variable] of [['predict', 'COG_MIGRATE_SERVER_URL'], ['train', 'COG_MIGRATE_TRAIN_SERVER_URL']] as const) {
        if (mode === 'train' && !roles.includes('train')) continue;
        const started = await startCogServer(engine, image, timeoutMs, mode);
        findings.push(...started.findings);
        if (!started.server) {
          await stop();
          return { findings, stop: async () => undefined };
        }
        running.push(started.server.stop);
        env.push(`${variable}=${started.server.url}`);
      }
      return { env, findings, stop };
    },
  },
};
