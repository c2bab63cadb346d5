// Top-level runtime keys: concurrency, environment, weights (both the 0.17-0.19 and the
// 0.20+ shapes), image and model.

import { isMap, isSeq } from 'yaml';
import type { EnvironmentVariable, Runtime, SourceLocation, WeightsEntry } from '../../../ir/types.js';
import { CONCURRENCY_KEYS, WEIGHT_KEYS, WEIGHT_SOURCE_KEYS, reservedEnvPattern } from './keys.js';
import { add, deref, describe, entries, isNullish, locOf, readInt, readMap, readSeq, readString, readStringList, reportKey, type Ctx } from './nodes.js';

export function readConcurrency(ctx: Ctx, node: unknown, keyLoc: SourceLocation): Runtime['concurrency'] {
  const map = readMap(ctx, 'concurrency', node, keyLoc);
  if (!map) return undefined;
  const out: NonNullable<Runtime['concurrency']> = { loc: keyLoc };
  for (const { key, value, keyLoc: at } of entries(ctx, map)) {
    if (!CONCURRENCY_KEYS.has(key)) {
      reportKey(ctx, `concurrency.${key}`, at, undefined, CONCURRENCY_KEYS);
      continue;
    }
    const n = readInt(ctx, `concurrency.${key}`, value, at);
    if (n === undefined) continue;
    if (n < 1) {
      add(ctx, 'CM150', `concurrency.${key} is ${n}; it must be at least 1`, locOf(ctx, value, at));
      continue;
    }
    if (key === 'max') out.max = n;
    else out.defaultTarget = n;
  }
  return out;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function readEnvironment(ctx: Ctx, path: string, node: unknown, keyLoc: SourceLocation): EnvironmentVariable[] {
  const out: EnvironmentVariable[] = [];
  const seen = new Set<string>();
  for (const { value, loc } of readStringList(ctx, path, node, keyLoc)) {
    const eq = value.indexOf('=');
    const name = eq < 0 ? '' : value.slice(0, eq);
    if (eq < 0 || !ENV_NAME.test(name)) {
      add(ctx, 'CM141', `${path}: ${JSON.stringify(value)} is not NAME=value`, loc);
      continue;
    }
    const reserved = reservedEnvPattern(name);
    if (reserved) {
      add(ctx, 'CM142', `${path}: ${name} is reserved by Cog (${reserved}) and cannot be set`, loc);
      continue;
    }
    if (seen.has(name)) {
      add(ctx, 'CM143', `${path}: ${name} is defined more than once`, loc);
      continue;
    }
    seen.add(name);
    out.push({ name, value: value.slice(eq + 1), loc });
  }
  return out;
}

const WEIGHT_NAME = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

/**
 * weights: Cog 0.17-0.19 wrote `{name?, source: "path", target?}`; 0.20+ writes
 * `{name, target, source: {uri, include?, exclude?} | [...]}`. Each source becomes one entry.
 */
export function readWeights(ctx: Ctx, node: unknown, keyLoc: SourceLocation): WeightsEntry[] {
  const seq = readSeq(ctx, 'weights', node, keyLoc);
  if (!seq) return [];
  const out: WeightsEntry[] = [];
  seq.items.forEach((raw, i) => {
    const item = deref(ctx, raw);
    const path = `weights[${i}]`;
    const loc = locOf(ctx, item, locOf(ctx, seq));
    if (isNullish(item)) return;
    if (!isMap(item)) {
      add(ctx, 'CM152', `${path} must be a mapping, not ${describe(ctx, item)}`, loc);
      return;
    }
    let name: string | undefined;
    let target: string | undefined;
    let sourceNode: unknown;
    let sourceLoc = loc;
    for (const { key, value, keyLoc: at } of entries(ctx, item)) {
      if (key === 'name') name = readString(ctx, `${path}.name`, value, at);
      else if (key === 'target') target = readString(ctx, `${path}.target`, value, at);
      else if (key === 'source') {
        sourceNode = value;
        sourceLoc = at;
      } else if (!WEIGHT_KEYS.has(key)) reportKey(ctx, `${path}.${key}`, at, undefined, WEIGHT_KEYS);
    }
    if (name !== undefined && !WEIGHT_NAME.test(name)) add(ctx, 'CM152', `${path}.name ${JSON.stringify(name)} must be lower-case letters and digits separated by . _ or -`, loc);
    if (target !== undefined && !target.startsWith('/')) add(ctx, 'CM152', `${path}.target ${JSON.stringify(target)} must be an absolute path`, loc);
    const sources = readWeightSources(ctx, `${path}.source`, sourceNode, sourceLoc);
    if (sources.length === 0 && isNullish(sourceNode)) add(ctx, 'CM152', `${path} has no source`, loc);
    for (const s of sources) {
      const entry: WeightsEntry = { source: s.uri, loc: s.loc };
      if (name !== undefined) entry.name = name;
      if (target !== undefined) entry.target = target;
      if (s.include) entry.include = s.include;
      if (s.exclude) entry.exclude = s.exclude;
      out.push(entry);
    }
  });
  return out;
}

interface WeightSource {
  uri: string;
  include?: string[];
  exclude?: string[];
  loc: SourceLocation;
}

function readWeightSources(ctx: Ctx, path: string, node: unknown, at: SourceLocation): WeightSource[] {
  if (isNullish(node)) return [];
  if (isSeq(node)) {
    return node.items.flatMap((raw, j) => {
      const item = deref(ctx, raw);
      if (isSeq(item)) {
        add(ctx, 'CM152', `${path}[${j}] must be a mapping {uri: ...}, not a list`, locOf(ctx, item, at));
        return [];
      }
      return readWeightSources(ctx, `${path}[${j}]`, item, locOf(ctx, node, at));
    });
  }
  if (!isMap(node)) {
    const uri = readString(ctx, path, node, at);
    return uri === undefined ? [] : [{ uri, loc: locOf(ctx, node, at) }];
  }
  const source: Partial<WeightSource> = { loc: locOf(ctx, node, at) };
  for (const { key, value, keyLoc } of entries(ctx, node)) {
    if (key === 'uri') source.uri = readString(ctx, `${path}.uri`, value, keyLoc);
    else if (key === 'include' || key === 'exclude') source[key] = readStringList(ctx, `${path}.${key}`, value, keyLoc).map((p) => p.value);
    else if (!WEIGHT_SOURCE_KEYS.has(key)) reportKey(ctx, `${path}.${key}`, keyLoc, undefined, WEIGHT_SOURCE_KEYS);
  }
  if (source.uri === undefined) {
    add(ctx, 'CM152', `${path} has no uri`, source.loc);
    return [];
  }
  return [source as WeightSource];
}
