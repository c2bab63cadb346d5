// --hardware and --pricing: checked here, before any work, so a typo is a usage error that lists
// what is valid rather than a conversion that silently ignores it.

import { readFileSync } from 'node:fs';
import type { ConvertExtras } from '../../convert/index.js';
import { replicateHardware, replicateHardwareNames, suggestHardware } from '../../hardware/index.js';
import { parsePriceTable } from '../../hardware/prices.js';
import { UsageError } from '../exit.js';

export function readConvertExtras(opts: { hardware?: string; pricing?: string; endpoint?: string; variant?: string }): ConvertExtras {
  const extras: ConvertExtras = {};
  if (opts.endpoint !== undefined) extras.endpoint = opts.endpoint;
  if (opts.variant !== undefined) extras.variant = opts.variant;
  if (opts.hardware !== undefined) {
    if (!replicateHardware(opts.hardware)) {
      const near = suggestHardware(opts.hardware);
      throw new UsageError(`--hardware ${JSON.stringify(opts.hardware)} is not a Replicate machine${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`, `one of: ${replicateHardwareNames().join(', ')} (docs/hardware.md)`);
    }
    extras.hardware = opts.hardware;
  }
  if (opts.pricing !== undefined) {
    let text: string;
    try {
      text = readFileSync(opts.pricing, 'utf8');
    } catch (e) {
      throw new UsageError(`--pricing ${opts.pricing} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const parsed = parsePriceTable(text);
    if (!parsed.ok) throw new UsageError(`--pricing ${opts.pricing}: ${parsed.problem}`, 'see src/hardware/data/prices.json for the shape');
    extras.prices = parsed.table;
  }
  return extras;
}
