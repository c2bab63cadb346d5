// An output model whose field is a model whose field is a model ... 2,000 deep.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
writeFileSync(join(input, 'cog.yaml'), 'predict: "predict.py:Predictor"\n');
const n = 2000;
const lines = ['from cog import BasePredictor, BaseModel', ''];
lines.push('class M0(BaseModel):', '    leaf: str', '');
for (let i = 1; i <= n; i++) lines.push(`class M${i}(BaseModel):`, `    inner: M${i - 1}`, '');
lines.push('class Predictor(BasePredictor):', `    def predict(self, text: str) -> M${n}:`, '        raise NotImplementedError', '');
writeFileSync(join(input, 'predict.py'), lines.join('\n'));
