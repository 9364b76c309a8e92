// Resolves a table's header row: aliases (Chinese and English) to column names, unknown and missing columns.
import { nearest } from '../normalise/nearest.ts';
import type { CsvCell } from '../ingest/csv.ts';
import type { HeaderColumn } from '../checks/types.ts';
import type { TableSpec } from './tables.ts';

export interface ResolvedHeader {
  columns: HeaderColumn[];
  /** Required columns absent, and optional ones absent while a header cell is near their name (a misspelling). */
  missing: { name: string; nearest?: HeaderColumn }[];
  /** Header cells naming a column already named by an earlier cell. */
  duplicates: HeaderColumn[];
}

/** Lower-case, spaces and hyphens as underscores, full-width letters folded: "Sample Size" → "sample_size". */
export function headerKey(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function resolveHeader(cells: readonly CsvCell[], spec: TableSpec): ResolvedHeader {
  const known = Object.keys(spec.schema.shape);
  const seen = new Set<string>();
  const columns: HeaderColumn[] = [];
  const duplicates: HeaderColumn[] = [];
  for (const cell of cells) {
    const key = headerKey(cell.value);
    const name = known.includes(key) ? key : spec.aliases[key] ?? spec.aliases[cell.value.trim()];
    const column: HeaderColumn = { raw: cell.value, name, line: cell.line, column: cell.column };
    if (name === undefined) {
      const suggestion = nearest(key, known);
      if (suggestion !== undefined) column.suggestion = suggestion;
    } else if (seen.has(name)) {
      duplicates.push(column);
      column.name = undefined;
      column.duplicate = true;
    } else {
      seen.add(name);
    }
    columns.push(column);
  }
  const missing: ResolvedHeader['missing'] = spec.requiredColumns
    .filter((name) => !seen.has(name))
    .map((name) => {
      const near = columns.find((c) => c.name === undefined && c.suggestion === name);
      return near ? { name, nearest: near } : { name };
    });
  // An optional column absent while a cell is near its name is a misspelling whose values would be lost
  // (`n_enroled`), not an extra column: it counts as missing, at that cell. One cell per column, the first.
  const required = new Set(spec.requiredColumns);
  for (const column of columns) {
    const name = column.suggestion;
    if (column.name !== undefined || name === undefined || required.has(name) || seen.has(name) || missing.some((m) => m.name === name)) continue;
    missing.push({ name, nearest: column });
  }
  return { columns, missing, duplicates };
}
