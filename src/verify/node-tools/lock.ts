// A lock between verify runs installing the same tool set at once (two terminals, batch's worker
// threads): a file created exclusively, holding the holder's pid. It only saves the duplicate
// download; what keeps the installed folder whole is that it appears by one rename of a finished
// install (install.ts). A lock whose holder is gone (killed mid-install) is taken over; should
// its pid have been reused meanwhile, a run waits at most the install timeout, then goes ahead.

import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long an empty lock file (created, pid not yet written) counts as held. */
const EMPTY_GRACE_MS = 30_000;
const POLL_MS = 500;

function holderAlive(lock: string): boolean {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8').trim();
  } catch {
    return false;
  }
  if (!text) {
    try {
      return Date.now() - statSync(lock).mtimeMs < EMPTY_GRACE_MS;
    } catch {
      return false;
    }
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `body` holding `lock`, after waiting (at most `maxWaitMs`) for a live holder to finish.
 * After the wait the body runs anyway: it must be safe without the lock, only slower.
 */
export async function withFileLock<T>(lock: string, maxWaitMs: number, body: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + maxWaitMs;
  let held = false;
  while (!held) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      held = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (!holderAlive(lock)) rmSync(lock, { force: true });
      else if (Date.now() > deadline) break;
      else await sleep(POLL_MS);
    }
  }
  try {
    return await body();
  } finally {
    if (held) rmSync(lock, { force: true });
  }
}
