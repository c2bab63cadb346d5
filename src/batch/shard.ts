// `--shard i/n`: which models one machine of a CI matrix converts. A model's shard depends only on
// a hash of its id, so the shards partition the set exactly, every machine computes the same
// split, and adding or removing a model never moves any other model to another shard.

import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1 || count > 10_000 || index < 1 || index > count) return undefined;
  return { index, count };
}

export function shardOf(id: string, count: number): number {
  const h = createHash('sha256').update(id).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function inShard(id: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(id, shard.count) === shard.index;
}
