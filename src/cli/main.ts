#!/usr/bin/env node
import { main } from './program.js';
import { processIo } from './io.js';

// A reader that stops early (`cog-migrate batch --help | head`) closes the pipe: that ends the
// output, it is not a fault of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cog-migrate: internal error: ${String(err)}\n`);
    process.exitCode = 3;
  },
);
