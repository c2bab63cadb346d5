// MIGRATION.md's Cloudflare section for each mode: what is available to whom, what to ask
// Cloudflare, and how the image gets there. Plain text; the only project values in it are the
// worker name and model name, which options.ts restricts to lowercase letters, digits and hyphens,
// and the GPU ask, made from src/hardware's data table (never from the user's files).

export function byoGuide(modelName: string, gpuAsk?: string): { title: string; markdown: string }[] {
  return [{
    title: 'Workers AI bring-your-own-model: before you deploy',
    markdown: [
      'Running your own model on Workers AI is, today, offered to **enterprise accounts and design',
      'partners** of Cloudflare; it is not self-serve. This output is ready for it: the folder is',
      'the Cog project (predictor unchanged, `cog.yaml` normalised for current Cog), and `worker/`',
      'is a Worker that calls the model through the Workers AI binding.',
      '',
      'Ask your Cloudflare account team for:',
      '',
      '1. access to custom models (bring-your-own-model) on Workers AI for your account;',
      '2. the container registry to push Cog images to, and how to log in to it;',
      '3. the model name the Worker passes to `env.AI.run` once the image is imported',
      `   (the Worker uses \`${modelName}\` until you set \`MODEL_NAME\` in worker/src/index.ts);`,
      gpuAsk
        ? `4. the GPU: ${gpuAsk}; and its limits (image size, request time).`
        : '4. which GPU the model gets (cog.yaml says only `gpu: true`; docs/hardware.md maps Replicate machines), and its limits (image size, request time).',
      '',
      'Then push the image with Cog itself (Cog builds it from this folder exactly as it did for',
      'Replicate). `worker/` and `tests/` are not part of the model: add them to `.dockerignore`',
      '(Cog honours it) before the first push, or their `node_modules` end up in the image.',
      '',
      '```sh',
      'cog login --registry <registry Cloudflare gives you>   # if the registry needs it',
      `cog push <registry Cloudflare gives you>/${modelName}`,
      '```',
      '',
      'and deploy the Worker:',
      '',
      '```sh',
      'cd worker && npm install && npx wrangler deploy',
      '```',
    ].join('\n'),
  }];
}

export function containersGuide(): { title: string; markdown: string }[] {
  return [{
    title: 'Cloudflare Containers: how it runs',
    markdown: [
      'The image is the `cog debug` Dockerfile of this project with Replicate\'s private',
      '`r8.im/cog-base` replaced by a public base and the Cog SDK installed from PyPI, so Cog\'s own',
      'HTTP server answers on port 5000 inside it, with the same API as on Replicate. `worker/` is a',
      'Worker whose Container class (a Durable Object) starts that image and forwards',
      '`POST /predictions`, `GET /health-check` and `GET /openapi.json` to it.',
      '',
      'Containers need the Workers Paid plan. `wrangler deploy` builds the image with Docker',
      '(linux/amd64) and pushes it to Cloudflare\'s registry:',
      '',
      '```sh',
      'cd worker && npm install && npx wrangler deploy',
      '```',
      '',
      'The first deploy takes a few minutes while Cloudflare distributes the image.',
    ].join('\n'),
  }];
}
