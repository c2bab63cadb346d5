// The one way to read bytes of a file cog-migrate did not write: opened without following a
// final symlink and without blocking (a FIFO would otherwise wait forever for a writer), then
// checked on the open descriptor to be a regular file under a size cap, and read no further than
// the cap even when the file grows or lies about its size (a /proc file reports 0 bytes).

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedReadProblem = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; problem: BoundedReadProblem; detail: string };

/** Reads `path` (already resolved: a symlink in the last segment is refused, not followed). */
export function readRegularFile(path: string, maxBytes: number, label = path): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'missing', detail: `${label} does not exist` };
    if (code === 'ELOOP') return { ok: false, problem: 'not-a-file', detail: `${label} is a symlink, not a regular file` };
    return { ok: false, problem: 'unreadable', detail: `${label} cannot be read (${code ?? (e as Error).message})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, problem: 'not-a-file', detail: `${label} is not a regular file` };
    if (st.size > maxBytes) return { ok: false, problem: 'too-large', detail: `${label} is ${st.size} bytes; the limit is ${maxBytes}` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Sized to the file when it gives a size (one read, then the end is seen as a short read);
      // 64 KB at a time when it does not.
      const want = st.size > 0 && total < st.size ? st.size - total + 1 : 64 * 1024;
      const chunk = Buffer.allocUnsafe(Math.min(want, 64 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { ok: false, problem: 'too-large', detail: `${label} is larger than the limit of ${maxBytes} bytes` };
      // A regular file's short read at its stated size is its end; one that grew reads on.
      if (n < chunk.length && total === st.size) break;
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, problem: 'unreadable', detail: `${label} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

/** A small JSON file (a marker, a report) parsed, or undefined when it is not one. */
export function readJsonFile(path: string, maxBytes = 4 * 1024 * 1024): unknown {
  const read = readRegularFile(path, maxBytes);
  if (!read.ok) return undefined;
  try {
    return JSON.parse(read.bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
