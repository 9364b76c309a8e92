// Preloaded with `node --import` only when GNU time is missing: writes the process's peak memory (KiB) for the runner at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
