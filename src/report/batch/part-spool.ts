// The report parts of a batch's models (model-parts.ts), kept on disk while the batch runs instead
// of in memory. The worker that converts a model renders its entries of report.json and
// report.html (about 30 KB a model), appends them to its own file in the spool folder and sends
// the main thread only where they are, with the rest of the model (withoutRenderedParts). Writing
// the reports then copies each model's entries in the models' order, so the main thread's memory
// does not grow with the number of models by their size, and the parts are not copied between
// threads.
//
// The folder is `.cog-migrate-report-parts-<pid>-<ms>` in OUT, removed by PartSpool.close(). Its
// name does not carry the staging mark after a name (`<name>.cog-migrate-...`, fs/write-output.ts):
// the cleanup after a second Ctrl-C must leave it, because the reports are still written from it.
// A worker that dies mid-append leaves bytes no model points at; a replacement writes a new file.

import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedModel, RenderedModels } from './model-parts.js';

/** Where a model's parts are: a file of the spool folder, and the byte range of each part. */
export interface PartPlace {
  file: string;
  json: [offset: number, length: number];
  html: [offset: number, length: number];
}

/** The main thread's side: the spool folder, where each model's parts are, and reading them back. */
export class PartSpool implements RenderedModels {
  readonly dir: string;
  private readonly places = new Map<string, PartPlace>();
  private readonly fds = new Map<string, number>();

  constructor(out: string) {
    this.dir = join(out, `.cog-migrate-report-parts-${process.pid}-${Date.now()}`);
  }

  /** A worker appended the model's parts at `place`. */
  record(id: string, place: PartPlace): void {
    this.places.set(id, place);
  }

  has(id: string): boolean {
    return this.places.has(id);
  }

  /** The model's part as its UTF-8 bytes, read back from the spool. */
  part(id: string, kind: keyof RenderedModel): Uint8Array | undefined {
    const place = this.places.get(id);
    if (!place) return undefined;
    const [at, length] = place[kind];
    let fd = this.fds.get(place.file);
    if (fd === undefined) {
      fd = openSync(join(this.dir, place.file), 'r');
      this.fds.set(place.file, fd);
    }
    const bytes = Buffer.allocUnsafe(length);
    for (let got = 0; got < length;) {
      const n = readSync(fd, bytes, got, length - got, at + got);
      if (n === 0) throw new Error(`the report parts in ${join(this.dir, place.file)} end early`);
      got += n;
    }
    return bytes;
  }

  /** Closes and removes the spool; the parts are gone after this. */
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    this.places.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A worker's side: appends models' parts to one file of the spool folder (its own: no two
 * threads write a file). The file is open only while a model's parts are written: a worker is
 * terminated, not closed, and the descriptors of a thread are the process's. */
export class SpoolWriter {
  private created = false;
  private size = 0;

  constructor(readonly dir: string, private readonly file: string) {}

  /** Throws when the disk refuses; the bytes written before then are never pointed at. */
  add(parts: RenderedModel): PartPlace {
    if (!this.created) mkdirSync(this.dir, { recursive: true });
    const fd = openSync(join(this.dir, this.file), this.created ? 'r+' : 'wx');
    this.created = true;
    try {
      const json = this.append(fd, parts.json);
      const html = this.append(fd, parts.html);
      return { file: this.file, json, html };
    } finally {
      closeSync(fd);
    }
  }

  private append(fd: number, text: string): [number, number] {
    const bytes = Buffer.from(text, 'utf8');
    const at = this.size;
    for (let done = 0; done < bytes.byteLength;) done += writeSync(fd, bytes, done, bytes.byteLength - done, at + done);
    this.size += bytes.byteLength;
    return [at, bytes.byteLength];
  }
}
