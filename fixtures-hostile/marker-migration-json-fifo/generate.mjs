// An earlier output folder whose migration.json marker is a FIFO: opening it for reading blocks
// until a writer appears, which never happens. Git cannot hold a FIFO, so it is made here.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
mkdirSync(join(input, 'old-fal'));
const r = spawnSync('mkfifo', [join(input, 'old-fal', 'migration.json')]);
if (r.status !== 0) throw new Error('mkfifo failed');
