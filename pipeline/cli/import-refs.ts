// `review import-refs FILE`: adds the works of a reference export to references.csv, and says what it could not read, map or add.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReviewError } from '../errors.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { detectFormat, FORMAT_NAMES, readBibliographicFile } from '../citations/bibliographic-file.ts';
import { planImport, REFERENCE_COLUMNS } from '../citations/import-refs.ts';
import { csvRow } from '../render/csv.ts';
import type { CliOptions } from './args.ts';
import { appendRows, openTarget } from './import-target.ts';
import { displayPath, readInputFile } from './files.ts';
import type { CliIO } from './io.ts';

/** The largest export read: reference files are some megabytes; past this it is not one. */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** Exit 0 when every entry was read, 1 when some could not be (the others are added), 2 when none could. */
export function runImportRefsCommand(options: CliOptions, io: CliIO): number {
  const [sourcePath, ...extra] = options.positionals;
  if (sourcePath === undefined || extra.length > 0) throw new ReviewError('USAGE', 'import-refs takes one file: review import-refs FILE [--into records/references.csv]');
  const source = readSource(resolve(io.cwd, sourcePath), io.cwd);
  const detected = detectFormat(source.path, source.text);
  if ('refused' in detected) throw new ReviewError('UNSUPPORTED_FORMAT', `${source.path}: ${detected.refused}`);
  const read = readBibliographicFile(source.text, detected.format);
  if (read.entries.length === 0) throw new ReviewError('UNSUPPORTED_FORMAT', `${source.path} (${FORMAT_NAMES[read.format]}): ${read.problems.join('; ')}`);

  const target = openTarget(resolve(io.cwd, options.into), io.cwd);
  const plan = planImport(read.entries, target.existing, source.path);
  const columns = target.state === 'rows' ? target.columns : [...REFERENCE_COLUMNS];
  const lines = plan.rows.map((row) => csvRow(columns.map((column) => row[column] ?? '')));
  if (plan.rows.length > 0) appendRows(target, target.state === 'rows' ? undefined : csvRow(columns), lines);

  const report = [
    `read ${read.entries.length} ${read.entries.length === 1 ? 'entry' : 'entries'} of ${source.path} (${FORMAT_NAMES[read.format]}); ` +
      `added ${plan.rows.length} to ${target.shown}${plan.rows.length ? ` (status unverified): ${listIds(plan.rows.map((r) => r.id ?? ''))}` : ''}`,
  ];
  for (const tidied of target.tidied) report.push(`removed ${tidied}, left by an import that was stopped`);
  for (const problem of read.problems) report.push(problem);
  for (const note of plan.notes) report.push(note);
  for (const [field, count] of [...plan.unmapped].sort(([a], [b]) => (a < b ? -1 : 1))) report.push(`not mapped: ${field} (${count} ${count === 1 ? 'item' : 'items'})`);
  for (const column of REFERENCE_COLUMNS) if (!columns.includes(column)) report.push(`not written: ${target.shown} has no '${column}' column`);
  io.stderr(report.join('\n') + '\n');
  return read.unreadable > 0 ? 1 : 0;
}

const SHOWN_IDS = 20;

/** The new ids, the first twenty of a long list: the report stays readable for a file of thousands. */
function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).join(', ');
  return ids.length > SHOWN_IDS ? `${shown} … and ${ids.length - SHOWN_IDS} more` : shown;
}

/** The export, decoded: a regular file (a device or FIFO would never end) of at most MAX_SOURCE_BYTES. */
function readSource(path: string, cwd: string): { path: string; text: string } {
  const shown = displayPath(path, cwd);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new ReviewError('MISSING_FILE', `${shown} does not exist`, { path });
  }
  if (!stat.isFile()) throw new ReviewError('UNREADABLE', `${shown} is not a regular file`, { path });
  if (stat.size > MAX_SOURCE_BYTES) throw new ReviewError('LIMIT', `${shown} is ${Math.round(stat.size / 2 ** 20)} MiB; a reference export is at most ${MAX_SOURCE_BYTES / 2 ** 20} MiB`, { path });
  const file = readInputFile(path, cwd);
  return { path: file.path, text: decodeBytes(file.bytes).text };
}
