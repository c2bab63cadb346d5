// verify's part for the cog target: the output is a Cog project, so the build level builds its
// `cog debug` image (image.ts, as `cog build` would) and the smoke level runs that image's own
// Cog HTTP server in a container of its own on 127.0.0.1, while the shared driver, in a second
// container of the same image, sends the requests to it and calls the predictor directly: the
// Cog-API runtime (../cog-api/), which the workers-ai smoke run uses too, with the Worker in front.

import { finding } from '../../../findings/finding.js';
import type { TargetVerify } from '../types.js';
import { cogApiRuntime } from '../cog-api/index.js';
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
  runtime: cogApiRuntime(),
};
