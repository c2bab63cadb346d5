// Preloaded into a bounded child (node --import): at exit, writes the process's peak resident
// set (KB) and CPU time (ms) from getrusage where the parent asked, so runs shorter than the
// parent's polling interval are measured too, and CPU time can be bounded on a loaded machine.
import { writeFileSync } from 'node:fs';

const file = process.env.COGM_RSS_PROBE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) }));
  });
}
