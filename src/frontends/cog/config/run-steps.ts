// build.run items: a command string, or {command, mounts: [{type: secret, id, target}]}.

import { isMap, isScalar } from 'yaml';
import type { RunStep, SecretMount, SourceLocation } from '../../../ir/types.js';
import { MOUNT_KEYS, RUN_ITEM_KEYS } from './keys.js';
import { add, deref, describe, entries, isNullish, locOf, readSeq, readString, readStringList, reportKey, type Ctx } from './nodes.js';

export function readRunSteps(ctx: Ctx, path: string, node: unknown, fallback: SourceLocation): RunStep[] {
  const seq = readSeq(ctx, path, node, fallback);
  if (!seq) return [];
  const steps: RunStep[] = [];
  seq.items.forEach((raw, i) => {
    const item = deref(ctx, raw);
    const itemPath = `${path}[${i}]`;
    const loc = locOf(ctx, item, locOf(ctx, seq));
    if (isNullish(item)) return;
    if (isScalar(item)) {
      const command = readString(ctx, itemPath, item, loc);
      if (command !== undefined && command.trim() !== '') steps.push({ command, mounts: [], loc });
      return;
    }
    if (!isMap(item)) {
      add(ctx, 'CM140', `${itemPath} must be a command string or a mapping with command:, not ${describe(ctx, item)}`, loc);
      return;
    }
    const step = readRunMapping(ctx, itemPath, item, loc);
    if (step) steps.push(step);
  });
  return steps;
}

function readRunMapping(ctx: Ctx, path: string, item: Parameters<typeof entries>[1], loc: SourceLocation): RunStep | undefined {
  let command: string | undefined;
  const mounts: SecretMount[] = [];
  let ok = true;
  for (const { key, value, keyLoc } of entries(ctx, item)) {
    if (key === 'command') command = readString(ctx, `${path}.command`, value, keyLoc);
    else if (key === 'mounts') {
      const seq = readSeq(ctx, `${path}.mounts`, value, keyLoc);
      seq?.items.forEach((rawMount, j) => {
        const mount = readMount(ctx, `${path}.mounts[${j}]`, deref(ctx, rawMount), locOf(ctx, seq));
        if (mount) mounts.push(mount);
        else ok = false;
      });
    } else if (!RUN_ITEM_KEYS.has(key)) {
      // `- echo a: b` unquoted is a one-key mapping: say so instead of "unknown key".
      const hint = item.items.length === 1 ? 'quote the command: a ": " inside it made YAML read a mapping' : undefined;
      add(ctx, 'CM140', `${path} has key ${JSON.stringify(key)}; a run item has only command: and mounts:`, keyLoc, hint ? { hint } : {});
      ok = false;
    }
  }
  if (command === undefined || command.trim() === '') {
    if (ok) add(ctx, 'CM140', `${path} has no command:`, loc);
    return undefined;
  }
  return { command, mounts, loc };
}

function readMount(ctx: Ctx, path: string, node: unknown, fallback: SourceLocation): SecretMount | undefined {
  const loc = locOf(ctx, node, fallback);
  if (!isMap(node)) {
    add(ctx, 'CM140', `${path} must be a mapping {type: secret, id: ..., target: ...}, not ${describe(ctx, node)}`, loc);
    return undefined;
  }
  const fields: Record<string, string | undefined> = {};
  for (const { key, value, keyLoc } of entries(ctx, node)) {
    if (MOUNT_KEYS.has(key)) fields[key] = readString(ctx, `${path}.${key}`, value, keyLoc);
    else reportKey(ctx, `${path}.${key}`, keyLoc, undefined, MOUNT_KEYS);
  }
  const missing = [...MOUNT_KEYS].filter((k) => !fields[k]);
  if (missing.length > 0) {
    add(ctx, 'CM140', `${path} lacks ${missing.join(', ')}`, loc);
    return undefined;
  }
  if (fields.type !== 'secret') {
    add(ctx, 'CM140', `${path}: type is ${JSON.stringify(fields.type)}; Cog supports only secret mounts`, loc);
    return undefined;
  }
  return { type: 'secret', id: fields.id ?? '', target: fields.target ?? '' };
}

/** pre_install (and the 2021 post_install): plain command strings. */
export function readCommandList(ctx: Ctx, path: string, node: unknown, fallback: SourceLocation): RunStep[] {
  return readStringList(ctx, path, node, fallback)
    .filter((c) => c.value.trim() !== '')
    .map((c) => ({ command: c.value, mounts: [], loc: c.loc }));
}
