// Tests for the csv-parse adapter: every field's start line and column, whatever the line ends and quoting.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvReader, MAX_RECORD_CHARS, MAX_SYNTAX_PROBLEMS, parseCsv, type CsvProblem, type CsvRow } from '../../pipeline/ingest/csv.ts';

const positions = (text: string) => parseCsv(text).rows.map((row) => row.cells.map((c) => [c.value, c.line, c.column]));

describe('parseCsv positions', () => {
  it('locates fields on LF lines', () => {
    expect(positions('a,bb,c\n1,22,333\n')).toEqual([
      [['a', 1, 1], ['bb', 1, 3], ['c', 1, 6]],
      [['1', 2, 1], ['22', 2, 3], ['333', 2, 6]],
    ]);
  });

  it('counts CRLF inside a quoted field once (csv-parse counts it twice)', () => {
    const text = 'id,note,n\r\ns1,"line one\r\nline two\r\nline three",12\r\ns2,x,3\r\n';
    const rows = parseCsv(text).rows;
    expect(rows[1]?.cells[1]).toEqual({ value: 'line one\nline two\nline three', line: 2, column: 4 });
    expect(rows[1]?.cells[2]).toEqual({ value: '12', line: 4, column: 13 });
    expect(rows[2]?.line).toBe(5);
  });

  it('reads CR-only line ends (old Mac Excel) as lines', () => {
    expect(positions('a,b\r1,2\r3,4\r')).toEqual([
      [['a', 1, 1], ['b', 1, 3]],
      [['1', 2, 1], ['2', 2, 3]],
      [['3', 3, 1], ['4', 3, 3]],
    ]);
  });

  it('handles a file mixing CRLF and LF without stray carriage returns', () => {
    expect(positions('a,b\r\n1,2\n3,4\r\n').map((r) => r.map((c) => c[0]))).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('skips blank lines but keeps the true line numbers after them', () => {
    const row = parseCsv('a,b\n\n\n1,2\n').rows[1];
    expect(row?.line).toBe(4);
    expect(row?.cells).toEqual([{ value: '1', line: 4, column: 1 }, { value: '2', line: 4, column: 3 }]);
  });

  it('counts columns in UTF-16 code units, as editors do, for Chinese text', () => {
    expect(positions('作者,年份\n"陈建锋",2020\n')[1]).toEqual([['陈建锋', 2, 1], ['2020', 2, 7]]);
  });

  it('strips a BOM left in the text', () => {
    expect(positions('\uFEFFid,x\n1,2\n')[0]).toEqual([['id', 1, 1], ['x', 1, 4]]);
  });
});

describe('parseCsv syntax problems', () => {
  it('points an unclosed quote at the opening quote and keeps the rows before it', () => {
    const doc = parseCsv('a,b\n1,2\n3,"4\n5,6\n');
    expect(doc.problems).toEqual([{ kind: 'unclosed-quote', line: 3, column: 3, detail: 'this quoted field is never closed' }]);
    expect(doc.rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reports a stray quote and resumes on the next line, losing no other row', () => {
    const doc = parseCsv('a,b\n1,x"y\n2,3\n');
    expect(doc.problems.map((p) => [p.kind, p.line, p.column])).toEqual([['stray-quote', 2, 4]]);
    expect(doc.rows.map((r) => r.cells.map((c) => c.value))).toEqual([['a', 'b'], ['2', '3']]);
  });

  it('reports text after a closing quote', () => {
    const doc = parseCsv('a,b,c\r\n1,"x"y,3\r\n2,3,4\r\n');
    expect(doc.problems.map((p) => [p.kind, p.line, p.column])).toEqual([['stray-quote', 2, 5]]);
    expect(doc.rows).toHaveLength(2);
  });

  it('reports NUL bytes', () => {
    expect(parseCsv('a,b\n1,\u00002\n').problems.map((p) => [p.kind, p.line, p.column])).toEqual([['nul-byte', 2, 3]]);
  });
});

describe('CsvReader fed in chunks', () => {
  const text = 'id,note,n\r\ns1,"line one\r\nline two",12\r\n\r\ns2,"x""y",3\rs3,a"b,4\ns4,"unclosed,5\ns5,ok,6\n';

  it.each([1, 2, 3, 5, 8, 64])('gives the same rows and problems with chunks of %i characters', (size) => {
    const rows: CsvRow[] = [];
    const problems: CsvProblem[] = [];
    const reader = new CsvReader({ row: (row) => rows.push(row), problem: (problem) => problems.push(problem) });
    for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
    reader.end();
    expect({ rows, problems }).toEqual(parseCsv(text));
    expect(rows.map((r) => r.cells[0]?.value)).toEqual(['id', 's1', 's2', 's5']);
    expect(problems.map((p) => [p.kind, p.line, p.column])).toEqual([
      ['stray-quote', 6, 5],
      ['unclosed-quote', 7, 4],
    ]);
  });

  it('reports a record over the size limit instead of holding it, and goes on', () => {
    const doc = parseCsv(`a,b\n1,"${'x'.repeat(MAX_RECORD_CHARS + 10)}\n2,3\n`);
    expect(doc.problems.map((p) => [p.kind, p.line, p.column])).toEqual([['cell-too-large', 2, 1]]);
    expect(doc.rows.map((r) => r.line)).toEqual([1, 3]);
  });
});

describe('reading stops after MAX_SYNTAX_PROBLEMS syntax errors', () => {
  const strays = (n: number) => Array.from({ length: n }, (_, i) => `s${i},a"b`).join('\n');

  it('lists 100 errors, then counts each non-blank line left as a row, without reading it', () => {
    const doc = parseCsv(`id,x\n${strays(MAX_SYNTAX_PROBLEMS)}\ns1,ok\n\n"unclosed\nlast,row`);
    expect(doc.problems).toHaveLength(MAX_SYNTAX_PROBLEMS + 1);
    expect(doc.problems.slice(0, -1).every((p) => p.kind === 'stray-quote')).toBe(true);
    expect(doc.problems.at(-1)).toEqual({
      kind: 'too-many-problems',
      line: MAX_SYNTAX_PROBLEMS + 2,
      column: 1,
      rows: 3,
      detail: 'reading stopped after 100 syntax errors: the 3 non-blank lines from here on were not read, and count as rejected rows',
    });
    // The good row after the 100th error is not read: it is counted among the three.
    expect(doc.rows.map((r) => r.line)).toEqual([1]);
  });

  it.each([1, 7, 4096])('counts the same lines when fed in chunks of %i characters, the 100th bad line split across them', (size) => {
    const text = `id,x\n${strays(MAX_SYNTAX_PROBLEMS)}${'-'.repeat(5000)}\n${'s,1\n'.repeat(300)}tail`;
    const problems: CsvProblem[] = [];
    const reader = new CsvReader({ row: () => {}, problem: (problem) => problems.push(problem) });
    for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
    reader.end();
    expect(problems.at(-1)).toMatchObject({ kind: 'too-many-problems', line: MAX_SYNTAX_PROBLEMS + 2, rows: 301 });
  });

  it('says nothing more when the 100th error is on the last line', () => {
    expect(parseCsv(`id,x\n${strays(MAX_SYNTAX_PROBLEMS)}\n`).problems.map((p) => p.kind)).not.toContain('too-many-problems');
  });
});

describe('wide rows (issue 10, item 8: cell(i) summed the widths from column 0)', () => {
  it('places every field of a row of 5,000 unquoted and quoted fields where it is written', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `c${i % 97}`);
    for (const written of [values, values.map((v, i) => (i % 3 === 0 ? `"${v}"` : v))]) {
      const line = written.join(',');
      const [header] = parseCsv(`${line}\n`).rows;
      for (const index of [0, 31, 32, 33, 2500, 4999]) {
        const cell = header?.cell(index);
        expect(cell?.value).toBe(values[index]);
        expect(line.slice((cell?.column ?? 0) - 1).startsWith(written[index] as string)).toBe(true);
      }
      let column = 1;
      const columns = written.map((field) => ((column += field.length + 1), column - field.length - 1));
      expect(header?.cells.map((c) => c.column)).toEqual(columns);
    }
  });
});

describe('parseCsv positions, for any mix of quoted and unquoted rows', () => {
  const field = fc.oneof(
    fc.stringMatching(/^[a-z0-9 作者年份.-]{0,8}$/).map((value) => ({ value, written: value })),
    fc.string({ maxLength: 8, unit: fc.constantFrom('a', ',', '"', '\n', '年', ' ') }).map((value) => ({ value, written: `"${value.replaceAll('"', '""')}"` })),
  );
  const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

  it('puts every field at the line and column where it is written (its first character, or its opening quote)', () => {
    fc.assert(
      fc.property(table, (rows) => {
        // A row of one empty unquoted field is a blank line, which is skipped: not what this property is about.
        const kept = rows.filter((row) => !(row.length === 1 && row[0]?.written === ''));
        const text = kept.map((row) => row.map((f) => f.written).join(',')).join('\n') + '\n';
        const lines = text.split('\n');
        const parsed = parseCsv(text);
        expect(parsed.problems).toEqual([]);
        expect(parsed.rows.map((row) => row.values)).toEqual(kept.map((row) => row.map((f) => f.value)));
        parsed.rows.forEach((row, r) =>
          row.cells.forEach((cell, c) => {
            const written = kept[r]?.[c]?.written ?? '';
            const atPlace = (lines.slice(cell.line - 1).join('\n')).slice(cell.column - 1, cell.column - 1 + written.length);
            expect(atPlace).toBe(written);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
