// `build:` followed by 5,000 `- ` on one line: a sequence nested 5,000 deep.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
writeFileSync(join(input, 'cog.yaml'), `predict: "predict.py:Predictor"\nbuild:\n${'- '.repeat(5000)}x\n`);
writeFileSync(join(input, 'predict.py'), 'from cog import BasePredictor\n\nclass Predictor(BasePredictor):\n    def predict(self, text: str) -> str:\n        return text\n');
