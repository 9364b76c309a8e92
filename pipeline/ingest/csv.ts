// Adapter for csv-parse: decoded text, fed in chunks, to rows whose every field knows its own 1-based line and column.
import { Parser, CsvError, type Options } from 'csv-parse';
import type { TextPosition } from './decode.ts';

/** One field as written, with where it starts (1-based line and column of its first character or opening quote). */
export interface CsvCell {
  value: string;
  line: number;
  column: number;
}

/**
 * One CSV record; `line` is the 1-based line it starts on. Its fields are kept packed rather than as
 * one object per cell (a million rows make eighteen million cells), and a row without quotes keeps no
 * places at all: its fields sit on its line one comma after another, so a place is worked out when asked for.
 */
export class CsvRow {
  readonly line: number;
  readonly values: readonly string[];
  /** Line and column of each field, in pairs; undefined for a row without quotes. */
  private readonly places: readonly number[] | undefined;
  /** A row without quotes: each field's column, worked out once a far field is asked for (a header of 100,000 columns). */
  private columns: Int32Array | undefined;

  constructor(line: number, values: readonly string[], places: readonly number[] | undefined) {
    this.line = line;
    this.values = values;
    this.places = places;
  }

  /** The field at `index` with its place, or undefined past the last field. */
  cell(index: number): CsvCell | undefined {
    const value = this.values[index];
    if (value === undefined) return undefined;
    if (this.places !== undefined) return { value, line: this.places[2 * index] as number, column: this.places[2 * index + 1] as number };
    if (index < NEAR_FIELDS) {
      let column = 1;
      for (let i = 0; i < index; i++) column += (this.values[i] as string).length + 1;
      return { value, line: this.line, column };
    }
    this.columns ??= columnsOf(this.values);
    return { value, line: this.line, column: this.columns[index] as number };
  }

  /** Every field with its place (built on each call, in one pass). */
  get cells(): CsvCell[] {
    if (this.places !== undefined) return this.values.map((_, index) => this.cell(index) as CsvCell);
    let column = 1;
    return this.values.map((value) => {
      const cell = { value, line: this.line, column };
      column += value.length + 1;
      return cell;
    });
  }
}

/** Fields this close to the start of a row are placed by summing the widths before them; farther ones from a table made once. */
const NEAR_FIELDS = 32;

/** The 1-based column of each field of a row without quotes (a record is at most MAX_RECORD_CHARS, so Int32 holds it). */
function columnsOf(values: readonly string[]): Int32Array {
  const columns = new Int32Array(values.length);
  let column = 1;
  for (let i = 0; i < values.length; i++) {
    columns[i] = column;
    column += (values[i] as string).length + 1;
  }
  return columns;
}

export type CsvProblemKind = 'unclosed-quote' | 'stray-quote' | 'malformed' | 'nul-byte' | 'cell-too-large' | 'too-many-problems';

/** A syntax problem; the record it concerns counts as one row read and rejected. */
export interface CsvProblem extends TextPosition {
  kind: CsvProblemKind;
  detail: string;
  /** For 'too-many-problems': the rows (non-blank lines) left unread, each counted as read and rejected. */
  rows?: number;
}

export interface CsvSink {
  row(row: CsvRow): void;
  problem(problem: CsvProblem): void;
}

/**
 * After this many syntax errors in one file, reading stops: a file this broken (a binary file, a
 * wrong delimiter) is not worth reading on, and each error costs a new parse of the rest of its
 * piece. The lines left are counted as rejected rows, so that no row goes unaccounted.
 */
export const MAX_SYNTAX_PROBLEMS = 100;
/** Text is handed to the parser in pieces of at most this many characters: after a syntax error, only the rest of one piece is parsed again. */
const PIECE_CHARS = 16 * 1024;
/** The largest record (one row, quotes included) read; a longer one is reported, not held in memory. */
export const MAX_RECORD_CHARS = 10 * 1024 * 1024;

interface ParsedRecord {
  record: string[];
  raw: string;
}

/** csv-parse's incremental parser, as its Node stream wraps it: `parse(buffer, end, push, close)` returns an error or nothing. */
interface IncrementalParser {
  parse(buffer: Buffer | undefined, end: boolean, push: (entry: ParsedRecord) => void, close: () => void): CsvError | undefined;
}

const OPTIONS: Options = { raw: true, bom: true, record_delimiter: '\n', relax_column_count: true, skip_empty_lines: true };

function newParser(): IncrementalParser {
  // The stream class exposes the synchronous core as `api`; driving it directly keeps ingest synchronous and streaming.
  const api = (new Parser(OPTIONS) as unknown as { api: IncrementalParser & { state: ParserState } }).api;
  // With relax_column_count, csv-parse still builds (and throws away) an error, with a stack trace and
  // a deep copy of the record, for every row whose width differs from the first one's: 30 µs a row,
  // most of the time of a file of ragged rows. Ingest compares widths with the header itself, so
  // the width the parser expects is made to be always the record's own.
  Object.defineProperty(api.state, 'expectedRecordLength', { get: () => api.state.record.length, set: () => {} });
  return api;
}

/** The part of csv-parse's internal state `newParser` reaches into. */
interface ParserState {
  record: unknown[];
}

/**
 * Reads CSV text chunk by chunk and reports located rows and problems to a sink, holding only the
 * record being read. Line ends are unified to LF first: csv-parse fixes the record delimiter from
 * the first one it sees (a file mixing CRLF and LF keeps stray CRs) and counts CRLF inside quotes
 * twice; with LF only, lines and columns stay where an editor shows them. On a syntax error,
 * parsing resumes on the line after the bad record's first line, so one stray quote loses no other row.
 */
export class CsvReader {
  private readonly sink: CsvSink;
  private parser = newParser();
  /** Text fed to the parser but not yet part of a completed record, starting at `pendingLine`. */
  private pending = '';
  private pendingLine = 1;
  /** Where in `pending` the next record starts. */
  private consumed = 0;
  private heldCarriageReturn = false;
  private problems = 0;
  private sawNul = false;
  private skippingBadLine = false;
  /** Once reading has stopped: where, and the non-blank lines counted since. */
  private unread: { line: number; rows: number; lineHasText: boolean; inBadLine: boolean } | undefined;

  constructor(sink: CsvSink) {
    this.sink = sink;
  }

  push(chunk: string): void {
    if (chunk === '') return;
    let text = this.heldCarriageReturn ? `\r${chunk}` : chunk;
    this.heldCarriageReturn = text.endsWith('\r');
    if (this.heldCarriageReturn) text = text.slice(0, -1);
    this.feed(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, false);
  }

  end(): void {
    this.feed(this.heldCarriageReturn ? '\n' : '', true);
    this.heldCarriageReturn = false;
    const unread = this.unread;
    if (unread === undefined) return;
    const rows = unread.rows + (unread.lineHasText && !unread.inBadLine ? 1 : 0);
    if (rows === 0) return;
    this.sink.problem({
      kind: 'too-many-problems',
      line: unread.line,
      column: 1,
      rows,
      detail: `reading stopped after ${MAX_SYNTAX_PROBLEMS} syntax errors: the ${rows} non-blank ${rows === 1 ? 'line' : 'lines'} from here on ${rows === 1 ? 'was' : 'were'} not read, and count as rejected rows`,
    });
  }

  private feed(chunk: string, end: boolean): void {
    if (this.unread !== undefined) {
      this.countUnread(chunk);
      return;
    }
    this.noteNul(chunk);
    const text = this.skipRestOfBadLine(chunk);
    this.pending += text;
    // Text appended to `pending` but not yet given to the (current) parser.
    let queue = text;
    for (;;) {
      const piece = queue.slice(0, PIECE_CHARS);
      queue = queue.slice(piece.length);
      const error = this.parser.parse(piece === '' ? undefined : Buffer.from(piece), end && queue === '', (entry) => this.place(entry), () => {});
      this.compact();
      let resumed: string | undefined;
      if (error === undefined) {
        if (this.pending.length - queue.length - this.consumed <= MAX_RECORD_CHARS) {
          if (queue === '') return;
          continue;
        }
        resumed = this.tooLarge();
      } else {
        if (!(error instanceof CsvError)) throw error;
        resumed = this.fail(error);
      }
      if (this.problems >= MAX_SYNTAX_PROBLEMS) {
        this.stopReading(resumed);
        return;
      }
      if (resumed === undefined) return;
      queue = resumed;
    }
  }

  /** From here on, text is only counted in lines (each non-blank one a row read and rejected), never held. */
  private stopReading(rest: string | undefined): void {
    this.unread = { line: this.skippingBadLine ? this.pendingLine + 1 : this.pendingLine, rows: 0, lineHasText: false, inBadLine: this.skippingBadLine };
    this.pending = '';
    this.consumed = 0;
    this.countUnread(rest ?? '');
  }

  private countUnread(text: string): void {
    const unread = this.unread as NonNullable<CsvReader['unread']>;
    for (let from = 0; ; ) {
      const nl = text.indexOf('\n', from);
      const end = nl < 0 ? text.length : nl;
      if (end > from) unread.lineHasText = true;
      if (nl < 0) return;
      if (unread.lineHasText && !unread.inBadLine) unread.rows++;
      unread.lineHasText = false;
      unread.inBadLine = false;
      from = nl + 1;
    }
  }

  /** Positions one record: it starts at the running offset (after any blank lines its raw text begins with). */
  private place({ record, raw }: ParsedRecord): void {
    let line = this.pendingLine;
    let at = this.consumed;
    while (this.pending.charCodeAt(at) === 10) {
      at++;
      line++;
    }
    const start = at;
    const rowLine = line;
    if (raw.indexOf('"', start - this.consumed) < 0) {
      this.sink.row(new CsvRow(rowLine, record, undefined));
      this.advance(raw.length);
      return;
    }
    const places = new Array<number>(2 * record.length);
    let fieldStart = at - this.consumed;
    let lineStart = start;
    // The next line break, looked for again only once passed: one search per field would read the rest of the line each time.
    let nextBreak = this.pending.indexOf('\n', lineStart);
    for (let i = 0; i < record.length; i++) {
      // Lines inside quoted fields before this one move it down.
      while (nextBreak >= 0 && nextBreak < this.consumed + fieldStart) {
        line++;
        lineStart = nextBreak + 1;
        nextBreak = this.pending.indexOf('\n', lineStart);
      }
      places[2 * i] = line;
      places[2 * i + 1] = this.consumed + fieldStart - lineStart + 1;
      fieldStart = endOfField(raw, fieldStart) + 1;
    }
    this.sink.row(new CsvRow(rowLine, record, places));
    this.advance(raw.length);
  }

  /** Moves the record start past `length` characters, counting the lines passed. */
  private advance(length: number): void {
    const end = this.consumed + length;
    for (let nl = this.pending.indexOf('\n', this.consumed); nl >= 0 && nl < end; nl = this.pending.indexOf('\n', nl + 1)) this.pendingLine++;
    this.consumed = end;
  }

  /** Drops the text of completed records, so memory holds one record and one chunk. */
  private compact(): void {
    if (this.consumed > 65536 || this.consumed === this.pending.length) {
      this.pending = this.pending.slice(this.consumed);
      this.consumed = 0;
    }
  }

  /** Reports the error and returns the text to parse again: from the line after the bad record's first line. */
  private fail(error: CsvError): string | undefined {
    this.skipBlankLines();
    this.report(problemAt(error, this.pending, this.consumed, this.pendingLine));
    return this.restartAfterBadLine();
  }

  /** A record past the size limit is reported and skipped like a syntax error, instead of filling memory. */
  private tooLarge(): string | undefined {
    this.skipBlankLines();
    this.report({
      kind: 'cell-too-large',
      line: this.pendingLine,
      column: 1,
      detail: `this record is longer than ${MAX_RECORD_CHARS / 2 ** 20} MiB (an unclosed quote, or a cell too large to read)`,
    });
    return this.restartAfterBadLine();
  }

  private skipBlankLines(): void {
    while (this.pending.charCodeAt(this.consumed) === 10) {
      this.consumed++;
      this.pendingLine++;
    }
  }

  /** While the rest of a bad record's first line has not arrived yet, incoming text up to its end is dropped. */
  private skipRestOfBadLine(chunk: string): string {
    if (!this.skippingBadLine) return chunk;
    const nl = chunk.indexOf('\n');
    if (nl < 0) return '';
    this.skippingBadLine = false;
    this.pendingLine++;
    return chunk.slice(nl + 1);
  }

  private restartAfterBadLine(): string | undefined {
    this.parser = newParser();
    const nl = this.pending.indexOf('\n', this.consumed);
    if (nl < 0) {
      this.pending = '';
      this.consumed = 0;
      this.skippingBadLine = true;
      return undefined;
    }
    this.advance(nl + 1 - this.consumed);
    this.pending = this.pending.slice(this.consumed);
    this.consumed = 0;
    return this.pending;
  }

  private report(problem: CsvProblem): void {
    this.problems++;
    this.sink.problem(problem);
  }

  private noteNul(text: string): void {
    if (this.sawNul) return;
    const at = text.indexOf('\u0000');
    if (at < 0) return;
    this.sawNul = true;
    // The position is found from the text still held: the NUL is in the chunk just appended.
    const offset = this.pending.length + at;
    let line = this.pendingLine;
    let lineStart = 0;
    const whole = this.pending + text;
    for (let nl = whole.indexOf('\n'); nl >= 0 && nl < offset; nl = whole.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    this.sink.problem({ kind: 'nul-byte', line, column: offset - lineStart + 1, detail: 'the file contains NUL bytes, as binary files do' });
  }
}

export interface CsvDocument {
  rows: CsvRow[];
  problems: CsvProblem[];
}

/** Parses a whole text at once (small files, tests). */
export function parseCsv(text: string): CsvDocument {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const reader = new CsvReader({ row: (row) => rows.push(row), problem: (problem) => problems.push(problem) });
  reader.push(text);
  reader.end();
  return { rows, problems };
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
  // Read up to the field's end only: looking for the next comma and the next line break apart would read the rest of the record for each field.
  for (let i = at; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 44 /* , */ || c === 10 /* \n */) return i;
  }
  return raw.length;
}

/** Where the error really is: the opening quote of an unclosed field, or the stray quote itself. */
function problemAt(error: CsvError, pending: string, recordStart: number, recordLine: number): CsvProblem {
  const details = error as unknown as { raw?: string; index?: number };
  // Like a record's raw text, the error's may begin with the blank lines skipped before the record.
  const raw = typeof details.raw === 'string' ? details.raw.replace(/^\n+/, '') : '';
  const fieldIndex = typeof details.index === 'number' ? details.index : 0;
  let fieldStart = 0;
  for (let i = 0; i < fieldIndex && fieldStart < raw.length; i++) fieldStart = endOfField(raw, fieldStart) + 1;
  const at = (offsetInRecord: number): TextPosition => {
    let line = recordLine;
    let lineStart = recordStart;
    for (let nl = pending.indexOf('\n', recordStart); nl >= 0 && nl < recordStart + offsetInRecord; nl = pending.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    return { line, column: recordStart + offsetInRecord - lineStart + 1 };
  };
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { kind: 'unclosed-quote', ...at(fieldStart), detail: 'this quoted field is never closed' };
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE': {
      const quote = raw.lastIndexOf('"');
      const detail =
        error.code === 'INVALID_OPENING_QUOTE'
          ? 'a quote inside an unquoted field; quote the whole field and double inner quotes ("")'
          : 'text after a closing quote; double quotes inside a quoted field ("")';
      return { kind: 'stray-quote', ...at(quote >= 0 ? quote : fieldStart), detail };
    }
    default:
      return { kind: 'malformed', ...at(0), detail: error.message };
  }
}
