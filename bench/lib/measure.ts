// Runs one benchmark command in a fresh process: wall time, peak memory (maxRSS) and the timings the child reports about itself.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Command {
  /** Program and arguments. */
  argv: string[];
  cwd: string;
  env?: Readonly<Record<string, string>>;
  /** Exit codes that mean the run worked: a check that finds errors exits 1, and that is what it is asked to do. */
  okExitCodes?: readonly number[];
  /** Where stdout goes (the check's JSON report, read after the run); discarded when absent. */
  stdoutFile?: string;
}

/** What a bench child writes to $BENCH_REPORT: numbers it measured inside itself (render time, rows …). */
export type ChildReport = Record<string, number | string | boolean>;

export interface Sample {
  wallMs: number;
  /** Peak resident memory in KiB; undefined when it could not be measured (no GNU time and not a Node process). */
  maxRssKb?: number;
  exitCode: number;
  report?: ChildReport;
}

const GNU_TIME = '/usr/bin/time';
const RSS_PRELOAD = fileURLToPath(new URL('../cases/rss-at-exit.mjs', import.meta.url));
const STDERR_TAIL = 1500;

let gnuTime: boolean | undefined;

/** Whether /usr/bin/time is GNU time (it takes `-f %M`); BSD and busybox versions do not, so they are not used. */
export function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    // time writes its report to stderr, after the command's own stderr (here none).
    const probe = existsSync(GNU_TIME) ? spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] }) : undefined;
    gnuTime = probe?.status === 0 && /^\d+\s*$/.test(probe.stderr);
  }
  return gnuTime;
}

export class RunFailure extends Error {}

/**
 * Runs the command once and measures it. Peak memory comes from GNU time when installed, else from a
 * preload that writes `process.resourceUsage().maxRSS` at exit (Node commands only). `scratch` is a
 * folder for this run's side files. A run past `timeoutMs` is killed with its whole process group.
 */
export async function measure(command: Command, scratch: string, timeoutMs: number): Promise<Sample> {
  const files = { rss: join(scratch, 'maxrss'), report: join(scratch, 'report.json'), stderr: join(scratch, 'stderr') };
  for (const file of Object.values(files)) rmSync(file, { force: true });
  const argv = withMemoryProbe(command.argv, files.rss);
  const stdout = openSync(command.stdoutFile ?? '/dev/null', 'w');
  const stderr = openSync(files.stderr, 'w');
  const started = performance.now();
  let exitCode: number;
  try {
    exitCode = await runToExit(argv, command, [stdout, stderr], files.report, files.rss, timeoutMs);
  } finally {
    closeSync(stdout);
    closeSync(stderr);
  }
  const wallMs = performance.now() - started;
  if (!(command.okExitCodes ?? [0]).includes(exitCode)) {
    const tail = readFileSync(files.stderr, 'utf8').slice(-STDERR_TAIL).trim();
    throw new RunFailure(`${command.argv.join(' ')} exited ${exitCode}${tail ? `: ${tail}` : ''}`);
  }
  const sample: Sample = { wallMs, exitCode };
  const maxRssKb = readNumber(files.rss);
  if (maxRssKb !== undefined) sample.maxRssKb = maxRssKb;
  if (existsSync(files.report)) sample.report = JSON.parse(readFileSync(files.report, 'utf8')) as ChildReport;
  return sample;
}

function withMemoryProbe(argv: readonly string[], rssFile: string): string[] {
  if (hasGnuTime()) return [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv];
  if (argv[0] === process.execPath) return [argv[0], '--import', RSS_PRELOAD, ...argv.slice(1)];
  return [...argv];
}

function runToExit(argv: readonly string[], command: Command, [stdout, stderr]: readonly [number, number], reportFile: string, rssFile: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const [program, ...args] = argv as [string, ...string[]];
    // Its own process group, so a timeout can kill the program under GNU time too.
    const child = spawn(program, args, {
      cwd: command.cwd,
      env: { ...process.env, ...command.env, BENCH_REPORT: reportFile, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', stdout, stderr],
      detached: true,
    });
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new RunFailure(`${command.argv.join(' ')} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function readNumber(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  // GNU time writes "Command exited with non-zero status 1" before the number when the command fails.
  const match = /(\d+)\s*$/.exec(readFileSync(file, 'utf8'));
  return match ? Number(match[1]) : undefined;
}
