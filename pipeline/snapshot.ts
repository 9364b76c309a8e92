// A snapshot of the records: every accepted row's cells as written, what `review publish` keeps in versions/ and a build compares with.
import { z } from 'zod';
import { ReviewError } from './errors.ts';
import type { Dataset, InputFile, RecordsInput } from './run.ts';
import { OPTIONAL_TABLES, TABLE_NAMES, tableSpecs, type DataTableName, type RowSource } from './schema/tables.ts';

/** One row: its non-empty cells as written, by column name, in the table's column order. */
export type SnapshotRow = Record<string, string>;

/**
 * The records of one version. `number` and `date` are set in a published version (versions/vN.json)
 * only. An optional table (analyses, flow, risk of bias, certainty) appears only when it has rows, so versions
 * published before it existed read, and write, as they did.
 */
export type Snapshot = {
  snapshot: 1;
  number?: number;
  date?: string;
  references: SnapshotRow[];
  studies: SnapshotRow[];
  outcomes: SnapshotRow[];
} & Partial<Record<DataTableName, SnapshotRow[]>>;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The accepted rows of the dataset, in file order (rows are what readers see in that order). */
export function takeSnapshot(dataset: Dataset): Snapshot {
  const specs = tableSpecs(dataset.vocabulary);
  const rowsOf = (table: DataTableName): SnapshotRow[] => {
    const columns = Object.keys(specs[table].schema.shape);
    return dataset[table].filter((record) => !record.rejected).map((record) => cellsOf(record.source, columns));
  };
  const snapshot: Snapshot = { snapshot: 1, references: rowsOf('references'), studies: rowsOf('studies'), outcomes: rowsOf('outcomes') };
  for (const table of OPTIONAL_TABLES) {
    const rows = rowsOf(table);
    if (rows.length > 0) snapshot[table] = rows;
  }
  return snapshot;
}

function cellsOf(source: RowSource, columns: readonly string[]): SnapshotRow {
  const cells: SnapshotRow = {};
  for (const name of columns) {
    const value = source.cell(name)?.raw.trim();
    if (value) cells[name] = value;
  }
  return cells;
}

/** Whether two snapshots hold the same records (their number and date aside), whatever the order of a row's keys. */
export function sameRecords(a: Snapshot, b: Snapshot): boolean {
  const canonical = (rows: readonly SnapshotRow[]) => JSON.stringify(rows.map((row) => Object.entries(row).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))));
  return TABLE_NAMES.every((table) => canonical(a[table] ?? []) === canonical(b[table] ?? []));
}

/**
 * Readable, stable JSON: one row per line, so that in a pull request a changed row is one changed
 * line, and the same records always give the same bytes.
 */
export function serialiseSnapshot(snapshot: Snapshot): string {
  const lines = ['{', `  "snapshot": ${snapshot.snapshot},`];
  if (snapshot.number !== undefined) lines.push(`  "number": ${snapshot.number},`);
  if (snapshot.date !== undefined) lines.push(`  "date": ${JSON.stringify(snapshot.date)},`);
  const tables = TABLE_NAMES.filter((table) => snapshot[table] !== undefined);
  tables.forEach((table, i) => {
    const rows = snapshot[table] ?? [];
    const end = i === tables.length - 1 ? '' : ',';
    if (rows.length === 0) lines.push(`  "${table}": []${end}`);
    else lines.push(`  "${table}": [`, rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n'), `  ]${end}`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

const ROWS = z.array(z.record(z.string(), z.string()));
const SNAPSHOT_SCHEMA = z.strictObject({
  snapshot: z.literal(1),
  number: z.number().int().positive().optional(),
  date: z.string().regex(ISO_DATE).optional(),
  references: ROWS,
  studies: ROWS,
  outcomes: ROWS,
  ...Object.fromEntries([...OPTIONAL_TABLES].map((table) => [table, ROWS.optional()])),
});

/** Reads a snapshot; anything else is an operational error naming the file and what is wrong (never a silent "first version"). */
export function parseSnapshot(text: string, path: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    // V8's message quotes the start of the text ("root:x:0:0:"... is not valid JSON): --since may name a file outside
    // the review, and none of it is shown.
    throw new ReviewError('UNREADABLE', `${path}: not valid JSON, so not a snapshot of records (review publish and review build write them)`, { path, cause });
  }
  const parsed = SNAPSHOT_SCHEMA.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ReviewError('UNREADABLE', `${path}: not a snapshot of records (review publish writes them)${where}: ${issue?.message ?? 'invalid'}`, { path });
  }
  return parsed.data as Snapshot;
}

/** The key column of the tables whose key is not `id`. */
const KEY_COLUMNS: Partial<Record<DataTableName, string>> = { outcomes: 'study_id', flow: 'key', risk_of_bias: 'study_id', certainty: 'analysis_id' };

/**
 * The snapshot as record files, so an earlier version is read (validated and normalised) by the very
 * code that reads today's records. Every cell is quoted, so nothing is changed on the way.
 */
export function snapshotRecords(snapshot: Snapshot, name: string, vocabulary?: InputFile): RecordsInput {
  const tables: RecordsInput['tables'] = {};
  for (const table of TABLE_NAMES) {
    const rows = snapshot[table];
    // Only an optional table can be absent (the schema requires the others): it is not read, as a folder without it.
    if (rows === undefined) continue;
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    // A table with no rows still needs its key columns, or reading it would report a missing column.
    if (columns.length === 0) columns.push(KEY_COLUMNS[table] ?? 'id');
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const text = [columns.map(quote).join(','), ...rows.map((row) => columns.map((column) => quote(row[column] ?? '')).join(','))].join('\n') + '\n';
    tables[table] = { path: `${name}:${table}.csv`, bytes: new TextEncoder().encode(text) };
  }
  return vocabulary ? { tables, vocabulary } : { tables };
}
