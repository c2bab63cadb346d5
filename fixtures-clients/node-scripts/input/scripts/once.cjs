'use strict';
const Replicate = require('replicate');

const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });

async function main() {
  const output = await replicate.run('acme/tokens', {
    input: { prompt: process.argv[2] || 'Hello', temperature: '0.2' },
  });
  console.log(output.join(''));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
