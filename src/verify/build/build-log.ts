// Follows the legacy builder's JSON event stream: which step runs, which intermediate containers
// and images it creates (so a failed build can be cleaned up exactly), and, on failure, the
// failing step and the error lines worth quoting (pip's `ERROR:` lines first).

export interface BuildEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { code?: number; message?: string };
  aux?: { ID?: string };
}

export class BuildLog {
  /** `Step 3/7 : RUN pip install ...` lines, in order. */
  readonly steps: string[] = [];
  /** Every output line, in order (bounded). */
  readonly lines: string[] = [];
  /** Intermediate containers announced with `---> Running in <id>`. */
  readonly containers = new Set<string>();
  /** Images announced with ` ---> <id>` after a step (layers this build made or reused). */
  readonly images: string[] = [];
  imageId?: string;
  error?: string;
  private partial = '';
  private static readonly MAX_LINES = 5000;

  /** Feeds one event; returns the complete lines it produced (for progress callbacks). */
  push(ev: BuildEvent): string[] {
    const produced: string[] = [];
    if (ev.aux?.ID) this.imageId = ev.aux.ID;
    if (ev.error || ev.errorDetail?.message) {
      this.error = (ev.errorDetail?.message ?? ev.error ?? '').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
      produced.push(...this.flushPartial(), `ERROR ${this.error}`);
      return produced;
    }
    const text = ev.stream ?? (ev.status ? ev.status + '\n' : '');
    if (!text) return produced;
    const parts = (this.partial + text).split(/\r?\n|\r/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) produced.push(this.line(line));
    return produced;
  }

  /** Call at the end of the stream. */
  end(): string[] {
    return this.flushPartial();
  }

  private flushPartial(): string[] {
    if (!this.partial) return [];
    const line = this.partial;
    this.partial = '';
    return [this.line(line)];
  }

  private line(raw: string): string {
    // pip colours its errors; quoted in findings they must be plain text.
    const line = raw.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    if (this.lines.length >= BuildLog.MAX_LINES) this.lines.splice(0, 1000);
    this.lines.push(line);
    const step = /^Step \d+\/\d+ : /.exec(line);
    if (step) this.steps.push(line);
    const running = /^ ---> Running in ([0-9a-f]{6,64})\s*$/.exec(line);
    if (running) this.containers.add(running[1]!);
    const layer = /^ ---> ([0-9a-f]{6,64})\s*$/.exec(line);
    if (layer) this.images.push(layer[1]!);
    const built = /^Successfully built ([0-9a-f]{6,64})\s*$/.exec(line);
    if (built) this.imageId ??= built[1];
    return line;
  }

  /** The failing step and the lines to quote: pip's error lines, or the last output lines. */
  failure(): { step?: string; quote: string[] } {
    const step = this.steps.at(-1);
    const startIdx = step ? this.lines.lastIndexOf(step) : 0;
    const tail = this.lines.slice(Math.max(0, startIdx + 1)).filter((l) => l.trim() !== '' && !/^ ---> /.test(l));
    const errorLines = tail.filter((l) => /^\s*(ERROR|error):|No matching distribution|Could not find a version|E: |ModuleNotFoundError|returned a non-zero code/.test(l));
    const quote = (errorLines.length > 0 ? errorLines : tail.slice(-8)).slice(-12);
    const out = quote.filter((l) => !(this.error && l.includes(this.error)));
    return step ? { step, quote: out } : { quote: out };
  }
}
