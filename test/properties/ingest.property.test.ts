// Property tests of ingest and check as a whole: random and mutated CSVs never throw, never take more than a second, and account for every row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRecords, type RecordsInput } from '../../pipeline/run.ts';
import { OPTIONAL_TABLES, tableSpecs, VOCABULARY_SPEC, type DataTableName } from '../../pipeline/schema/tables.ts';
import { createVocabulary } from '../../pipeline/normalise/vocabulary.ts';
import type { CheckResult } from '../../pipeline/diagnostic.ts';
import { params, PARSER_TOKENS, timeOf } from './support.ts';

type TableUnderTest = DataTableName | 'vocabulary';

/** A tiny valid table for each slot the file under test does not take; each has one data row. */
const FIXED: Record<TableUnderTest, string> = {
  references: 'id,status,doi\nr1,verified,10.1000/r1\n',
  studies: 'id,reference_id,disease,design\ns1,r1,RA,rct\n',
  analyses: 'id,title,outcome,measure,experimental,control,model\na1,FVC,fvc,MD,TCZ,placebo,random\n',
  outcomes: 'study_id,outcome,measure\ns1,fvc,count\n',
  flow: 'key,n\nrecords_screened,10\n',
  risk_of_bias: 'study_id,tool,domain,judgement\ns1,rob2,overall,low\n',
  certainty: 'analysis_id,certainty\na1,low\n',
  vocabulary: 'kind,term\ndisease,BD\n',
};

const specs = tableSpecs(createVocabulary());
const COLUMN_NAMES: Record<TableUnderTest, string[]> = {
  references: [...Object.keys(specs.references.schema.shape), ...Object.keys(specs.references.aliases)],
  studies: [...Object.keys(specs.studies.schema.shape), ...Object.keys(specs.studies.aliases)],
  analyses: [...Object.keys(specs.analyses.schema.shape), ...Object.keys(specs.analyses.aliases)],
  outcomes: [...Object.keys(specs.outcomes.schema.shape), ...Object.keys(specs.outcomes.aliases)],
  flow: [...Object.keys(specs.flow.schema.shape), ...Object.keys(specs.flow.aliases)],
  risk_of_bias: [...Object.keys(specs.risk_of_bias.schema.shape), ...Object.keys(specs.risk_of_bias.aliases)],
  certainty: [...Object.keys(specs.certainty.schema.shape), ...Object.keys(specs.certainty.aliases)],
  vocabulary: [...Object.keys(VOCABULARY_SPEC.schema.shape), ...Object.keys(VOCABULARY_SPEC.aliases)],
};
const JUNK_COLUMNS = ['', ' ', 'Author', 'n_enroled', 'ID', 'Study ID', 'ｉｄ', 'x', '备注2', 'doi ', '\u0000', '%', 'null', 'undefined', '__proto__', 'constructor'];

const encode = (text: string) => new TextEncoder().encode(text);

/** Records input with `text` as the table under test and the fixed tables elsewhere. */
function inputWith(table: TableUnderTest, text: string): RecordsInput {
  const file = (name: TableUnderTest) => ({ path: `records/${name}.csv`, bytes: encode(name === table ? text : FIXED[name]) });
  const input: RecordsInput = { tables: { references: file('references'), studies: file('studies'), outcomes: file('outcomes') } };
  if (table === 'vocabulary') input.vocabulary = file('vocabulary');
  // An optional table is read only when it is the one under test.
  if (table !== 'vocabulary' && OPTIONAL_TABLES.has(table)) input.tables[table] = file(table);
  return input;
}

/** Data rows of the fixed tables that are read beside the table under test. */
function fixedRows(table: TableUnderTest): number {
  return table === 'vocabulary' || OPTIONAL_TABLES.has(table as DataTableName) ? 3 : 2;
}

/**
 * An independent count of the data records in RFC 4180 text, as the project reads it (line ends
 * unified, a leading BOM dropped, blank lines skipped, the first record the header); undefined
 * when the text is not well-formed (a stray or unclosed quote), where the project's recovery decides.
 */
function countDataRecords(raw: string): number | undefined {
  let text = raw.replace(/\r\n?/g, '\n');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let records = 0;
  let inRecord = false;
  let state: 'fieldStart' | 'unquoted' | 'quoted' | 'afterQuote' = 'fieldStart';
  for (const c of text) {
    switch (state) {
      case 'fieldStart':
        if (c === '\n') {
          if (inRecord) records++;
          inRecord = false;
        } else {
          inRecord = true;
          state = c === '"' ? 'quoted' : c === ',' ? 'fieldStart' : 'unquoted';
        }
        break;
      case 'unquoted':
        if (c === '"') return undefined;
        if (c === ',') state = 'fieldStart';
        else if (c === '\n') {
          records++;
          inRecord = false;
          state = 'fieldStart';
        }
        break;
      case 'quoted':
        if (c === '"') state = 'afterQuote';
        break;
      case 'afterQuote':
        if (c === '"') state = 'quoted';
        else if (c === ',') state = 'fieldStart';
        else if (c === '\n') {
          records++;
          inRecord = false;
          state = 'fieldStart';
        } else return undefined;
        break;
    }
  }
  if (state === 'quoted') return undefined;
  if (inRecord) records++;
  return Math.max(0, records - 1);
}

/** For text without quotes: the non-empty lines after the first non-empty one (the header). */
function countNonEmptyLinesAfterHeader(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const header = lines.findIndex((line) => line.length > 0);
  return header < 0 ? 0 : lines.slice(header + 1).filter((line) => line.length > 0).length;
}

/** What must hold of any check, whatever its input. */
function expectSoundResult(result: CheckResult, texts: Readonly<Record<string, string>>): void {
  const { read, accepted, rejected } = result.summary.records;
  expect(read, 'every row read is accepted or rejected').toBe(accepted + rejected);
  expect(Math.min(read, accepted, rejected)).toBeGreaterThanOrEqual(0);
  for (const d of result.diagnostics) {
    const where = `${d.ruleId} at ${d.file}:${d.line}:${d.column} (${d.message.slice(0, 120)})`;
    expect(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
    expect(/[\r\n]/.test(d.message), `${where}: a line break in the message`).toBe(false);
    const text = texts[d.file];
    if (text === undefined) continue;
    // The place must exist in the file as an editor shows it (a leading BOM is not a column).
    const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
    expect(d.line, `${where}: the file has ${lines.length} lines`).toBeLessThanOrEqual(lines.length);
    expect(d.column, `${where}: line ${d.line} has ${lines[d.line - 1]?.length} characters`).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
  }
}

/** Runs a check and fails if it throws or takes more than a second. */
function timedCheck(input: RecordsInput): CheckResult {
  let result: CheckResult | undefined;
  const ms = timeOf(() => {
    result = checkRecords(input, { keepOutcomes: false }).result;
  }, 1000);
  if (ms > 1000) throw new Error(`the check took ${ms.toFixed(0)} ms`);
  if (result === undefined) throw new Error('no result');
  return result;
}

function textsOf(table: TableUnderTest, text: string): Record<string, string> {
  const names: TableUnderTest[] = ['references', 'studies', 'outcomes', 'vocabulary', ...(table !== 'vocabulary' && OPTIONAL_TABLES.has(table) ? [table] : [])];
  return Object.fromEntries(names.map((name) => [`records/${name}.csv`, name === table ? text : FIXED[name]]));
}

// ---------------------------------------------------------------- generators

const tableUnderTest = fc.constantFrom<TableUnderTest>('references', 'studies', 'analyses', 'outcomes', 'flow', 'risk_of_bias', 'certainty', 'vocabulary');
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

/** Cell text without quotes: values the schemas read, tokens, commas and line breaks (which make ragged rows), Chinese, NUL. */
const unquotedCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', 'r1', 's1', 'RA', 'rct', 'fvc', 'count', 'verified', '14', '25', '56', '-3.3', '10.1000/x', 'NCT00000001', '2010-2018', 'Smith J; Lee K', 'TCZ 162 mg SC qw', '96 weeks', '14 (56%)', '类风湿关节炎', '陈建锋', 'disease', 'BD') },
  { weight: 3, arbitrary: fc.constantFrom(...PARSER_TOKENS.filter((token) => !token.includes('"'))) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', 'Z', '1', ',', ' ', '\t', '\n', '\r', '陈', '％', '\u2028', '\ufeff', "'"), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }).map((text) => text.replace(/"/g, '')) },
);

function headerOf(table: TableUnderTest): fc.Arbitrary<string[]> {
  return fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...COLUMN_NAMES[table]) }, { weight: 1, arbitrary: fc.constantFrom(...JUNK_COLUMNS) }), { minLength: 0, maxLength: 14 });
}

/** A CSV without quotes: a header of real and junk names, ragged rows, mixed line ends, blank lines. */
const unquotedCsv = tableUnderTest.chain((table) =>
  fc
    .tuple(
      headerOf(table).map((names) => names.filter((name) => !name.includes('"')).join(',')),
      fc.array(fc.tuple(fc.array(unquotedCell, { maxLength: 16 }), lineEnd, fc.nat({ max: 2 })), { maxLength: 12 }),
      lineEnd,
      fc.boolean(),
    )
    .map(([header, rows, firstEnd, trailing]) => {
      let text = header + firstEnd;
      rows.forEach(([cells, end, blanks], i) => {
        text += end.repeat(blanks) + cells.join(',') + (i < rows.length - 1 || trailing ? end : '');
      });
      // A BOM at the very start is a BOM, not text: the count below would not know to drop it.
      return { table, text: text.replace(/^\ufeff+/, '') };
    }),
);

/** Any cell text, quotes included; the serialiser quotes it as RFC 4180 says. */
const anyCell = fc.oneof(unquotedCell, fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', '\r\n', 'a', ' ', '陈', '\u0000'), maxLength: 8 }));

function serialiseCell(cell: string, forceQuotes: boolean): string {
  return forceQuotes || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A well-formed RFC 4180 CSV with quoted fields holding quotes, commas, line breaks, CR, Chinese and NUL. */
const quotedCsv = tableUnderTest.chain((table) =>
  fc
    .tuple(headerOf(table), fc.array(fc.array(fc.tuple(anyCell, fc.boolean()), { maxLength: 16 }), { maxLength: 12 }), lineEnd, fc.boolean())
    .map(([header, rows, end, trailing]) => {
      const lines = [header.map((name) => serialiseCell(name, false)), ...rows.map((row) => row.map(([cell, force]) => serialiseCell(cell, force)))].map((cells) => cells.join(','));
      const text = lines.join(end) + (trailing ? end : '');
      return { table, text: text.replace(/^\ufeff+/, '') };
    }),
);

// ---------------------------------------------------------------- properties

beforeAll(() => {
  // The first check compiles the schemas; it is not what the one-second bound is about.
  checkRecords(inputWith('outcomes', FIXED.outcomes));
});

describe('random CSV files', () => {
  it('without quotes: never throw, finish within 1 s, and read exactly the non-empty lines after the header', () => {
    fc.assert(
      fc.property(unquotedCsv, ({ table, text }) => {
        const result = timedCheck(inputWith(table, text));
        expectSoundResult(result, textsOf(table, text));
        expect(result.summary.records.read).toBe(fixedRows(table) + countNonEmptyLinesAfterHeader(text));
      }),
      params(500, 150),
    );
  });

  it('with quoted fields holding quotes, commas, line breaks and NULs: no quote error, every record counted', () => {
    fc.assert(
      fc.property(quotedCsv, ({ table, text }) => {
        const expectedRows = countDataRecords(text);
        if (expectedRows === undefined) throw new Error('the generator made malformed CSV');
        const result = timedCheck(inputWith(table, text));
        expectSoundResult(result, textsOf(table, text));
        const quoteErrors = result.diagnostics.filter((d) => d.ruleId === 'record/csv-syntax' && /quote/.test(d.message));
        expect(quoteErrors).toEqual([]);
        expect(result.summary.records.read).toBe(fixedRows(table) + expectedRows);
      }),
      params(501, 150),
    );
  });

  it('the independent record counter agrees with the shipped records', () => {
    const root = join(import.meta.dirname, '..', '..', 'records');
    const counts = (['references', 'studies', 'outcomes'] as const).map((name) => countDataRecords(readFileSync(join(root, `${name}.csv`), 'utf8')));
    expect(counts).toEqual([47, 10, 38]);
  });
});

// ---------------------------------------------------------------- mutations of the shipped records

const SHIPPED = Object.fromEntries(
  (['references', 'studies', 'outcomes'] as const).map((name) => [name, readFileSync(join(import.meta.dirname, '..', '..', 'records', `${name}.csv`), 'utf8')]),
) as Record<DataTableName, string>;

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swap'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('"', '"', '""', ',', '\n', '\r', '\r\n', '\u0000', '\ufeff', '陈', ' ', '\u2028', '-', '1e309', 'NaN', '；', '[', '\t'),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'swap':
      return text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
  }
}

describe('mutations of the shipped records (deleted, duplicated, swapped characters, inserted quotes, truncation)', () => {
  it('never throw, finish within 1 s, account for every row, place every finding inside its file, and count well-formed files exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom<DataTableName>('references', 'studies', 'outcomes'), fc.array(mutation, { minLength: 1, maxLength: 6 }), (table, mutations) => {
        const texts: Record<DataTableName, string> = { ...SHIPPED, [table]: mutations.reduce(mutate, SHIPPED[table]) };
        const input: RecordsInput = {
          tables: Object.fromEntries((['references', 'studies', 'outcomes'] as const).map((name) => [name, { path: `records/${name}.csv`, bytes: encode(texts[name]) }])),
        };
        const result = timedCheck(input);
        expectSoundResult(result, Object.fromEntries(Object.entries(texts).map(([name, text]) => [`records/${name}.csv`, text])));
        const counts = Object.values(texts).map(countDataRecords);
        if (counts.every((count) => count !== undefined)) {
          expect(result.summary.records.read).toBe(counts.reduce((sum, count) => (sum ?? 0) + (count ?? 0), 0));
        }
      }),
      params(502, 100),
    );
  });
});
