// File-system and git edge of a living review's versions: versions/vN.json beside records/, and the records of an earlier version (`--since REF`).
import { GitFailure, runGit } from './git.ts';
import { lstatSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ReviewError } from '../errors.ts';
import type { Baseline, BuildVersion } from '../render/changes.ts';
import { memo1 } from '../memo.ts';
import { checkRecords, type Dataset, type RecordsInput } from '../run.ts';
import { parseSnapshot, sameRecords, snapshotRecords, type Snapshot } from '../snapshot.ts';
import { OPTIONAL_TABLES, TABLE_NAMES } from '../schema/tables.ts';
import { MAX_SNAPSHOT_BYTES, displayPath, readBoundedFile } from './files.ts';
import { decodeBytes } from '../ingest/decode.ts';

/** A published version as found in versions/. */
export interface PublishedFile {
  number: number;
  date: string;
  path: string;
  snapshot: Snapshot;
}

/** The records of an earlier version, and how the reader is told what they are. */
export interface EarlierRecords {
  records: RecordsInput;
  baseline: Baseline;
}

const VERSION_FILE = /^v([1-9]\d{0,5})\.json$/;
/** More versions than a living review publishes in centuries; past it the folder is refused, not read. */
const MAX_VERSIONS = 10_000;

/** versions/ sits beside the records folder, in the repository that holds both. */
export function versionsFolder(recordsDir: string): string {
  return join(dirname(resolve(recordsDir)), 'versions');
}

/** The published versions, oldest first; an absent folder has none. Files other than vN.json are left alone. */
export function listVersions(dir: string, cwd: string): PublishedFile[] {
  let entries: string[];
  try {
    if (!lstatSync(dir).isDirectory()) throw new ReviewError('MISSING_FOLDER', `versions ${displayPath(dir, cwd)} is not a folder`, { path: dir });
    entries = readdirSync(dir);
  } catch (error) {
    if (error instanceof ReviewError) throw error;
    return [];
  }
  const numbered = entries.flatMap((name) => {
    const match = VERSION_FILE.exec(name);
    return match ? [{ number: Number(match[1]), path: join(dir, name) }] : [];
  });
  if (numbered.length > MAX_VERSIONS) throw new ReviewError('LIMIT', `${displayPath(dir, cwd)} holds ${numbered.length} versions; the limit is ${MAX_VERSIONS}`, { path: dir });
  numbered.sort((a, b) => a.number - b.number);
  const versions: PublishedFile[] = [];
  for (const { number, path } of numbered) {
    const shown = displayPath(path, cwd);
    const snapshot = parseSnapshot(readSnapshotText(path, cwd), shown);
    if (snapshot.number !== number || snapshot.date === undefined) {
      throw new ReviewError('UNREADABLE', `${shown}: a published version holds its number (${number}) and date; it says ${snapshot.number ?? 'no number'}, ${snapshot.date ?? 'no date'}`, { path });
    }
    const before = versions.at(-1);
    if (before && snapshot.date < before.date) {
      throw new ReviewError('UNREADABLE', `${shown}: version ${number} is dated ${snapshot.date}, before version ${before.number} (${before.date})`, { path });
    }
    versions.push({ number, date: snapshot.date, path, snapshot });
  }
  return versions;
}

/** A snapshot's text, read as every input is: a regular file reached by no link, its bytes counted as read. */
function readSnapshotText(path: string, cwd: string): string {
  return decodeBytes(readBoundedFile(path, cwd, MAX_SNAPSHOT_BYTES)).text;
}

/** The records of an earlier version, read as today's are, without the rules: they were checked when they were current. */
export function readEarlier(earlier: EarlierRecords): { dataset: Dataset; baseline: Baseline } {
  return { dataset: checkRecords(earlier.records, { rules: {} }).dataset, baseline: earlier.baseline };
}

/** A published version's records. */
export function versionRecords(version: PublishedFile, vocabulary: RecordsInput['vocabulary']): EarlierRecords {
  return {
    records: snapshotRecords(version.snapshot, `v${version.number}`, vocabulary),
    baseline: { kind: 'version', number: version.number, date: version.date },
  };
}

/** What a build needs of the versions: which version it is, what it is compared with, and the published history. */
export interface BuildVersions {
  version: BuildVersion;
  previous: { dataset: Dataset; baseline: Baseline } | undefined;
  history: { number: number; date: string; dataset: Dataset }[];
}

/**
 * A build whose records are the latest published version's is that version, compared with the one
 * before it; any other is the draft of the next, compared with the latest. `--since` overrides what
 * it is compared with, never which version it is.
 */
export async function buildVersions(snapshot: Snapshot, context: Omit<SinceContext, 'versions'> & { since: string | undefined; draftDate: string | undefined }): Promise<BuildVersions> {
  const versions = listVersions(versionsFolder(context.recordsDir), context.cwd);
  const latest = versions.at(-1);
  const published = latest !== undefined && sameRecords(latest.snapshot, snapshot);
  const version: BuildVersion = published
    ? { number: latest.number, published: true, date: latest.date }
    : { number: (latest?.number ?? 0) + 1, published: false, date: context.draftDate };
  // Each version's records are read once: the history and the comparison may both need one.
  const datasetOf = memo1((v: PublishedFile) => readEarlier(versionRecords(v, context.vocabulary)).dataset);
  const base = published ? versions.at(-2) : latest;
  const previous =
    context.since !== undefined
      ? readEarlier(await resolveSince(context.since, { ...context, versions }))
      : base && { dataset: datasetOf(base), baseline: versionRecords(base, context.vocabulary).baseline };
  return { version, previous, history: versions.map((v) => ({ number: v.number, date: v.date, dataset: datasetOf(v) })) };
}

export interface SinceContext {
  cwd: string;
  recordsDir: string;
  versions: readonly PublishedFile[];
  /** The current records' vocabulary.csv: a snapshot's terms are read with it. */
  vocabulary: RecordsInput['vocabulary'];
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * `--since REF`: a published version (`v2`, `2`), else a snapshot file, else a git revision of the
 * repository holding the records folder (`HEAD~1`, `origin/main`), read with `git show`.
 */
export async function resolveSince(ref: string, context: SinceContext): Promise<EarlierRecords> {
  const numbered = /^v?(\d+)$/i.exec(ref);
  if (numbered) {
    const number = Number(numbered[1]);
    const version = context.versions.find((v) => v.number === number);
    if (!version) throw new ReviewError('USAGE', `--since ${ref}: no published version ${number}; ${publishedList(context.versions)}`);
    return versionRecords(version, context.vocabulary);
  }
  const file = resolve(context.cwd, ref);
  if (isFile(file)) {
    const shown = displayPath(file, context.cwd);
    return { records: snapshotRecords(parseSnapshot(readSnapshotText(file, context.cwd), shown), shown, context.vocabulary), baseline: { kind: 'file', path: shown } };
  }
  // Never an option to git: a revision does not start with '-'.
  if (ref.startsWith('-') || ref.includes('\u0000')) throw new ReviewError('USAGE', `--since '${ref}' is not a version, a file or a git revision`);
  const git = (args: readonly string[]) =>
    runGit(args, { cwd: context.recordsDir, env: context.env, purpose: '--since a git revision (or give a published version, v1, or a snapshot file)' });
  const commit = (await git(['rev-parse', '--verify', `${ref}^{commit}`]).catch((error: unknown) => {
    if (error instanceof GitFailure) {
      throw new ReviewError(
        'USAGE',
        `--since '${ref}' is not a published version (${publishedList(context.versions)}), a snapshot file, or a git revision of the repository holding ${displayPath(context.recordsDir, context.cwd)}: ${error.detail}`,
      );
    }
    throw error;
  })).toString('utf8').trim();
  const records: RecordsInput = { tables: {} };
  for (const name of [...TABLE_NAMES, 'vocabulary'] as const) {
    const shown = `${displayPath(join(context.recordsDir, `${name}.csv`), context.cwd)} at ${ref}`;
    let bytes: Buffer;
    try {
      // `./` makes the path relative to the records folder, wherever the repository's root is.
      bytes = await git(['show', `${commit}:./${name}.csv`]);
    } catch (error) {
      if (!(error instanceof GitFailure)) throw error;
      if (name === 'vocabulary' || OPTIONAL_TABLES.has(name)) continue;
      throw new ReviewError('MISSING_FILE', `${shown} does not exist (${error.detail})`);
    }
    const file = { path: shown, bytes: new Uint8Array(bytes) };
    if (name === 'vocabulary') records.vocabulary = file;
    else records.tables[name] = file;
  }
  return { records, baseline: { kind: 'revision', ref } };
}

function publishedList(versions: readonly PublishedFile[]): string {
  return versions.length === 0 ? 'none is published' : `published: ${versions.map((v) => `v${v.number}`).join(', ')}`;
}

function isFile(path: string): boolean {
  // Anything there but a folder is taken as the file meant, and read as every input is: a link, a FIFO or a device is
  // then refused by name, not taken for a git revision.
  try {
    return !lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** SOURCE_DATE_EPOCH as a day (UTC), if it is set to whole seconds. */
export function epochDay(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || !/^\d+$/.test(epoch)) return undefined;
  const date = new Date(Number(epoch) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}
