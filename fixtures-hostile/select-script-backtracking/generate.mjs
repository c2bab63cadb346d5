// A 64 KB script/select-model whose lines almost match what the reader looks for: folder paths
// without the variant's reference, quotes that never close, `cp` and `>` without cog.yaml, and
// `;` runs, each line just under the length the reader still reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const input = process.argv[2];
mkdirSync(join(input, 'script'));
mkdirSync(join(input, 'model-cog-configs'));
writeFileSync(join(input, 'model-cog-configs', 'a.yaml'), 'predict: "predict.py:Predictor"\n');
const lines = [];
const kinds = [
  () => 'a/'.repeat(480) + '$1.yam',
  () => 'cp ' + ' x'.repeat(490) + ' cog.yam',
  () => 'echo "' + ';'.repeat(980),
  () => 'if [[ "$1" == ' + '"x" == '.repeat(120),
  () => '> ' + ' '.repeat(900) + 'cog.yamlx',
  () => 'yq ' + "'*+".repeat(300),
];
for (let i = 0; lines.join('\n').length < 63 * 1024; i++) lines.push(kinds[i % kinds.length]());
writeFileSync(join(input, 'script', 'select-model'), lines.join('\n') + '\n');
