// A minimal ustar writer for build contexts: the output folder's files plus, where the target
// embeds its Dockerfile in app.py, that Dockerfile, without writing anything into the folder.
// (tar-fs is only a transitive dependency of dockerode, so it is not imported here.)

export interface TarEntry {
  /** POSIX path inside the archive. */
  name: string;
  data: Buffer;
  /** Unix permission bits; 0o644 when absent. */
  mode?: number;
}

const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** Splits a long path into ustar's prefix (155) and name (100) fields, or throws (a bug: callers check). */
function splitName(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== '/') continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name) return { prefix, name };
  }
  throw new Error(`path too long for a tar header: ${path}`);
}

/** True when `path` fits a ustar header. */
export function tarNameFits(path: string): boolean {
  try {
    splitName(path);
    return true;
  } catch {
    return false;
  }
}

function header(entry: TarEntry): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const { prefix, name } = splitName(entry.name);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(entry.mode ?? 0o644, 8), 100, 8, 'ascii');
  h.write(octal(0, 8), 108, 8, 'ascii'); // uid
  h.write(octal(0, 8), 116, 8, 'ascii'); // gid
  h.write(octal(entry.data.length, 12), 124, 12, 'ascii');
  h.write(octal(0, 12), 136, 12, 'ascii'); // mtime: fixed, so the same folder gives the same context
  h.write('        ', 148, 8, 'ascii'); // checksum placeholder
  h.write('0', 156, 1, 'ascii'); // regular file
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

/** The archive as one buffer (contexts here are small: code, not weights). */
export function tar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e), e.data);
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}
