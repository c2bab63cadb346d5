import { describe, expect, it } from 'vitest';
import { falPins, replacedPackages, runtimeDockerfile, runtimeTag, wheelhouseTag } from '../../../../src/verify/targets/fal/index.js';
import { targetVerify } from '../../../../src/verify/targets/index.js';
import { existsSync } from 'node:fs';

describe("fal's smoke runtime", () => {
  it('installs the pins the static checks use (test/python-env/fal.txt), from a local wheelhouse image', () => {
    expect(falPins()).toMatch(/^fal==1\.83\.0$/m);
    const tag = wheelhouseTag(falPins());
    expect(tag).toMatch(/^cog-migrate-smoke\/fal-wheels:[0-9a-f]{12}$/);
    expect(wheelhouseTag(falPins() + '# other\n')).not.toBe(tag);
    const df = runtimeDockerfile('cog-migrate-verify/x:1', tag);
    expect(df.split('\n').filter((l) => l.startsWith('FROM'))).toEqual([`FROM ${tag} AS wheels`, 'FROM cog-migrate-verify/x:1']);
    expect(df).toContain('--no-index --find-links /tmp/cog-migrate-fal-wheels -r /tmp/cog-migrate-fal.txt || ');
  });

  it('tags the smoke image beside the built one', () => {
    expect(runtimeTag('cog-migrate-verify/model:abcd')).toBe('cog-migrate-verify/model:abcd-fal-runtime');
    expect(runtimeTag('localhost:5000/model')).toBe('localhost:5000/model:latest-fal-runtime');
  });

  it("reads from pip's log which of the model's packages fal's install replaced", () => {
    const log = [
      'Attempting uninstall: pillow', '  Found existing installation: pillow 10.4.0', '  Successfully uninstalled pillow-10.4.0',
      '  Found existing installation: pydantic_core 2.50.5',
      'Successfully installed fal-1.83.0 pillow-13.0.0 pydantic-core-2.50.4 tblib-3.1.0',
    ];
    expect(replacedPackages(log)).toEqual(['pillow 10.4.0 -> 13.0.0', 'pydantic-core 2.50.5 -> 2.50.4']);
    expect(replacedPackages(['Successfully installed fal-1.83.0'])).toEqual([]);
  });

  it('is registered, with its serve module', () => {
    expect(existsSync(targetVerify('fal').runtime!.serveModule)).toBe(true);
    expect(targetVerify('modal').runtime).toBeUndefined(); // modal has its own runner
    expect(targetVerify('no-such-target')).toEqual({});
  });
});
