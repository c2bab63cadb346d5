import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, renderWorkersAiGenerated, withWorkersAiGenerated } from '../../src/docs/workers-ai-md.js';
import { INSTANCE_TYPES } from '../../targets/workers-ai/instance-types.js';

const PAGE = resolve(import.meta.dirname, '../../docs/targets/workers-ai.md');

describe('docs/targets/workers-ai.md', () => {
  it('its instance-type table is the data file as it is (regenerate with `npm run docs`)', () => {
    const page = readFileSync(PAGE, 'utf8');
    expect(withWorkersAiGenerated(page)).toBe(page);
  });

  it('the generated block names every instance type, the source and the date', () => {
    const block = renderWorkersAiGenerated();
    for (const t of INSTANCE_TYPES) expect(block).toContain(`| \`${t.name}\` | ${t.vcpu} |`);
    expect(block).toMatch(/Source: https:\/\/developers\.cloudflare\.com\/\S+, read \d{4}-\d{2}-\d{2}/);
    expect(withWorkersAiGenerated(`a\n${BEGIN}\nstale\n${END}\nb`)).toBe(`a\n${block}\nb`);
    expect(withWorkersAiGenerated('no markers')).toBeUndefined();
  });
});
