// Leading BuildKit RUN options in build.run commands (issue 9): read apart from the command,
// refused only when they would break the RUN line, and kept or dropped per target builder.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitRunOptions } from '../../src/dockerfile/run-options.js';
import { pruneUserRun } from '../../src/dockerfile/prune-run.js';
import { instr } from '../../src/dockerfile/model.js';

describe('splitRunOptions', () => {
  it('leaves a plain command alone', () => {
    expect(splitRunOptions('pip install x')).toEqual({ ok: true, options: [], command: 'pip install x' });
  });
  it('reads a cache mount, a network mode and a bind mount apart from the command', () => {
    const split = splitRunOptions('--mount=type=cache,target=/root/.cache/pip --network=none --mount=source=scripts,target=/s sh /s/x.sh');
    expect(split).toEqual({
      ok: true,
      options: [
        { text: '--mount=type=cache,target=/root/.cache/pip', kind: 'cache' },
        { text: '--network=none', kind: 'network' },
        { text: '--mount=source=scripts,target=/s', kind: 'bind' },
      ],
      command: 'sh /s/x.sh',
    });
  });
  it('refuses what would break the line, saying why', () => {
    expect(splitRunOptions('--security=insecure ls')).toMatchObject({ ok: false, bad: '--security=insecure' });
    expect(splitRunOptions('--network=bridge ls')).toMatchObject({ ok: false, why: expect.stringContaining('default, none or host') });
    expect(splitRunOptions('--mount=type=cache,target="/x" ls')).toMatchObject({ ok: false, why: expect.stringContaining('quoting') });
    expect(splitRunOptions('--mount=type=cache,colour=red,target=/x ls')).toMatchObject({ ok: false, why: expect.stringContaining('colour') });
    expect(splitRunOptions('--mount=type=cache ls')).toMatchObject({ ok: false, why: 'the mount has no target' });
    expect(splitRunOptions('--mount=type=cache,target=/x')).toMatchObject({ ok: false, why: expect.stringContaining('nothing to run') });
    expect(splitRunOptions('-rf /')).toMatchObject({ ok: false });
  });
  it('never throws, and what it accepts re-joins to the command and holds no quoting or expansion', () => {
    const word = fc.stringMatching(/^[-A-Za-z0-9=,./$"' ]{0,30}$/);
    const valid = fc.constantFrom('mount=type=cache,target=/x', 'network=host', 'mount=type=secret,id=a', 'mount=target=/y,ro');
    fc.assert(fc.property(fc.array(fc.oneof(word, valid, valid), { maxLength: 4 }), word, (options, rest) => {
      const command = [...options.map((o) => `--${o}`), rest].join(' ');
      const split = splitRunOptions(command);
      if (!split.ok) return;
      const texts = split.options.map((o) => o.text);
      expect(command.trimStart().split(/\s+/).slice(0, texts.length)).toEqual(texts);
      expect(command.endsWith(split.command)).toBe(true);
      expect(split.command.startsWith('-')).toBe(false);
      for (const o of split.options) expect(o.text).toMatch(/^--[A-Za-z0-9=,./~:+@_-]+$/);
    }), { numRuns: 2000 });
  });
});

describe('pruneUserRun', () => {
  const run = (args: string) => instr('RUN', args, 'build.run (cog.yaml:3)', 'user-run');
  const line = '--mount=type=cache,target=/root/.cache/pip --network=host --mount=type=bind,source=s,target=/s sh /s/x.sh';
  it('keeps a line without options unchanged', () => {
    const i = run('pip install x');
    expect(pruneUserRun(i, 'fal')).toEqual({ after: i, notes: [], findings: [] });
  });
  it('fal: drops the cache mount and the network mode, keeps the bind mount, with a reason for each drop', () => {
    const r = pruneUserRun(run(line), 'fal');
    expect(r.after.args).toBe('--mount=type=bind,source=s,target=/s sh /s/x.sh');
    expect(r.notes).toHaveLength(2);
    expect(r.findings).toEqual([]);
  });
  it('modal: keeps the bind mount and warns (CM343): its builder does not run it', () => {
    const r = pruneUserRun(run(line), 'modal');
    expect(r.after.args).toBe('--mount=type=bind,source=s,target=/s sh /s/x.sh');
    expect(r.findings.map((f) => f.code)).toEqual(['CM343']);
  });
  it('workers-ai: keeps the network mode (docker build honours it), drops the cache mount', () => {
    expect(pruneUserRun(run(line), 'workers-ai').after.args).toBe('--network=host --mount=type=bind,source=s,target=/s sh /s/x.sh');
  });
  it('keeps the secret mounts Cog writes from mounts: for every target', () => {
    const i = run('--mount=type=secret,id=tok,target=/run/secrets/tok pip install x');
    for (const t of ['fal', 'modal', 'workers-ai'] as const) expect(pruneUserRun(i, t).after).toBe(i);
  });
});
