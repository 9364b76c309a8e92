// Builds a review's HTML with the real command line (as a user runs it) and knows where the e2e artefacts go.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Screenshots and print PDFs for a person to look at; `output/` is git-ignored. */
// Kept out of output/: that folder holds only what a build writes.
export const artefactDir = join(repoRoot, 'test', 'e2e', 'artifacts');

export interface BuildOptions {
  /** Records folder; the shipped `records/` when not given. */
  records?: string;
  /** Templates folder; the shipped `templates/` when not given. */
  templates?: string;
}

export interface BuiltReview {
  dir: string;
  /** file:// URL of a page in the build, e.g. `pageUrl('review.html')`. */
  pageUrl(name: string): string;
  /** The build's `review-data.json`, parsed. */
  data: ReviewData;
}

/** The part of `review-data.json` the browser tests rely on. */
export interface ReviewData {
  /** One entry per study row (a snapshot of the records, pipeline/snapshot.ts). */
  studies: unknown[];
}

/**
 * Runs `node bin/review.js build --only html` into a new temporary folder.
 * Throws with the command's stderr when it fails, so a broken build fails the suite with its own words.
 */
export function buildReview(options: BuildOptions = {}): BuiltReview {
  const dir = mkdtempSync(join(tmpdir(), 'review-e2e-'));
  const args = ['bin/review.js', 'build', '--only', 'html', '--out', dir];
  if (options.records !== undefined) args.push('--records', options.records);
  if (options.templates !== undefined) args.push('--templates', options.templates);
  // NO_COLOR keeps escape codes out of the stderr we may show in a failure message.
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.error) throw new Error(`could not run review build: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(`review build exited ${run.status ?? run.signal}:\n${run.stderr.trim()}`);
  }
  const data = JSON.parse(readFileSync(join(dir, 'review-data.json'), 'utf8')) as ReviewData;
  return { dir, data, pageUrl: (name) => pathToFileURL(join(dir, name)).href };
}

/** Creates `test/e2e/artifacts/` and returns the path of an artefact in it. */
export function artefactPath(name: string): string {
  mkdirSync(artefactDir, { recursive: true });
  return join(artefactDir, name);
}
