// Writes a build's files all at once: into a staging folder beside --out, then swapped in, so a failed or killed build leaves the old output.
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReviewError } from '../errors.ts';
import { displayText } from '../checks/runner.ts';
import { fsProblem } from './fs-problem.ts';
import { withOutputLock } from './output-lock.ts';

/** The files a build writes; nothing else may be in --out, so swapping the folder can never delete a user's file. */
export const BUILD_FILES = ['review.html', 'review.pdf', 'evidence-table.html', 'evidence-table.pdf', 'review-data.json'] as const;
export type BuildFile = (typeof BUILD_FILES)[number];

/**
 * Written into every folder a build makes beside --out (its staging folder, and the old output moved
 * aside). It names the folder, and the folder's device and inode: a folder someone else made, copied
 * or checked out (a pull request can hold any file) has other numbers, so a build only ever tidies
 * away folders it made itself, never one that merely has a name like them.
 */
export const MARKER = '.review-build.json';
const MAX_MARKER_BYTES = 1024;

interface Marker {
  tool: 'review';
  made: 'staging' | 'backup';
  folder: string;
  device: string;
  inode: string;
}

const isBuildFile = (name: string): name is BuildFile => (BUILD_FILES as readonly string[]).includes(name);

/**
 * Checks that `outDir` can take a build: absent, or a real folder holding only regular files with
 * the build's names. Called before the work starts (a build of minutes should not fail at the end)
 * and again under the lock. `shown` is the path as messages show it.
 */
export function checkOutputFolder(outDir: string, shown: string): void {
  asOutputError(shown, () => inspect(outDir, shown, false));
}

/**
 * Replaces `outDir` with a folder holding exactly `files`, holding the lock of `outDir` meanwhile.
 * The rename of the old folder and of the new one are two system calls; a kill between them leaves
 * the old output in `<out>.old-…` (with its marker), which the next build puts back before it starts.
 */
export function writeOutputFolder(outDir: string, shown: string, files: ReadonlyMap<BuildFile, string | Uint8Array>): void {
  const parent = dirname(outDir);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (cause) {
    throw new ReviewError('UNWRITABLE', `${shown}: its parent folder cannot be made: ${fsProblem(cause)}`, { path: parent, cause });
  }
  asOutputError(shown, () =>
    withOutputLock(outDir, shown, () => {
      tidyLeftovers(outDir, shown);
      swapIn(outDir, shown, files);
    }),
  );
}

/** Any file-system failure not already put in words (a folder changing while it is read) as one line. */
function asOutputError<T>(shown: string, work: () => T): T {
  try {
    return work();
  } catch (cause) {
    if (cause instanceof ReviewError) throw cause;
    throw new ReviewError('UNWRITABLE', `${shown}: ${fsProblem(cause)}`, { cause });
  }
}

function swapIn(outDir: string, shown: string, files: ReadonlyMap<BuildFile, string | Uint8Array>): void {
  const existed = inspect(outDir, shown, true);
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const staging = `${outDir}.tmp-${suffix}`;
  const previous = `${outDir}.old-${suffix}`;
  let stagingMade = false;
  let movedAside = false;
  try {
    // Not recursive: a folder that is already there (whoever made it) is an error, never reused.
    mkdirSync(staging);
    stagingMade = true;
    writeMarker(staging, 'staging', basename(staging));
    for (const [name, content] of files) writeFileSync(join(staging, name), content, { flag: 'wx' });
    if (existed) {
      // The marker goes in before the move, so the moved folder is never without one; it names the folder's name to be.
      writeMarker(outDir, 'backup', basename(previous));
      renameSync(outDir, previous);
      movedAside = true;
    }
    renameSync(staging, outDir);
  } catch (cause) {
    if (stagingMade) removeOwnFolder(staging);
    try {
      if (movedAside) restore(previous, outDir);
      else if (existed) removeMarkerIn(outDir);
    } catch {
      // The old output stays beside, marked, and the next build puts it back.
    }
    throw new ReviewError('UNWRITABLE', `${shown}: ${fsProblem(cause)}`, { path: outDir, cause });
  }
  // The staging folder's marker came along; if it cannot go now, the next build removes it.
  removeMarkerIn(outDir);
  if (movedAside) removeOwnFolder(previous);
}

/**
 * What `outDir` is: false when absent, true when a folder a build may replace. Anything else is
 * refused with a one-line message: a file, a symbolic link, a folder holding other files, or one of
 * the build's names used by a folder or a link. A marker a killed build left inside is allowed, and
 * removed when `tidy` (only under the lock: outside it, the marker may be a running build's).
 */
function inspect(outDir: string, shown: string, tidy: boolean): boolean {
  let stat;
  try {
    stat = lstatSync(outDir);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new ReviewError('UNWRITABLE', `${shown}: ${fsProblem(cause)}`, { path: outDir, cause });
  }
  if (stat.isSymbolicLink()) throw new ReviewError('UNWRITABLE', `${shown} is a symbolic link; --out must name a real folder (the build replaces it as a whole)`, { path: outDir });
  if (!stat.isDirectory()) throw new ReviewError('UNWRITABLE', `${shown} is a file, not a folder; --out names the folder the build writes into`, { path: outDir });
  let names: string[];
  try {
    names = readdirSync(outDir).sort();
  } catch (cause) {
    throw new ReviewError('UNWRITABLE', `${shown}: the folder cannot be listed: ${fsProblem(cause)}`, { path: outDir, cause });
  }
  const foreign: string[] = [];
  for (const name of names) {
    if (name === MARKER && readMarker(outDir) !== undefined) {
      if (tidy) removeMarkerIn(outDir);
      continue;
    }
    if (!isBuildFile(name)) {
      foreign.push(name);
      continue;
    }
    if (!lstatSync(join(outDir, name)).isFile()) {
      throw new ReviewError('UNWRITABLE', `${shown}/${name} is not a file the build made (a folder or a link); the build replaces only its own files, so move it away or choose another --out`, { path: join(outDir, name) });
    }
  }
  if (foreign.length > 0) {
    throw new ReviewError('UNWRITABLE', `${shown} holds files the build did not make (${foreign.slice(0, 3).map(displayText).join(', ')}${foreign.length > 3 ? ', …' : ''}); choose an empty or new --out folder`, { path: outDir });
  }
  return true;
}

/**
 * Puts back an output folder that a killed build had moved aside, and removes the staging folders
 * killed builds left; only folders whose marker proves they are a build's own (see MARKER).
 * Called under the lock, so no other build is using any of them.
 */
function tidyLeftovers(outDir: string, shown: string): void {
  const parent = dirname(outDir);
  const name = basename(outDir);
  let entries: string[];
  try {
    entries = readdirSync(parent).sort();
  } catch (cause) {
    throw new ReviewError('UNWRITABLE', `${shown}: the folder that holds it cannot be listed: ${fsProblem(cause)}`, { path: parent, cause });
  }
  for (const entry of entries) {
    if (!entry.startsWith(`${name}.old-`) && !entry.startsWith(`${name}.tmp-`)) continue;
    const path = join(parent, entry);
    const marker = readMarker(path);
    if (marker === undefined || marker.folder !== entry) continue;
    if (marker.made !== 'backup' || exists(outDir)) {
      removeOwnFolder(path);
      continue;
    }
    try {
      restore(path, outDir);
    } catch (cause) {
      throw new ReviewError('UNWRITABLE', `${shown}: a killed build had moved it to ${entry}, and it cannot be put back: ${fsProblem(cause)}`, { path, cause });
    }
  }
}

/** Marks a folder as one a build made (exported for the tests, which make the states a kill leaves). */
export function writeMarker(folder: string, made: Marker['made'], name: string): void {
  const stat = lstatSync(folder, { bigint: true });
  const marker: Marker = { tool: 'review', made, folder: name, device: String(stat.dev), inode: String(stat.ino) };
  writeFileSync(join(folder, MARKER), JSON.stringify(marker) + '\n', { flag: 'wx' });
}

/** The marker of `folder`, if it is a real folder holding a marker this tool wrote for this very folder. */
function readMarker(folder: string): Marker | undefined {
  try {
    const stat = lstatSync(folder, { bigint: true });
    if (!stat.isDirectory()) return undefined;
    const path = join(folder, MARKER);
    const file = lstatSync(path);
    if (!file.isFile() || file.size > MAX_MARKER_BYTES) return undefined;
    const marker = JSON.parse(readFileSync(path, 'utf8')) as Partial<Marker>;
    const ours = marker.tool === 'review' && (marker.made === 'staging' || marker.made === 'backup') && typeof marker.folder === 'string';
    return ours && marker.device === String(stat.dev) && marker.inode === String(stat.ino) ? (marker as Marker) : undefined;
  } catch {
    return undefined;
  }
}

/** Moves an old output back to `outDir`, its marker then removed (a kill in between leaves a marker that `inspect` removes). */
function restore(previous: string, outDir: string): void {
  renameSync(previous, outDir);
  removeMarkerIn(outDir);
}

function removeMarkerIn(folder: string): void {
  try {
    unlinkSync(join(folder, MARKER));
  } catch {
    // Already gone.
  }
}

/**
 * Removes a folder a build made: the build's own files in it and its marker (last, so that a kill
 * halfway leaves a folder still recognised), then the folder if nothing else is in it. Anything
 * else found there was put there by someone else, and stays.
 */
function removeOwnFolder(folder: string): void {
  try {
    for (const name of readdirSync(folder)) {
      if (isBuildFile(name) && lstatSync(join(folder, name)).isFile()) unlinkSync(join(folder, name));
    }
    unlinkSync(join(folder, MARKER));
    rmdirSync(folder);
  } catch {
    // What could not be removed stays; it is never worth failing a build that has written its output.
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
