// Describes the machine a benchmark ran on (CPU, cores, memory, Node, load), since absolute times mean little without it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1, 5 and 15 minute load averages when the run started and when it ended: a loaded machine explains slow medians. */
  loadAtStart: number[];
  loadAtEnd?: number[];
  pandoc?: string;
  /** How bin/review.js ran: compiled JavaScript from dist/, or the TypeScript sources through tsx (slower start). */
  cli?: 'dist' | 'tsx';
}

export function describeMachine(): MachineInfo {
  const info: MachineInfo = {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: loadAverage(),
  };
  const pandoc = pandocVersion();
  if (pandoc !== undefined) info.pandoc = pandoc;
  return info;
}

/**
 * Which code bin/review.js runs, decided as it decides: dist/ when dist/.stamp is newer than every file
 * under pipeline/, else the sources through tsx. Start-up differs by about a second between the two.
 */
export function cliMode(root: string): 'dist' | 'tsx' {
  const stamp = join(root, 'dist', '.stamp');
  if (!existsSync(stamp)) return 'tsx';
  const compiledAt = statSync(stamp).mtimeMs;
  const sources = join(root, 'pipeline');
  const stale = readdirSync(sources, { recursive: true, encoding: 'utf8' }).some((file) => statSync(join(sources, file)).mtimeMs > compiledAt);
  return stale ? 'tsx' : 'dist';
}

export function loadAverage(): number[] {
  return os.loadavg().map((load) => Math.round(load * 100) / 100);
}

/** The model name from /proc/cpuinfo (Linux), else what Node reports. */
function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) return match[1].trim();
  } catch {
    // Not Linux: fall through to Node's view.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** pandoc's version line, or undefined when pandoc is not installed (the build benchmark then records a note). */
export function pandocVersion(): string | undefined {
  try {
    return execFileSync('pandoc', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]?.trim();
  } catch {
    return undefined;
  }
}
