// 240 long wildcard rules (`**a` x 1,365 each, 1 MB in all) over 300 files in nested folders:
// each match is linear, but rules x paths x parent folders is still hours of matching.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
writeFileSync(join(input, 'cog.yaml'), 'predict: "predict.py:Predictor"\n');
writeFileSync(join(input, 'predict.py'), 'from cog import BasePredictor\n\nclass Predictor(BasePredictor):\n    def predict(self, text: str) -> str:\n        return text\n');
const rules = [];
for (let i = 0; i < 240; i++) rules.push(`${'**a'.repeat(1365)}${i}`);
writeFileSync(join(input, '.dockerignore'), rules.join('\n') + '\n');
const deep = join(input, ...Array(10).fill('a'.repeat(20)));
mkdirSync(deep, { recursive: true });
for (let i = 0; i < 300; i++) writeFileSync(join(deep, `${'a'.repeat(60)}${i}`), '');
