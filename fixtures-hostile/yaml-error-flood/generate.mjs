// A quoted scalar followed by 200,000 `[`: one YAML error per bracket, each of which a naive
// reader turns into a finding (and quotes the source around it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
writeFileSync(join(input, 'cog.yaml'), `"x"${'['.repeat(200_000)}\n`);
writeFileSync(join(input, 'predict.py'), 'from cog import BasePredictor\n\nclass Predictor(BasePredictor):\n    def predict(self, text: str) -> str:\n        return text\n');
