// Module constants defined from each other, X2 = X1 + X1 ... X30: folding them naively is
// exponential in time and X30 would be 2 GB of text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
writeFileSync(join(input, 'cog.yaml'), 'predict: "predict.py:Predictor"\n');
const lines = ['from cog import BasePredictor, Input', '', 'X1 = "ab"'];
for (let i = 2; i <= 30; i++) lines.push(`X${i} = X${i - 1} + X${i - 1}`);
lines.push('', 'class Predictor(BasePredictor):', '    def predict(self, text: str = Input(default=X30, description=X30)) -> str:', '        return text', '');
writeFileSync(join(input, 'predict.py'), lines.join('\n'));
