// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and the files they live in.
// Usage: node --import tsx bench/profile.ts FILE.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The parts of Chrome's profile format this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Self time per function (samples × their time deltas), merged across call sites, largest first. */
export function selfTimes(profile: CpuProfile): SelfTime[] {
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, { name: string; where: string; us: number }>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    all += us;
    const frame = frameOf.get(id);
    const name = frame?.functionName || '(anonymous)';
    const where = frame?.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${name}\u0000${where}`;
    const entry = totals.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    totals.set(key, entry);
  });
  return [...totals.values()].sort((a, b) => b.us - a.us).map(({ name, where, us }) => ({ name, where, ms: us / 1000, share: all > 0 ? us / all : 0 }));
}

/** Self time per source file, to see which module (or library) the time goes to. */
export function selfTimesByFile(entries: readonly SelfTime[]): { file: string; ms: number; share: number }[] {
  const byFile = new Map<string, { ms: number; share: number }>();
  for (const entry of entries) {
    const file = entry.where.replace(/:\d+$/, '') || entry.name;
    const total = byFile.get(file) ?? { ms: 0, share: 0 };
    total.ms += entry.ms;
    total.share += entry.share;
    byFile.set(file, total);
  }
  return [...byFile.entries()].map(([file, total]) => ({ file, ...total })).sort((a, b) => b.ms - a.ms);
}

function shortUrl(url: string): string {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

function main(): void {
  // `… | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' } } });
  const file = positionals[0];
  if (file === undefined) throw new Error('usage: profile.ts FILE.cpuprofile [--top N]');
  const top = Number(values.top ?? 25);
  const entries = selfTimes(JSON.parse(readFileSync(resolve(file), 'utf8')) as CpuProfile);
  const percent = (share: number): string => `${(share * 100).toFixed(1)}%`.padStart(6);
  process.stdout.write('self time by function\n');
  for (const e of entries.slice(0, top)) process.stdout.write(`${percent(e.share)} ${e.ms.toFixed(0).padStart(7)} ms  ${e.name}  ${e.where}\n`);
  process.stdout.write('\nself time by file\n');
  for (const f of selfTimesByFile(entries).slice(0, top)) process.stdout.write(`${percent(f.share)} ${f.ms.toFixed(0).padStart(7)} ms  ${f.file}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`profile: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
