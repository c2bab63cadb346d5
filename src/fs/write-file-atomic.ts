// One file written whole or not at all: the text goes to a sibling temporary file that is renamed
// over the target, so a reader (or an interrupted run) never sees half a report.
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A piece of a file's text: text, or bytes already encoded as UTF-8 (read back from a spool). */
export type TextPiece = string | Uint8Array;

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = tempSibling(path);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Buffered writes per flush: large enough that a report of many small pieces costs few calls. */
const FLUSH_CHARS = 256 * 1024;

/**
 * The same, for a file given as pieces in order: each piece is written as it comes and can be
 * garbage right after, so a report of many megabytes never stands whole in memory.
 */
export function writePiecesAtomic(path: string, pieces: Iterable<TextPiece>): void {
  const tmp = tempSibling(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    const out = fd;
    let pending: string[] = [];
    let chars = 0;
    const flush = () => {
      if (chars > 0) writeAll(out, Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      chars = 0;
    };
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        pending.push(piece);
        chars += piece.length;
        if (chars >= FLUSH_CHARS) flush();
      } else {
        flush();
        writeAll(out, piece);
      }
    }
    flush();
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The pieces as one string (for callers that want the text, such as the tests). */
export function joinPieces(pieces: Iterable<TextPiece>): string {
  const parts: string[] = [];
  for (const piece of pieces) parts.push(typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8'));
  return parts.join('');
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at);
}

function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.cog-migrate-${process.pid}-${Date.now()}`);
}
