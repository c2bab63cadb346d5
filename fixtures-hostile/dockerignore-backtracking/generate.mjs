// Patterns that make a backtracking glob matcher exponential (`**a` repeated), over files whose
// names almost match, so every rule is tried against every path.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
writeFileSync(join(input, '.dockerignore'), ['**a'.repeat(12) + 'b', '*a*a*a*a*a*a*a*a*a*a*a*a*b', 'x/**/**/**/**/**/**/**/**/**/**/c'].join('\n') + '\n');
mkdirSync(join(input, 'data'));
for (let i = 0; i < 40; i++) writeFileSync(join(input, 'data', `${'a'.repeat(40)}${i}`), '');
mkdirSync(join(input, 'x', ...Array(12).fill('y')), { recursive: true });
writeFileSync(join(input, 'x', ...Array(12).fill('y'), 'd'), '');
