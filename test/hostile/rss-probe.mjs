// Preloaded into a bounded child (node --import): at exit, writes the process's peak resident
// set in KB (getrusage) where the parent asked, so short runs between polls are measured too.
import { writeFileSync } from 'node:fs';

const file = process.env.COGM_RSS_PROBE_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
