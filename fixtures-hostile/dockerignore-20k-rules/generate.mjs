// 20,000 .dockerignore rules against 1,000 files: the matcher must not cost rules x files regexes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
const rules = [];
for (let i = 0; i < 20_000; i++) rules.push(i % 2 ? `cache/run-${i}/*.bin` : `!keep/file-${i}.txt`);
writeFileSync(join(input, '.dockerignore'), rules.join('\n') + '\n');
mkdirSync(join(input, 'assets'));
for (let i = 0; i < 1000; i++) writeFileSync(join(input, 'assets', `f${i}.txt`), '');
