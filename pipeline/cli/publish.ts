// `review publish`: records the current records as a published version, versions/vN.json beside records/, for the editor to commit.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReviewError } from '../errors.ts';
import { checkRecords } from '../run.ts';
import { describeChanges } from '../render/changes.ts';
import { buildReviewModel } from '../render/model.ts';
import { ISO_DATE, sameRecords, serialiseSnapshot, takeSnapshot } from '../snapshot.ts';
import type { CliOptions } from './args.ts';
import { writeFileAtomic } from './atomic.ts';
import { exitCodeFor, projectConfig, writeReport } from './check.ts';
import { displayPath, readRecordsFolder } from './files.ts';
import type { CliIO } from './io.ts';
import { epochDay, listVersions, readEarlier, versionRecords, versionsFolder } from './versions.ts';

export function runPublishCommand(options: CliOptions, io: CliIO): number {
  const recordsDir = resolve(io.cwd, options.records);
  const date = publicationDate(options.date, io.env);
  const config = projectConfig(options, io);
  const input = readRecordsFolder(recordsDir, io.cwd);
  const { result, dataset } = checkRecords(input, { severities: config.severities });
  if (exitCodeFor(result, undefined) !== 0) {
    writeReport(result, options, io, config);
    io.stderr('review: publish stopped: the check found errors; no version was recorded\n');
    return 1;
  }

  const dir = versionsFolder(recordsDir);
  const versions = listVersions(dir, io.cwd);
  const latest = versions.at(-1);
  const number = options.publishNumber ?? (latest?.number ?? 0) + 1;
  const path = join(dir, `v${number}.json`);
  const shown = displayPath(path, io.cwd);
  // A published version is a fact readers have seen: it is never rewritten or renumbered.
  if (existsSync(path)) throw new ReviewError('USAGE', `${shown} exists: a published version is never rewritten; publish the next one (--version ${(latest?.number ?? 0) + 1})`, { path });
  if (latest && number <= latest.number) throw new ReviewError('USAGE', `--version ${number}: versions go up; the latest published is ${latest.number}`);
  if (latest && date < latest.date) throw new ReviewError('USAGE', `--date ${date} is before version ${latest.number} (${latest.date})`);
  const snapshot = takeSnapshot(dataset);
  if (latest && sameRecords(latest.snapshot, snapshot)) {
    throw new ReviewError('USAGE', `the records are those of version ${latest.number} (${displayPath(latest.path, io.cwd)}); nothing to publish`);
  }

  mkdirSync(dir, { recursive: true });
  writeFileAtomic(path, serialiseSnapshot({ ...snapshot, number, date }));

  const current = buildReviewModel(dataset, options.lang);
  const earlier = latest && readEarlier(versionRecords(latest, input.vocabulary));
  const previous = earlier && { model: buildReviewModel(earlier.dataset, options.lang), baseline: earlier.baseline };
  const changes = describeChanges(previous, current, () => undefined);
  if (!options.quiet) {
    const lines = [
      `published version ${number} (${date}): wrote ${shown}`,
      `what's new: ${changes.summary}`,
      ...changes.items.map((item) => `  ${item}`),
      `commit it with the records: git add ${displayPath(dir, io.cwd)} && git commit`,
    ];
    io.stderr(lines.join('\n') + '\n');
  }
  return 0;
}

/** `--date`, else SOURCE_DATE_EPOCH's day; never the clock: a version's date is the editor's decision. */
function publicationDate(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (option !== undefined) {
    const day = new Date(`${option}T00:00:00Z`);
    if (!ISO_DATE.test(option) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== option) {
      throw new ReviewError('USAGE', `--date takes a day as YYYY-MM-DD, not '${option}'`);
    }
    return option;
  }
  const fromEpoch = epochDay(env);
  if (fromEpoch !== undefined) return fromEpoch;
  throw new ReviewError('USAGE', 'publish needs the date of the version: --date YYYY-MM-DD, or SOURCE_DATE_EPOCH set (the clock is never read)');
}
