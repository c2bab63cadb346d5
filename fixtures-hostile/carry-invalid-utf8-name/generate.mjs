// A file whose name is not valid UTF-8 (bytes 0xff 0xfe): Linux allows any bytes but NUL and /.
import { writeFileSync } from 'node:fs';

const input = process.argv[2];
writeFileSync(Buffer.concat([Buffer.from(`${input}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'x');
