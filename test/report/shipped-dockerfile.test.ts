// MIGRATION.md's Dockerfile diff ends in what is built (issue 9): the lines a target adds to the
// pruned Dockerfile (fal: WORKDIR /src and COPY . /src, pip's NVIDIA libraries) are shown as added.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { withShippedLines } from '../../src/report/shipped-dockerfile.js';
import { dockerfileFor, explainDockerfile, parseDockerfile, renderDockerfile, renderInstruction } from '../../src/dockerfile/index.js';
import { instr } from '../../src/dockerfile/model.js';
import type { DockerfilePlan } from '../../src/dockerfile/index.js';
import { readCog } from '../../src/frontends/cog/index.js';
import { falTarget } from '../../targets/fal/index.js';
import { fixtureCases } from '../helpers/fixtures.js';

/** The instructions the diff says the image has: kept lines and the after side of changes, in order. */
const builtPerDiff = (plan: DockerfilePlan) => plan.changes.filter((c) => c.action !== 'removed' && c.after).map((c) => renderInstruction(c.after!));
const instructionsOf = (text: string) => parseDockerfile(text).instructions.filter((i) => i.keyword !== '#').map(renderInstruction);

describe('withShippedLines', () => {
  const plan: DockerfilePlan = {
    cogDebug: { instructions: [] },
    pruned: { instructions: [instr('FROM', 'python:3.11-slim', 'x'), instr('RUN', 'pip install a', 'x')] },
    changes: [
      { action: 'kept', before: instr('FROM', 'python:3.11-slim', 'x'), after: instr('FROM', 'python:3.11-slim', 'x'), reason: 'base' },
      { action: 'removed', before: instr('WORKDIR', '/src', 'x'), reason: 'Cog only' },
      { action: 'kept', before: instr('RUN', 'pip install a', 'x'), after: instr('RUN', 'pip install a', 'x'), reason: 'reqs' },
    ],
    findings: [],
  };
  it('leaves a plan alone when the target ships the pruned file as it is', () => {
    expect(withShippedLines(plan, renderDockerfile(plan.pruned), 'modal')).toBe(plan);
  });
  it('shows lines the target adds, at their place, with the comment above them as the reason', () => {
    const shipped = 'FROM python:3.11-slim\n# the target: a tool it needs\nRUN apt-get install -y curl\nRUN pip install a\nWORKDIR /src\nCOPY . /src\n';
    const out = withShippedLines(plan, shipped, 'fal');
    expect(builtPerDiff(out)).toEqual(instructionsOf(shipped));
    expect(out.changes.find((c) => c.after?.args === '-y curl' || c.after?.args.includes('curl'))?.reason).toBe('the target: a tool it needs');
    expect(explainDockerfile(out)).toMatch(/\+ WORKDIR \/src\n\s+# the fal target adds this line\n\+ COPY \. \/src/);
  });
  it('shows a pruned line the target leaves out as removed', () => {
    const out = withShippedLines(plan, 'FROM python:3.11-slim\n', 'fal');
    expect(builtPerDiff(out)).toEqual(['FROM python:3.11-slim']);
    expect(out.changes.at(-1)).toMatchObject({ action: 'removed', reason: expect.stringContaining('left out by the fal target') });
  });
});

describe('every fixture: the fal diff ends in the Dockerfile fal builds', () => {
  for (const c of fixtureCases().filter((k) => !k.options.expectError)) {
    it(c.name, () => {
      const read = readCog(join(c.dir, 'input'));
      if (!read.ir?.predictors.predict) return;
      const result = falTarget.emit(read.ir, falTarget.parseOptions({}));
      if (result.shippedDockerfile === undefined) return;
      const plan = withShippedLines(dockerfileFor(read.ir, 'fal'), result.shippedDockerfile, 'fal');
      expect(builtPerDiff(plan)).toEqual(instructionsOf(result.shippedDockerfile));
    });
  }
});
