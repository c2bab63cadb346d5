// A folder chain whose full path is longer than PATH_MAX (4096 on Linux): made one level at a
// time relative to the previous level, since no single absolute path may name the bottom.
import { spawnSync } from 'node:child_process';

const input = process.argv[2];
const segment = 'd'.repeat(200);
const levels = 25;
const script = `cd "$1" && for i in $(seq ${levels}); do mkdir ${segment} && cd ${segment} || exit 1; done && echo deep > deep.txt`;
const r = spawnSync('bash', ['-c', script, 'make-deep', input], { encoding: 'utf8' });
if (r.status !== 0) throw new Error(`could not build the deep chain: ${r.stderr}`);
