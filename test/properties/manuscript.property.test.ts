// Property tests of manuscript reading: random text with random bracket groups never throws, every citation is found where it stands, and numbers read back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManuscript } from '../../pipeline/citations/manuscript.ts';
import { checkRecords } from '../../pipeline/run.ts';
import { params, timeOf, unicodeText } from './support.ts';

const FILE = 'manuscript.md';

// ---------------------------------------------------------------- generators

const digitsOf = (n: number, fullWidth: boolean) => (fullWidth ? String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(n));

/** The inside of a bracket group: numbers, ranges, separators and spaces, in any mix (so also "14–12", "3,,4", "0"). */
const groupContent = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.nat({ max: 60 }), fc.boolean()).map(([n, wide]) => digitsOf(n, wide)) },
      { weight: 2, arbitrary: fc.constantFrom(',', '，', '、', ';', '；', ', ', ' ') },
      { weight: 2, arbitrary: fc.constantFrom('-', '–', '—', '~', '～', '－', ' - ') },
      { weight: 1, arbitrary: fc.constantFrom('', 'a', '.', '[', ']', '\n') },
    ),
    { maxLength: 7 },
  )
  .map((parts) => parts.join(''));

const bracketGroup = fc
  .tuple(fc.constantFrom('[', '［', '<sup>[', '['), groupContent, fc.constantFrom(']', '］', ']</sup>', ']', ''))
  .map(([open, content, close]) => open + content + close);

const prose = fc.constantFrom('The study', ' found', ' that FVC improved', '研究发现', '肺功能改善', ', ', '，', '. ', '。', ' ', '  ', 'and', '(', ')', '"', 'e.g.', '1.', '2020', '96 weeks');
const credit = fc.constantFrom('Smith et al. ', 'Smith et al.', 'Manfredi 等人', '陈建锋等研究发现', '王小明等报告', 'Illei and colleagues ', 'Shirota 研究表明 ', 'Jones et al ', 'TCZ ', 'Recently Lee et al. ');
const heading = fc.constantFrom('References', '## References', '参考文献', 'Bibliography:', '# 参考文献', 'reference list');
const listEntry = fc
  .tuple(fc.nat({ max: 40 }), fc.constantFrom('n.', '[n]', '［n］', 'n、'), fc.constantFrom('Smith J. A trial.', 'ILLEI G G, SHIROTA Y. Title.', '陈建锋, 等. 题目.', 'Lee K, Wang L. Cohort. 2010. 62(2):542', ''))
  .map(([n, form, rest]) => `${form.replace('n', String(n))} ${rest}`);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\n\n');

/** A manuscript: prose with credits and bracket groups over several lines, sometimes a heading and a list. */
const manuscript = fc
  .tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: prose }, { weight: 2, arbitrary: credit }, { weight: 4, arbitrary: bracketGroup }, { weight: 2, arbitrary: lineEnd }, { weight: 1, arbitrary: unicodeText }), { maxLength: 60 }),
    fc.option(fc.tuple(heading, fc.array(fc.tuple(listEntry, lineEnd), { maxLength: 10 })), { nil: undefined }),
    lineEnd,
  )
  .map(([body, list, end]) => body.join('') + (list === undefined ? '' : `${end}${list[0]}${end}${list[1].map(([entry, e]) => entry + e).join('')}`));

// ---------------------------------------------------------------- helpers

/** The lines of the text as an editor shows them (CRLF, CR and LF each end one line). */
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

function headingLine(text: string): number | undefined {
  const index = linesOf(text).findIndex((line) => /^\s*(?:#{1,6}\s*)?(?:参考文献|references|reference list|bibliography)\s*[:：]?\s*$/i.test(line));
  return index < 0 ? undefined : index + 1;
}

// ---------------------------------------------------------------- properties

describe('parseManuscript on random manuscripts', () => {
  it('never throws, finishes within 1 s, and finds each citation exactly where its text stands, before the reference list', () => {
    fc.assert(
      fc.property(manuscript, (text) => {
        let parsed: ReturnType<typeof parseManuscript> | undefined;
        const ms = timeOf(() => {
          parsed = parseManuscript(text, FILE);
        }, 1000);
        if (ms > 1000) throw new Error(`took ${ms.toFixed(0)} ms`);
        if (parsed === undefined) throw new Error('no result');
        const lines = linesOf(text);
        const listStart = headingLine(text);
        for (const citation of parsed.citations) {
          const where = `${JSON.stringify(citation.raw)} at ${citation.line}:${citation.column}`;
          expect(citation.line >= 1 && citation.column >= 1, where).toBe(true);
          expect(citation.endLine * 1e6 + citation.endColumn, where).toBeGreaterThan(citation.line * 1e6 + citation.column);
          // The raw text of the citation, up to its first line break, stands at its line and column.
          const firstLine = citation.raw.split(/\r\n|\r|\n/)[0] ?? '';
          expect((lines[citation.line - 1] ?? '').slice(citation.column - 1).startsWith(firstLine), where).toBe(true);
          expect(citation.raw.startsWith('[') || citation.raw.startsWith('［'), where).toBe(true);
          if (listStart !== undefined) expect(citation.line, `${where}: cited inside the reference list`).toBeLessThan(listStart);
          expect(citation.numbers.every((n) => Number.isInteger(n) && n >= 0), where).toBe(true);
          if (citation.malformed === undefined) expect(citation.numbers.length, where).toBeGreaterThan(0);
        }
        for (const entry of parsed.references ?? []) {
          expect(entry.line >= 1 && entry.line <= lines.length && entry.column >= 1, `entry ${entry.number}`).toBe(true);
          expect(Number.isInteger(entry.number) && entry.number >= 0).toBe(true);
        }
        if (listStart === undefined) expect(parsed.references).toBeUndefined();
      }),
      params(600, 1500),
    );
  });

  it('reads back the numbers of a well-formed citation in every written form', () => {
    const item = fc.oneof(
      fc.integer({ min: 1, max: 200 }).map((n) => ({ numbers: [n], text: (wide: boolean) => digitsOf(n, wide) })),
      fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 6 })).map(([from, span]) => ({
        numbers: Array.from({ length: span + 1 }, (_, i) => from + i),
        text: (wide: boolean, dash = '-') => `${digitsOf(from, wide)}${dash}${digitsOf(from + span, wide)}`,
      })),
    );
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(',', ', ', '，', '、', ';', '；'),
        fc.constantFrom('-', '–', '—', '~', '～', '－'),
        fc.boolean(),
        fc.constantFrom<[string, string]>(['[', ']'], ['［', '］'], ['<sup>[', ']</sup>']),
        (items, separator, dash, wide, [open, close]) => {
          const content = items.map((i) => i.text(wide, dash)).join(separator);
          const text = `Intro.\nAs shown ${open}${content}${close}, it works.\n`;
          const [citation, ...others] = parseManuscript(text, FILE).citations;
          expect(others).toEqual([]);
          expect(citation?.numbers).toEqual(items.flatMap((i) => i.numbers));
          expect(citation?.malformed).toBeUndefined();
          expect([citation?.line, citation?.column]).toEqual([2, 10 + open.length - 1]);
        },
      ),
      params(601, 500),
    );
  });

  it('joins "[12]–[14]" into one range citation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom('-', '–', '—', '~', ' – '), (from, span, dash) => {
        const [citation] = parseManuscript(`See [${from}]${dash}[${from + span}].`, FILE).citations;
        expect(citation?.numbers).toEqual(Array.from({ length: span + 1 }, (_, i) => from + i));
        expect(citation?.raw).toBe(`[${from}]${dash}[${from + span}]`);
      }),
      params(602, 200),
    );
  });
});

describe('the citation rules on random manuscripts', () => {
  it('never throw, and report only at a citation, a list entry or the top of the file', () => {
    fc.assert(
      fc.property(manuscript, (text) => {
        const parsed = parseManuscript(text, FILE);
        const { result } = checkRecords(
          { tables: {} },
          { documents: () => [{ file: FILE, kind: 'manuscript', citations: parsed.citations, references: parsed.references }] },
        );
        expect(result.summary.records).toEqual({ read: 0, accepted: 0, rejected: 0 });
        const places = new Set(['1:1', ...parsed.citations.map((c) => `${c.line}:${c.column}`), ...(parsed.references ?? []).map((e) => `${e.line}:${e.column}`)]);
        for (const d of result.diagnostics) {
          expect(d.file).toBe(FILE);
          expect(places.has(`${d.line}:${d.column}`), `${d.ruleId} at ${d.line}:${d.column}: ${d.message}`).toBe(true);
          expect(/[\r\n]/.test(d.message)).toBe(false);
        }
      }),
      params(603, 200),
    );
  });
});
