// Every exported parser of pipeline/normalise and pipeline/citations (and the template scans) on 10 MB inputs shaped to defeat a regular expression: no stack overflow, and linear time.
import { describe, expect, it } from 'vitest';
import * as normalise from '../../pipeline/normalise/index.ts';
import { parsePeriod } from '../../pipeline/normalise/period.ts';
import { doiKey } from '../../pipeline/normalise/identifier.ts';
import { findCitations, firstAuthorOfEntry, parseCitationNumbers, parseManuscript } from '../../pipeline/citations/manuscript.ts';
import { findCreditedAuthors } from '../../pipeline/citations/credited-author.ts';
import { htmlToText } from '../../pipeline/citations/bibliography.ts';
import { templateCitations } from '../../pipeline/citations/template-citations.ts';
import { formatOfPath } from '../../pipeline/citations/bibliographic-file.ts';
import { joinCjkLines } from '../../pipeline/render/review.ts';
import { checkTemplateMarkup, sanitiseBody } from '../../pipeline/render/html/markup.ts';
import { decimalsOf } from '../../pipeline/render/format.ts';
import { ReviewError } from '../../pipeline/errors.ts';

const SIZE = 10_000_000;
/** `head`, then `unit` repeated to 10 MB, then `tail`: a long run a pattern may take and then have to give back. */
const run = (unit: string, head = '', tail = ''): string => head + unit.repeat(Math.ceil(SIZE / unit.length)) + tail;

// The shapes that made patterns of this project backtrack or overflow (a run of letters after one capital and a CJK
// character overflowed the credited-author scan), and the separators each parser gives meaning to.
const SHAPES: Record<string, () => string> = {
  letters: () => run('a'),
  'capital then letters': () => run('a', '中A', '等人[1]'),
  spaces: () => run(' ', 'Smith', 'et al. [1]'),
  digits: () => run('1'),
  'digit space': () => run('1 ', '', 'x'),
  cjk: () => run('中'),
  'line breaks': () => run('\n', '', '中'),
  'line break space': () => run('\n ', '中'),
  dots: () => run('.', '', 'x'),
  'open brackets': () => run('[1', '', 'x'),
  'open tags': () => run('<'),
  'open entities': () => run('a', '&#'),
  'names and markers': () => run('Smith J, et al ', '', '中'),
};

// Each shape is made once and shared by every parser (strings are immutable, so no parser can change it for the next).
const made = new Map<string, string>();
const textOf = (shape: string): string => made.get(shape) ?? (made.set(shape, (SHAPES[shape] as () => string)()).get(shape) as string);

// Generous: a linear pass over 10 MB takes a second or two on a loaded machine; a quadratic one would take hours.
const BOUND_MS = 20_000;

/** Each parser's own errors are allowed (a template that does not parse is a template error); a RangeError is not. */
function expectBounded(name: string, parse: (text: string) => unknown): void {
  for (const shape of Object.keys(SHAPES)) {
    const text = textOf(shape);
    const started = performance.now();
    try {
      parse(text);
    } catch (error) {
      if (!(error instanceof ReviewError)) throw new Error(`${name} on ${shape}: ${(error as Error).message}`);
    }
    const took = performance.now() - started;
    expect(took, `${name} on 10 MB of ${shape} took ${took.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
  }
}

const PARSERS: Record<string, (text: string) => unknown> = {
  parseNumber: normalise.parseNumber,
  parseInteger: normalise.parseInteger,
  parseCount: normalise.parseCount,
  parseYear: normalise.parseYear,
  parsePercent: normalise.parsePercent,
  decimalPlaces: normalise.decimalPlaces,
  foldFullWidth: normalise.foldFullWidth,
  parseReportedCount: normalise.parseReportedCount,
  parseInterval: normalise.parseInterval,
  parseDuration: normalise.parseDuration,
  parseRegimen: normalise.parseRegimen,
  parseDoi: normalise.parseDoi,
  doiKey,
  parsePmid: normalise.parsePmid,
  parseRegistration: normalise.parseRegistration,
  parseAuthors: normalise.parseAuthors,
  parsePersonName: normalise.parsePersonName,
  'nameKey and sameAuthor': (text) => {
    const person = normalise.parsePersonName(text.slice(0, 900));
    return person.ok && normalise.sameAuthor(person.value, person.value) && normalise.nameKey(person.value);
  },
  vocabularyKey: normalise.vocabularyKey,
  'vocabulary lookup': (text) => normalise.createVocabulary().lookup('disease', text),
  nearest: (text) => normalise.nearest(text, ['rheumatoid arthritis', text.slice(0, 2000)]),
  parsePeriod,
  parseManuscript: (text) => parseManuscript(text, 'paper.md'),
  'parseManuscript (reference list)': (text) => parseManuscript(`参考文献\n[1] ${text}`, 'paper.md'),
  findCitations,
  findCreditedAuthors: (text) => findCreditedAuthors(text, findCitations(text)),
  parseCitationNumbers,
  firstAuthorOfEntry,
  htmlToText,
  formatOfPath,
  templateCitations: (text) => templateCitations(text, 'review.hbs'),
  joinCjkLines,
  checkTemplateMarkup: (text) => checkTemplateMarkup(text, 'review.hbs'),
  sanitiseBody,
  decimalsOf,
};

describe('10 MB inputs: every exported parser stays linear, with no stack overflow', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(name, { timeout: 20 * BOUND_MS }, () => expectBounded(name, parse));
  }
});
