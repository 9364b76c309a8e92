// One build at a time per --out: an exclusively created lock file beside it, naming the build that holds it.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { linkSync, lstatSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { ReviewError } from '../errors.ts';
import { fsProblem } from './fs-problem.ts';

/** How long a build waits for another build into the same --out to finish writing before it gives up. */
export const LOCK_WAIT_MS = 5000;
const POLL_MS = 50;
/** A lock this short or unreadable was made by a build killed while creating it, once it is this old. */
const EMPTY_LOCK_STALE_MS = 2000;
const MAX_LOCK_BYTES = 1024;

/** What a lock file says: the tool, and the process that holds it (host and pid, to tell a dead holder). */
interface LockInfo {
  tool: 'review';
  pid: number;
  host: string;
  token: string;
}

/** The lock of `outDir`, beside it (inside, it would be swapped away with the folder). */
export const lockPathOf = (outDir: string): string => `${outDir}.review-lock`;

/**
 * Runs `work` while holding the lock of `outDir`. Another live build's lock is waited for (up to
 * LOCK_WAIT_MS), a lock whose process is gone is taken over, and a file that is not a lock of this
 * tool is never removed: the build refuses and says which file it is.
 */
export function withOutputLock<T>(outDir: string, shown: string, work: () => T): T {
  const lock = lockPathOf(outDir);
  const mine: LockInfo = { tool: 'review', pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (tryCreate(lock, mine, shown)) break;
    const held = readLock(lock);
    if (held === 'gone') continue;
    if (held === 'foreign') {
      throw new ReviewError('UNWRITABLE', `${shown}.review-lock exists and is not a lock this tool wrote; remove it if it is yours, or choose another --out`, { path: lock });
    }
    if (held !== 'fresh' && isStale(held)) {
      takeOver(lock, held);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = held === 'fresh' ? 'another build' : `another build (process ${held.pid} on ${held.host})`;
      throw new ReviewError('UNWRITABLE', `${who} is writing ${shown}; try again when it has finished (${shown}.review-lock is its lock)`, { path: lock });
    }
    sleep(POLL_MS);
  }
  try {
    return work();
  } finally {
    release(lock, mine);
  }
}

function tryCreate(lock: string, mine: LockInfo, shown: string): boolean {
  try {
    writeFileSync(lock, JSON.stringify(mine), { flag: 'wx' });
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ReviewError('UNWRITABLE', `${shown}: its lock ${shown}.review-lock cannot be made: ${fsProblem(cause)}`, { path: lock, cause });
  }
}

/** The lock's holder; 'fresh' for a lock being created this instant, 'gone' if it vanished, 'foreign' if not ours. */
function readLock(lock: string): LockInfo | 'fresh' | 'gone' | 'foreign' {
  let text: string;
  let age: number;
  try {
    const stat = lstatSync(lock);
    if (!stat.isFile() || stat.size > MAX_LOCK_BYTES) return 'foreign';
    age = Date.now() - stat.mtimeMs;
    text = readFileSync(lock, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return 'foreign';
  }
  if (text === '') return age < EMPTY_LOCK_STALE_MS ? 'fresh' : { tool: 'review', pid: 0, host: hostname(), token: '' };
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    if (info.tool === 'review' && Number.isInteger(info.pid) && typeof info.host === 'string' && typeof info.token === 'string') return info as LockInfo;
  } catch {
    // Not JSON: someone else's file.
  }
  return 'foreign';
}

/** A lock of this host whose process has ended (or of this very process: the work it guards is synchronous, so it cannot be running). */
function isStale(info: LockInfo): boolean {
  if (info.host !== hostname()) return false;
  if (info.pid <= 0 || info.pid === process.pid) return true;
  try {
    process.kill(info.pid, 0);
    return false;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock. It is moved aside first and checked: if another build took it over and made
 * a new lock in between, the one moved is that build's, and it is put back.
 */
function takeOver(lock: string, stale: LockInfo): void {
  const aside = `${lock}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lock, aside);
  } catch {
    return;
  }
  const moved = readLock(aside);
  if (typeof moved === 'object' && moved.token === stale.token && moved.pid === stale.pid) {
    unlinkSync(aside);
    return;
  }
  try {
    // link, unlike rename, never replaces a lock made since.
    linkSync(aside, lock);
  } catch {
    // A newer lock is there: the one moved aside has lost its place either way.
  }
  unlinkSync(aside);
}

/** Removes the lock only if it is still this build's own. */
function release(lock: string, mine: LockInfo): void {
  const held = readLock(lock);
  if (typeof held === 'object' && held.token === mine.token) unlinkSync(lock);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
