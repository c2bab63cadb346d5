// The report parts of a batch's models (model-parts.ts), kept on disk while the batch runs instead
// of in the main thread's memory. A worker renders a model's report.json and report.html entries
// (about 30 KB a model); the main thread appends them to two files in OUT as they arrive and
// remembers where each model's entries start, so writing the reports copies them in the models'
// order and the main thread's memory does not grow with the number of models by their size.
//
// The folder is `.cog-migrate-report-parts-<pid>-<ms>` in OUT, removed by close(). Its name does
// not carry the staging mark after a name (`<name>.cog-migrate-...`, fs/write-output.ts): the
// cleanup after a second Ctrl-C must leave it, because the reports are still written from it.

import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedModel, RenderedModels } from './model-parts.js';

type PartKind = keyof RenderedModel;
const KINDS: readonly PartKind[] = ['json', 'html'];

interface SpoolFile {
  fd: number;
  /** Bytes written so far: where the next part starts. */
  size: number;
}

export class PartSpool implements RenderedModels {
  private readonly dir: string;
  private files?: Record<PartKind, SpoolFile>;
  /** Per model: offset and length (bytes) of its json part, then of its html part. */
  private readonly index = new Map<string, [number, number, number, number]>();

  constructor(out: string) {
    this.dir = join(out, `.cog-migrate-report-parts-${process.pid}-${Date.now()}`);
  }

  /** Appends a model's parts. Throws when the disk refuses; the model then keeps none here. */
  add(id: string, parts: RenderedModel): void {
    const files = this.open();
    const json = Buffer.from(parts.json, 'utf8');
    const html = Buffer.from(parts.html, 'utf8');
    const at = { json: files.json.size, html: files.html.size };
    append(files.json, json);
    append(files.html, html);
    this.index.set(id, [at.json, json.byteLength, at.html, html.byteLength]);
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** The model's part as its UTF-8 bytes, read back from the spool. */
  part(id: string, kind: PartKind): Uint8Array | undefined {
    const entry = this.index.get(id);
    if (!entry || !this.files) return undefined;
    const [at, length] = kind === 'json' ? [entry[0], entry[1]] : [entry[2], entry[3]];
    const bytes = Buffer.allocUnsafe(length);
    for (let got = 0; got < length;) {
      const n = readSync(this.files[kind].fd, bytes, got, length - got, at + got);
      if (n === 0) throw new Error(`the report parts in ${this.dir} end early`);
      got += n;
    }
    return bytes;
  }

  /** Closes and removes the spool; the parts are gone after this. */
  close(): void {
    if (this.files) for (const kind of KINDS) closeSync(this.files[kind].fd);
    this.files = undefined;
    this.index.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private open(): Record<PartKind, SpoolFile> {
    if (this.files) return this.files;
    mkdirSync(this.dir, { recursive: true });
    const file = (kind: PartKind): SpoolFile => ({ fd: openSync(join(this.dir, kind), 'wx+'), size: 0 });
    const json = file('json');
    try {
      this.files = { json, html: file('html') };
    } catch (err) {
      closeSync(json.fd);
      throw err;
    }
    return this.files;
  }
}

function append(file: SpoolFile, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.byteLength;) done += writeSync(file.fd, bytes, done, bytes.byteLength - done, file.size + done);
  file.size += bytes.byteLength;
}
