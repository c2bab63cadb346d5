'use strict';
const { fal } = require('@fal-ai/client');

fal.config({ credentials: process.env.FAL_KEY });

async function main() {
  const output = (await fal.subscribe('acme/tokens', {
    input: { prompt: process.argv[2] || 'Hello', temperature: '0.2' },
  })).data.output;
  console.log(output.join(''));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
