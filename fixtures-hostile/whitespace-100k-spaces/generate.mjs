// A description and a requirement each holding 100,000 spaces (then a letter, so trailing-space
// regexes over the whole text backtrack at every position).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
const spaces = ' '.repeat(100_000);
writeFileSync(join(input, 'cog.yaml'), 'build:\n  python_version: "3.11"\n  python_requirements: requirements.txt\npredict: "predict.py:Predictor"\n');
writeFileSync(join(input, 'requirements.txt'), `numpy==1.26.4${spaces}x\nrequests${spaces}\n`);
writeFileSync(join(input, 'predict.py'), `from cog import BasePredictor, Input\n\nclass Predictor(BasePredictor):\n    def predict(self, text: str = Input(description="a${spaces}b${spaces}")) -> str:\n        return text\n`);
