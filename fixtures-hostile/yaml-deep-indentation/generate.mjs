// A mapping nested 1,400 levels deep (just under the 1 MB size limit) by indentation alone (`a:` / `  a:` / `    a:` ...): the
// YAML library's parser recurses per level and let the stack overflow escape (found by npm run fuzz).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
const lines = ['predict: "predict.py:Predictor"', 'build:'];
for (let i = 1; i <= 1400; i++) lines.push(`${' '.repeat(i)}a:`);
writeFileSync(join(input, 'cog.yaml'), lines.join('\n') + ' x\n');
writeFileSync(join(input, 'predict.py'), 'from cog import BasePredictor\n\nclass Predictor(BasePredictor):\n    def predict(self, text: str) -> str:\n        return text\n');
