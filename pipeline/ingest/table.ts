// One record file end to end: bytes → decoded text → located CSV rows → validated, normalised records.
import { decodeSource, type ByteSource } from './decode.ts';
import { CsvReader, type CsvCell, type CsvRow } from './csv.ts';
import { resolveHeader } from '../schema/headers.ts';
import type { z } from 'zod';
import type { CellIssueParams } from '../schema/columns.ts';
import type { RowSource, SourceCell, TableSpec, TableRecord } from '../schema/tables.ts';
import type { CellFact, EncodingFact, HeaderFact, SyntaxFact } from '../checks/types.ts';
import type { RecordCounts } from '../diagnostic.ts';

/** Receives what ingest finds, in file order; the runner passes it on to the rules. */
export interface IngestSink {
  encoding(fact: EncodingFact): void;
  syntax(fact: SyntaxFact): void;
  header(fact: HeaderFact): void;
  cell(fact: CellFact): void;
  record(record: TableRecord<Record<string, unknown>>): void;
}

/**
 * Reads one table file and feeds the sink. Every data row is counted: a row is rejected when it is
 * ragged, unreadable (a syntax error) or has an invalid or missing required cell.
 */
export function ingestTable(file: string, bytes: ByteSource, spec: TableSpec, sink: IngestSink): RecordCounts {
  const counts: RecordCounts = { read: 0, accepted: 0, rejected: 0 };
  let header: { width: number; validator: RowValidator } | undefined;
  // When the header row itself cannot be read, no later row can be matched to columns: each is
  // counted and rejected, rather than the first data row being taken for the header.
  let headerUnreadable = false;
  let index = 0;
  const reader = new CsvReader({
    problem(problem) {
      if (!problem.unlisted) sink.syntax({ file, line: problem.line, column: problem.column, kind: problem.kind, detail: problem.detail });
      if (!REJECTS_A_RECORD.has(problem.kind)) return;
      if (!header && !headerUnreadable) {
        headerUnreadable = true;
        return;
      }
      // A record the parser could not read is a row read and rejected, never silently gone.
      counts.read++;
      counts.rejected++;
    },
    row(row) {
      if (headerUnreadable) {
        counts.read++;
        counts.rejected++;
        return;
      }
      if (!header) {
        header = readHeader(file, row, spec, sink);
        return;
      }
      index++;
      counts.read++;
      if (ingestRow(file, row, index, header.width, header.validator, spec, sink)) counts.accepted++;
      else counts.rejected++;
    },
  });
  const decoded = decodeSource(bytes, (text) => reader.push(text));
  reader.end();
  sink.encoding({ file, ...decoded });
  if (headerUnreadable && counts.read > 0) {
    sink.syntax({ file, line: 1, column: 1, kind: 'malformed', detail: `the header row cannot be read, so the ${counts.read} rows after it were not checked` });
  }
  if (!header && !headerUnreadable) {
    sink.syntax({ file, line: 1, column: 1, kind: 'empty-file', detail: `the file is empty; expected a header row with ${spec.requiredColumns.join(', ')}` });
  }
  return counts;
}

const REJECTS_A_RECORD: ReadonlySet<string> = new Set(['unclosed-quote', 'stray-quote', 'malformed', 'cell-too-large']);

function readHeader(file: string, row: CsvRow, spec: TableSpec, sink: IngestSink): { width: number; validator: RowValidator } {
  const header = resolveHeader(row.cells, spec);
  for (const duplicate of header.duplicates) {
    sink.syntax({ file, line: duplicate.line, column: duplicate.column, kind: 'duplicate-column', detail: `column '${duplicate.raw}' appears twice` });
  }
  sink.header({ file, table: spec.name, line: row.line, columns: header.columns, missing: header.missing });
  return { width: row.cells.length, validator: new RowValidator(spec, header.columns.map((c) => c.name)) };
}

function ingestRow(file: string, row: CsvRow, index: number, width: number, validator: RowValidator, spec: TableSpec, sink: IngestSink): boolean {
  const source = validator.source(file, row, index);
  if (row.cells.length !== width) {
    const extra = row.cells[width];
    const place = extra ?? row.cells[row.cells.length - 1] ?? { line: row.line, column: 1 };
    sink.syntax({
      file,
      line: place.line,
      column: place.column,
      kind: 'ragged-row',
      detail: `row has ${row.cells.length} fields, header has ${width}`,
      expected: width,
      actual: row.cells.length,
    });
    // A ragged row's cells may have shifted: validating them would only echo the syntax error.
    sink.record({ source, rejected: true, ...validator.keyFields(source) });
    return false;
  }
  const { values, issues } = validator.validate(row);
  // A column missing from the header is reported once there, not again on every row.
  for (const issue of issues) if (issue.field in source.cells) sink.cell({ table: spec.name, row: source, ...issue });
  const rejected = issues.length > 0;
  sink.record({ ...values, source, rejected });
  return !rejected;
}

/**
 * A row's source, with its cells by column name built only when asked for: most rows are never
 * reported, and a million rows of small objects is what would fill the heap.
 */
class CsvRowSource implements RowSource {
  readonly file: string;
  readonly line: number;
  readonly index: number;
  // Packed, not one object per cell: references and studies stay in the lookup maps for the whole
  // run, and tens of thousands of rows of small objects are what would fill the heap.
  private readonly values: string[];
  private readonly places: number[];
  private readonly columnOf: readonly (string | undefined)[];

  constructor(file: string, row: CsvRow, index: number, columnOf: readonly (string | undefined)[]) {
    this.file = file;
    this.line = row.line;
    this.index = index;
    this.columnOf = columnOf;
    this.values = row.cells.map((cell) => cell.value);
    this.places = row.cells.flatMap((cell) => [cell.line, cell.column]);
  }

  get cells(): Record<string, SourceCell> {
    const cells: Record<string, SourceCell> = {};
    this.values.forEach((raw, i) => {
      const name = this.columnOf[i];
      if (name !== undefined) cells[name] = { raw, line: this.places[2 * i] as number, column: this.places[2 * i + 1] as number };
    });
    return cells;
  }
}

interface Issue {
  field: string;
  kind: 'missing' | 'invalid';
  reason: string;
  suggestion?: string;
}

/** Validates rows of one table with its zod schema; a failing row is re-validated cell by cell to keep its good values. */
class RowValidator {
  private readonly columnOf: (string | undefined)[];
  /** The table's columns with their schemas, and for each the index of its cell in a row (-1: not in the header). */
  private readonly columns: { name: string; schema: z.ZodType }[];
  private readonly cellIndex: number[];

  constructor(spec: TableSpec, columnOf: (string | undefined)[]) {
    this.columnOf = columnOf;
    this.columns = Object.entries(spec.schema.shape).map(([name, schema]) => ({ name, schema: schema as z.ZodType }));
    this.cellIndex = this.columns.map(({ name }) => columnOf.indexOf(name));
  }

  source(file: string, row: CsvRow, index: number): RowSource {
    return new CsvRowSource(file, row, index, this.columnOf);
  }

  /** The key columns of a row that could not be validated, so that links to it still resolve. */
  keyFields(source: RowSource): Record<string, unknown> {
    const keys: Record<string, unknown> = {};
    for (const key of ['id', 'study_id'] as const) {
      const raw = source.cells[key]?.raw.trim();
      if (raw) keys[key] = raw;
    }
    return keys;
  }

  validate(row: CsvRow): { values: Record<string, unknown>; issues: Issue[] } {
    const values: Record<string, unknown> = {};
    const issues: Issue[] = [];
    // Each column's schema runs on its own cell: measured here, zod's object parse costs about four
    // times the sum of its columns, and per column a failing cell does not cost the row its good values.
    for (let i = 0; i < this.columns.length; i++) {
      const { name, schema } = this.columns[i] as { name: string; schema: z.ZodType };
      const at = this.cellIndex[i] as number;
      const result = schema.safeParse(at < 0 ? '' : (row.cells[at]?.value ?? ''));
      if (result.success) {
        if (result.data !== undefined) values[name] = result.data;
        continue;
      }
      for (const zodIssue of result.error.issues) {
        const params = ((zodIssue as { params?: CellIssueParams }).params ?? { kind: 'invalid' }) satisfies CellIssueParams;
        const issue: Issue = { field: name, kind: params.kind, reason: zodIssue.message };
        if (params.suggestion !== undefined) issue.suggestion = params.suggestion;
        issues.push(issue);
      }
    }
    return { values, issues };
  }
}
