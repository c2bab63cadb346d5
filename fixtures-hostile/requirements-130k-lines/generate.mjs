// A 130,000-line requirements file (about 1.2 MB, under the size limit).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
writeFileSync(join(input, 'cog.yaml'), 'build:\n  python_version: "3.11"\n  python_requirements: requirements.txt\npredict: "predict.py:Predictor"\n');
const lines = [];
for (let i = 0; i < 130_000; i++) lines.push(`pkg${i}==1.0`);
writeFileSync(join(input, 'requirements.txt'), lines.join('\n') + '\n');
writeFileSync(join(input, 'predict.py'), 'from cog import BasePredictor\n\nclass Predictor(BasePredictor):\n    def predict(self, text: str) -> str:\n        return text\n');
