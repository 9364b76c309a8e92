// Writes a build's files all at once: into a staging folder beside --out, then swapped in, so a failed or killed build leaves the old output.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReviewError } from '../errors.ts';

/** The files a build writes; nothing else may be in --out, so swapping the folder can never delete a user's file. */
export const BUILD_FILES = ['review.html', 'review.pdf', 'evidence-table.html', 'evidence-table.pdf', 'review-data.json'] as const;
export type BuildFile = (typeof BUILD_FILES)[number];

/**
 * Replaces `outDir` with a folder holding exactly `files`. The rename of the old folder and of the
 * new one are two system calls; a kill between them leaves the old output in `<out>.old-<pid>`,
 * which the next build puts back before it starts.
 */
export function writeOutputFolder(outDir: string, files: ReadonlyMap<BuildFile, string | Uint8Array>): void {
  restoreInterruptedSwap(outDir);
  if (existsSync(outDir)) {
    const foreign = readdirSync(outDir).filter((name) => !(BUILD_FILES as readonly string[]).includes(name));
    if (foreign.length > 0) {
      throw new ReviewError('UNWRITABLE', `${outDir} holds files the build did not make (${foreign.slice(0, 3).join(', ')}); choose an empty or new --out folder`, { path: outDir });
    }
  }
  const staging = `${outDir}.tmp-${process.pid}`;
  const previous = `${outDir}.old-${process.pid}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
    rmSync(previous, { recursive: true, force: true });
  } catch (cause) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
    throw new ReviewError('UNWRITABLE', `cannot write ${outDir}: ${(cause as Error).message}`, { path: outDir, cause });
  }
}

/** Puts back an output folder that a killed build had moved aside, and removes staging folders it left. */
function restoreInterruptedSwap(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const name = basename(outDir);
  for (const entry of readdirSync(parent)) {
    const path = join(parent, entry);
    if (entry.startsWith(`${name}.old-`)) {
      if (existsSync(outDir)) rmSync(path, { recursive: true, force: true });
      else renameSync(path, outDir);
    } else if (entry.startsWith(`${name}.tmp-`)) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}
