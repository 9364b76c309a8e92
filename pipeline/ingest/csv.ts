// Adapter for csv-parse: decoded text to rows whose every field knows its own 1-based line and column.
import { parse, CsvError, type Options } from 'csv-parse/sync';
import type { TextPosition } from './decode.ts';

/** One field as written, with where it starts (1-based line and column of its first character or opening quote). */
export interface CsvCell {
  value: string;
  line: number;
  column: number;
}

/** One CSV record; `line` is the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: CsvCell[];
}

export type CsvProblemKind = 'unclosed-quote' | 'stray-quote' | 'malformed' | 'nul-byte' | 'too-many-problems';

/** A syntax problem; the record it concerns counts as one row read and rejected. */
export interface CsvProblem extends TextPosition {
  kind: CsvProblemKind;
  detail: string;
}

export interface CsvDocument {
  rows: CsvRow[];
  problems: CsvProblem[];
}

/** After this many syntax errors in one file, parsing stops: the file is not CSV in any useful sense. */
const MAX_SYNTAX_PROBLEMS = 100;

interface ParsedRecord {
  record: string[];
  raw: string;
}

/**
 * Parses CSV text into located rows. Line ends are unified to LF first: csv-parse fixes the record
 * delimiter from the first one it sees (a file mixing CRLF and LF keeps stray CRs) and counts CRLF
 * inside quotes twice; with LF only, lines and columns stay where an editor shows them.
 * On a syntax error, parsing resumes on the line after the bad record's first line, so one stray
 * quote loses no other row.
 */
export function parseCsv(text: string): CsvDocument {
  const unified = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const lines = new LineIndex(unified);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let start = 0;
  while (start < unified.length) {
    const chunk = start === 0 ? unified : unified.slice(start);
    const parsed: ParsedRecord[] = [];
    let failure: CsvError | undefined;
    try {
      parse(chunk, {
        raw: true,
        bom: true,
        record_delimiter: '\n',
        relax_column_count: true,
        skip_empty_lines: true,
        // With `raw: true` csv-parse passes { record, raw } here, which its typings do not model.
        on_record: ((entry: ParsedRecord) => {
          parsed.push(entry);
          return entry;
        }) as unknown as Options['on_record'],
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      failure = error;
    }
    const next = placeRecords(parsed, unified, start, lines, rows);
    if (!failure) break;
    const badStart = skipBlankLines(unified, next);
    problems.push(problemAt(failure, unified, badStart, lines));
    if (problems.length >= MAX_SYNTAX_PROBLEMS) {
      problems.push({ kind: 'too-many-problems', ...lines.positionOf(badStart), detail: `stopped after ${MAX_SYNTAX_PROBLEMS} syntax errors` });
      break;
    }
    start = lines.startOfLineAfter(badStart);
  }
  const nul = unified.indexOf('\u0000');
  if (nul >= 0) problems.push({ kind: 'nul-byte', ...lines.positionOf(nul), detail: 'the file contains NUL bytes, as binary files do' });
  return { rows, problems };
}

/** Gives each record its position from the running offset; returns the offset after the last one. */
function placeRecords(parsed: readonly ParsedRecord[], text: string, from: number, lines: LineIndex, rows: CsvRow[]): number {
  let offset = from;
  for (const { record, raw } of parsed) {
    // With skip_empty_lines, a record's raw text begins with the blank lines skipped before it.
    const start = skipBlankLines(text, offset);
    const lead = start - offset;
    const cells: CsvCell[] = [];
    let at = lead;
    for (const value of record) {
      cells.push({ value, ...lines.positionOf(offset + at) });
      at = endOfField(raw, at) + 1;
    }
    rows.push({ line: lines.lineOf(start), cells });
    offset += raw.length;
  }
  return offset;
}

function skipBlankLines(text: string, offset: number): number {
  let at = offset;
  while (text.charCodeAt(at) === 10) at++;
  return at;
}

/** Offset of the comma (or end) that closes the field starting at `from`; quotes are part of the field. */
function endOfField(raw: string, from: number): number {
  let at = from;
  if (raw.charCodeAt(from) === 34 /* " */) {
    at = from + 1;
    for (;;) {
      const quote = raw.indexOf('"', at);
      if (quote < 0) return raw.length;
      if (raw.charCodeAt(quote + 1) !== 34) {
        at = quote + 1;
        break;
      }
      at = quote + 2;
    }
  }
  const comma = raw.indexOf(',', at);
  const newline = raw.indexOf('\n', at);
  const end = comma < 0 ? raw.length : comma;
  return newline >= 0 && newline < end ? newline : end;
}

/** Where the error really is: the opening quote of an unclosed field, or the stray quote itself. */
function problemAt(error: CsvError, text: string, recordStart: number, lines: LineIndex): CsvProblem {
  const details = error as unknown as { raw?: string; index?: number };
  // Like a record's raw text, the error's may begin with the blank lines skipped before the record.
  const raw = typeof details.raw === 'string' ? details.raw.replace(/^\n+/, '') : '';
  const fieldIndex = typeof details.index === 'number' ? details.index : 0;
  let fieldStart = 0;
  for (let i = 0; i < fieldIndex && fieldStart < raw.length; i++) fieldStart = endOfField(raw, fieldStart) + 1;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { kind: 'unclosed-quote', ...lines.positionOf(recordStart + fieldStart), detail: 'this quoted field is never closed' };
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE': {
      const quote = raw.lastIndexOf('"');
      const at = recordStart + (quote >= 0 ? quote : fieldStart);
      const detail =
        error.code === 'INVALID_OPENING_QUOTE'
          ? 'a quote inside an unquoted field; quote the whole field and double inner quotes ("")'
          : 'text after a closing quote; double quotes inside a quoted field ("")';
      return { kind: 'stray-quote', ...lines.positionOf(at), detail };
    }
    default:
      return { kind: 'malformed', ...lines.positionOf(recordStart), detail: error.message };
  }
}

/** Offsets of line starts in LF-only text, for O(log n) offset → line and column. */
class LineIndex {
  private readonly starts: number[] = [0];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  positionOf(offset: number): TextPosition {
    const line = this.lineOf(offset);
    return { line, column: offset - (this.starts[line - 1] ?? 0) + 1 };
  }

  startOfLineAfter(offset: number): number {
    return this.starts[this.lineOf(offset)] ?? this.length;
  }
}
