// The one place that opens the Docker engine. dockerode talks to the engine's API directly
// (DOCKER_HOST or /var/run/docker.sock); the docker CLI is never run.

import Docker from 'dockerode';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';

export type Engine = Docker;

/** The engine, or a CM510 finding saying why there is none. */
export async function connectEngine(): Promise<{ engine?: Engine; findings: Finding[] }> {
  const engine = new Docker();
  try {
    await withTimeout(engine.ping(), 10_000);
    return { engine, findings: [] };
  } catch (err) {
    const where = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
    return { findings: [finding('CM510', `no Docker engine answers at ${where}: ${errorText(err)}`)] };
  }
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms); }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** True when the engine has an image under this reference (never pulls). */
export async function imageExists(engine: Engine, ref: string): Promise<boolean> {
  try {
    await engine.getImage(ref).inspect();
    return true;
  } catch {
    return false;
  }
}
