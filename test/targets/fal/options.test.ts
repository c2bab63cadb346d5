// The fal options and the documented machine-type rule.

import { describe, expect, it } from 'vitest';
import { isKnownMachineType, machineTypeFor, parseFalOptionsChecked } from '../../../targets/fal/options.js';

describe('fal options', () => {
  it('leaves everything to fal when no option is given', () => {
    expect(parseFalOptionsChecked({})).toEqual({ options: {}, problems: [] });
  });

  it('accepts kebab-case and camelCase spellings of each option', () => {
    expect(parseFalOptionsChecked({ machineType: 'L', numGpus: '2', 'min-concurrency': '1', maxConcurrency: '8', 'request-timeout': '600', startupTimeout: '1200' }).options)
      .toEqual({ machineType: 'L', numGpus: 2, minConcurrency: 1, maxConcurrency: 8, requestTimeout: 600, startupTimeout: 1200 });
  });

  it('returns bad values as problems instead of throwing', () => {
    expect(parseFalOptionsChecked({ 'num-gpus': '1.5', 'keep-alive': '-1', 'app-name': 'My_App' }).problems).toEqual([
      'app-name: "My_App" must be lowercase letters, digits and hyphens',
      'num-gpus: "1.5" is not a whole number',
      'keep-alive: "-1" is not a whole number',
    ]);
  });

  it('picks GPU-A100 for gpu: true and L for CPU models', () => {
    expect(machineTypeFor(true)).toBe('GPU-A100');
    expect(machineTypeFor(false)).toBe('L');
    expect(isKnownMachineType('GPU-H200')).toBe(true);
    expect(isKnownMachineType('GPU')).toBe(false);
  });
});
