import { describe, expect, it } from 'vitest';
import { BuildLog } from '../../../src/verify/build/build-log.js';

function feed(log: BuildLog, text: string): string[] {
  // The engine splits its stream arbitrarily: feed it in uneven pieces.
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 7) out.push(...log.push({ stream: text.slice(i, i + 7) }));
  return [...out, ...log.end()];
}

describe('BuildLog', () => {
  it('tracks steps, intermediate containers and layers', () => {
    const log = new BuildLog();
    const lines = feed(log, 'Step 1/3 : FROM python:3.11-slim\n ---> 32fb8e871f64\nStep 2/3 : RUN pip install x\n ---> Running in 3db46a68e440\nok\n ---> ab12cd34ef56\nSuccessfully built ab12cd34ef56\n');
    expect(lines).toHaveLength(7);
    expect(log.steps).toEqual(['Step 1/3 : FROM python:3.11-slim', 'Step 2/3 : RUN pip install x']);
    expect([...log.containers]).toEqual(['3db46a68e440']);
    expect(log.images).toEqual(['32fb8e871f64', 'ab12cd34ef56']);
    expect(log.imageId).toBe('ab12cd34ef56');
  });

  it("quotes the failing step and pip's error lines, without colour codes", () => {
    const log = new BuildLog();
    feed(log, 'Step 1/2 : FROM a\n ---> 1234567890ab\nStep 2/2 : RUN pip install nope==1\n ---> Running in 3db46a68e440\nLooking in indexes: x\n\x1b[91mERROR: Could not find a version that satisfies the requirement nope==1 (from versions: none)\n\x1b[0m\x1b[91mERROR: No matching distribution found for nope==1\n');
    log.push({ error: 'The command ... returned a non-zero code: 1', errorDetail: { code: 1, message: "The command '/bin/sh -c pip install nope==1' returned a non-zero code: 1" } });
    const f = log.failure();
    expect(f.step).toBe('Step 2/2 : RUN pip install nope==1');
    expect(f.quote).toEqual([
      'ERROR: Could not find a version that satisfies the requirement nope==1 (from versions: none)',
      'ERROR: No matching distribution found for nope==1',
    ]);
    expect(log.error).toContain('non-zero code: 1');
  });

  it('falls back to the last output lines when nothing looks like an error', () => {
    const log = new BuildLog();
    feed(log, 'Step 1/1 : RUN false\n a\n b\n');
    expect(log.failure().quote).toEqual([' a', ' b']);
  });
});
