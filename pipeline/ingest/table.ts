// One record file end to end: bytes → decoded text → located CSV rows → validated, normalised records.
import { decodeSource, type ByteSource } from './decode.ts';
import { CsvReader, type CsvRow } from './csv.ts';
import { resolveHeader } from '../schema/headers.ts';
import type { z } from 'zod';
import type { CellIssueParams } from '../schema/columns.ts';
import type { RowSource, SourceCell, TableSpec, TableRecord } from '../schema/tables.ts';
import type { CellFact, EncodingFact, HeaderFact, SyntaxFact } from '../checks/types.ts';
import type { RecordCounts } from '../diagnostic.ts';
import { appendAll } from '../arrays.ts';

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
      sink.syntax({ file, line: problem.line, column: problem.column, kind: problem.kind, detail: problem.detail });
      if (problem.rows !== undefined) {
        // The lines left unread once reading stopped: each a row read and rejected.
        counts.read += problem.rows;
        counts.rejected += problem.rows;
        return;
      }
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
  return { width: row.values.length, validator: new RowValidator(spec, header.columns.map((c) => c.name)) };
}

function ingestRow(file: string, row: CsvRow, index: number, width: number, validator: RowValidator, spec: TableSpec, sink: IngestSink): boolean {
  const source = validator.source(file, row, index);
  const fields = row.values.length;
  if (fields !== width) {
    const place = row.cell(width) ?? row.cell(fields - 1) ?? { line: row.line, column: 1 };
    sink.syntax({
      file,
      line: place.line,
      column: place.column,
      kind: 'ragged-row',
      detail: `row has ${fields} fields, header has ${width}`,
      expected: width,
      actual: fields,
    });
    // A ragged row's cells may have shifted: validating them would only echo the syntax error.
    sink.record({ source, rejected: true, ...validator.keyFields(source) });
    return false;
  }
  const { values, issues } = validator.validate(row);
  // A column missing from the header is reported once there, not again on every row.
  for (const issue of issues) if (source.cell(issue.field) !== undefined) sink.cell({ table: spec.name, row: source, ...issue });
  const rejected = issues.length > 0;
  values.source = source;
  values.rejected = rejected;
  sink.record(values as TableRecord<Record<string, unknown>>);
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
  // The parser's packed row, shared rather than copied into one object per cell.
  private readonly row: CsvRow;
  private readonly layout: ColumnLayout;

  constructor(file: string, row: CsvRow, index: number, layout: ColumnLayout) {
    this.file = file;
    this.line = row.line;
    this.index = index;
    this.layout = layout;
    this.row = row;
  }

  cell(name: string): SourceCell | undefined {
    const i = this.layout.indexOf.get(name);
    return i === undefined ? undefined : this.cellAt(i);
  }

  get cells(): Record<string, SourceCell> {
    const cells: Record<string, SourceCell> = {};
    for (let i = 0; i < this.row.values.length; i++) {
      const name = this.layout.columnOf[i];
      const cell = name === undefined ? undefined : this.cellAt(i);
      if (name !== undefined && cell !== undefined) cells[name] = cell;
    }
    return cells;
  }

  private cellAt(i: number): SourceCell | undefined {
    const cell = this.row.cell(i);
    return cell === undefined ? undefined : { raw: cell.value, line: cell.line, column: cell.column };
  }
}

/** Which column each cell of a row is (undefined: a column the table does not know), and back. */
interface ColumnLayout {
  columnOf: readonly (string | undefined)[];
  indexOf: ReadonlyMap<string, number>;
}

interface Issue {
  field: string;
  kind: 'missing' | 'invalid';
  reason: string;
  suggestion?: string;
}

/** What one column's schema made of one cell text: the value, or the issues. */
type CellOutcome = { ok: true; value: unknown } | { ok: false; issues: Issue[] };

/**
 * Distinct cell texts remembered per column. Most cells repeat (ids, terms, arms, time points, small
 * numbers), so a column's schema runs once per distinct text; past this many, new texts are parsed
 * each time, which bounds what a column of unique values can hold.
 */
const MAX_REMEMBERED_CELLS = 4096;
/**
 * A column whose texts rarely repeat (a free-text "14/25 (56%)" per row) stops remembering after this
 * many look-ups if fewer than half of them were found: hashing every unique text would cost more
 * than parsing it.
 */
const REMEMBER_TRIAL = 2048;

/** One table column: its schema, and the outcomes of the texts it has seen (undefined once remembering stopped paying). */
interface ColumnReader {
  name: string;
  schema: z.ZodType;
  remembered: Map<string, CellOutcome> | undefined;
  lookups: number;
  hits: number;
}

/** Validates rows of one table with its zod schema, one column at a time, so that a failing cell does not cost the row its good values. */
class RowValidator {
  private readonly layout: ColumnLayout;
  /** The table's columns with their schemas, and for each the index of its cell in a row (-1: not in the header). */
  private readonly columns: ColumnReader[];
  private readonly cellIndex: number[];

  constructor(spec: TableSpec, columnOf: (string | undefined)[]) {
    const indexOf = new Map<string, number>();
    columnOf.forEach((name, i) => {
      if (name !== undefined && !indexOf.has(name)) indexOf.set(name, i);
    });
    this.layout = { columnOf, indexOf };
    this.columns = Object.entries(spec.schema.shape).map(([name, schema]) => ({ name, schema: schema as z.ZodType, remembered: new Map(), lookups: 0, hits: 0 }));
    this.cellIndex = this.columns.map(({ name }) => columnOf.indexOf(name));
  }

  source(file: string, row: CsvRow, index: number): RowSource {
    return new CsvRowSource(file, row, index, this.layout);
  }

  /** The key columns of a row that could not be validated, so that links to it still resolve. */
  keyFields(source: RowSource): Record<string, unknown> {
    const keys: Record<string, unknown> = {};
    for (const key of ['id', 'study_id'] as const) {
      const raw = source.cell(key)?.raw.trim();
      if (raw) keys[key] = raw;
    }
    return keys;
  }

  validate(row: CsvRow): { values: Record<string, unknown>; issues: Issue[] } {
    const values: Record<string, unknown> = {};
    let issues: Issue[] | undefined;
    // Each column's schema runs on its own cell: measured here, zod's object parse costs about four
    // times the sum of its columns.
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i] as ColumnReader;
      const at = this.cellIndex[i] as number;
      const outcome = readCell(column, at < 0 ? '' : (row.values[at] ?? ''));
      if (outcome.ok) {
        if (outcome.value !== undefined) values[column.name] = outcome.value;
      } else {
        appendAll((issues ??= []), outcome.issues);
      }
    }
    return { values, issues: issues ?? [] };
  }
}

/** A cell's outcome: remembered when its text was seen before, else parsed (and remembered while that pays). */
function readCell(column: ColumnReader, text: string): CellOutcome {
  const remembered = column.remembered;
  if (remembered === undefined) return parseCell(column.name, column.schema, text);
  const known = remembered.get(text);
  column.lookups++;
  if (known !== undefined) {
    column.hits++;
    return known;
  }
  const outcome = parseCell(column.name, column.schema, text);
  if (remembered.size < MAX_REMEMBERED_CELLS) remembered.set(text, outcome.ok ? { ok: true, value: deepFreeze(outcome.value) } : outcome);
  if (column.lookups === REMEMBER_TRIAL && column.hits * 2 < column.lookups) column.remembered = undefined;
  return outcome;
}

/** One cell through its column's schema. */
function parseCell(field: string, schema: z.ZodType, text: string): CellOutcome {
  const result = schema.safeParse(text);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((zodIssue): Issue => {
    const params = ((zodIssue as { params?: CellIssueParams }).params ?? { kind: 'invalid' }) satisfies CellIssueParams;
    const issue: Issue = { field, kind: params.kind, reason: zodIssue.message };
    if (params.suggestion !== undefined) issue.suggestion = params.suggestion;
    return issue;
  });
  return { ok: false, issues };
}

/** A remembered value is shared by every row with the same text, so no rule may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
