// One record file end to end: bytes → decoded text → located CSV rows → validated, normalised records.
import { decodeBytes } from './decode.ts';
import { parseCsv, type CsvRow } from './csv.ts';
import { resolveHeader } from '../schema/headers.ts';
import type { CellIssueParams } from '../schema/columns.ts';
import type { RowSource, TableSpec, TableRecord } from '../schema/tables.ts';
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
export function ingestTable(file: string, bytes: Uint8Array, spec: TableSpec, sink: IngestSink): RecordCounts {
  const decoded = decodeBytes(bytes);
  sink.encoding({ file, encoding: decoded.encoding, undecodable: decoded.undecodable, strayBoms: decoded.strayBoms });
  const document = parseCsv(decoded.text);
  const counts: RecordCounts = { read: 0, accepted: 0, rejected: 0 };
  for (const problem of document.problems) {
    sink.syntax({ file, line: problem.line, column: problem.column, kind: problem.kind, detail: problem.detail });
    if (problem.kind === 'unclosed-quote' || problem.kind === 'stray-quote' || problem.kind === 'malformed') {
      counts.read++;
      counts.rejected++;
    }
  }
  const [headerRow, ...dataRows] = document.rows;
  if (!headerRow) {
    sink.syntax({ file, line: 1, column: 1, kind: 'empty-file', detail: `the file is empty; expected a header row with ${spec.requiredColumns.join(', ')}` });
    return counts;
  }
  const header = resolveHeader(headerRow.cells, spec);
  for (const duplicate of header.duplicates) {
    sink.syntax({ file, line: duplicate.line, column: duplicate.column, kind: 'duplicate-column', detail: `column '${duplicate.raw}' appears twice` });
  }
  sink.header({ file, table: spec.name, line: headerRow.line, columns: header.columns, missing: header.missing });
  const validator = new RowValidator(spec, header.columns.map((c) => c.name));
  let index = 0;
  for (const row of dataRows) {
    index++;
    counts.read++;
    const accepted = ingestRow(file, row, index, headerRow.cells.length, validator, spec, sink);
    if (accepted) counts.accepted++;
    else counts.rejected++;
  }
  return counts;
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
  const { values, issues } = validator.validate(source);
  // A column missing from the header is reported once there, not again on every row.
  for (const issue of issues) if (issue.field in source.cells) sink.cell({ table: spec.name, row: source, ...issue });
  const rejected = issues.length > 0;
  sink.record({ ...values, source, rejected });
  return !rejected;
}

interface Issue {
  field: string;
  kind: 'missing' | 'invalid';
  reason: string;
  suggestion?: string;
}

/** Validates rows of one table with its zod schema; a failing row is re-validated cell by cell to keep its good values. */
class RowValidator {
  private readonly spec: TableSpec;
  private readonly columnOf: (string | undefined)[];
  private readonly fieldNames: string[];

  constructor(spec: TableSpec, columnOf: (string | undefined)[]) {
    this.spec = spec;
    this.columnOf = columnOf;
    this.fieldNames = Object.keys(spec.schema.shape);
  }

  source(file: string, row: CsvRow, index: number): RowSource {
    const cells: RowSource['cells'] = {};
    row.cells.forEach((cell, i) => {
      const name = this.columnOf[i];
      if (name !== undefined) cells[name] = { raw: cell.value, line: cell.line, column: cell.column };
    });
    return { file, line: row.line, index, cells };
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

  validate(source: RowSource): { values: Record<string, unknown>; issues: Issue[] } {
    const input: Record<string, string> = {};
    for (const name of this.fieldNames) input[name] = source.cells[name]?.raw ?? '';
    const whole = this.spec.schema.safeParse(input);
    if (whole.success) return { values: whole.data as Record<string, unknown>, issues: [] };
    const values: Record<string, unknown> = {};
    const issues: Issue[] = [];
    for (const name of this.fieldNames) {
      const column = this.spec.schema.shape[name];
      if (!column) continue;
      const result = column.safeParse(input[name]);
      if (result.success) {
        values[name] = result.data;
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
