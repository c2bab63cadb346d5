// What the figures were measured on: they mean little without the machine and how busy it was.
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';

export interface Machine {
  date: string;
  cpus: number;
  model: string;
  memoryGb: number;
  freeGb: number;
  node: string;
  /** 1, 5 and 15 minute load averages. */
  load: [number, number, number];
}

export function machine(): Machine {
  const [l1 = 0, l5 = 0, l15 = 0] = loadavg();
  const gb = (n: number) => Math.round((n / 1024 ** 3) * 10) / 10;
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpus: availableParallelism(),
    model: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: gb(totalmem()),
    freeGb: gb(freemem()),
    node: process.version,
    load: [l1, l5, l15].map((x) => Math.round(x * 100) / 100) as [number, number, number],
  };
}

export function describeMachine(m: Machine): string {
  return `${m.date}: ${m.cpus} cpus (${m.model}), ${m.memoryGb} GiB (${m.freeGb} free), Node ${m.node.replace(/^v/, '')}, load average ${m.load.join(' / ')}`;
}
