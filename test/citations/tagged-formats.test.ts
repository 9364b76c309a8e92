// Tests for the tagged-format reader: record boundaries, continuation lines, format sniffing, and linear time on 10 MB inputs.
import { describe, expect, it } from 'vitest';
import { readTaggedRecords, sniffTaggedFormat, taggedItem } from '../../pipeline/citations/tagged-formats.ts';

describe('sniffTaggedFormat', () => {
  it.each([
    ['TY  - JOUR\nER  - \n', 'ris'],
    ['\uFEFFTY - JOUR\n', 'ris'],
    ['\uFEFFFN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n', 'wos'],
    ['%0 Journal Article\n%A Smith, J\n', 'endnote'],
    ['DataType: 1\nTitle-题名: 标题\n', 'cnki'],
    ['@article{a,\n}', undefined],
    ['PMID- 123\nTI  - T\n', 'medline'],
  ])('%j is %s', (text, format) => {
    expect(sniffTaggedFormat(text)).toBe(format);
  });
});

describe('readTaggedRecords', () => {
  it('joins continuation lines to the field before them (a wrapped RIS title) and starts each record on its line', () => {
    const { records, problems } = readTaggedRecords('TY  - JOUR\nT1  - A title\nwrapped here\nER  - \n\nTY  - BOOK\nER  -\n', 'ris');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([1, 6]);
    expect(taggedItem(records[0]!, 'ris').item).toMatchObject({ type: 'article-journal', title: 'A title wrapped here' });
  });

  it('reads Web of Science continuation lines as further values of a list (one author a line)', () => {
    const { records } = readTaggedRecords('PT J\nAF Smith, John\n   Doe, Jane\nTI A long\n   title\nER\nEF\n', 'wos');
    expect(taggedItem(records[0]!, 'wos').item).toMatchObject({ author: [{ family: 'Smith', given: 'John' }, { family: 'Doe', given: 'Jane' }], title: 'A long title' });
  });

  it('says when a record has no ER, and still reads it', () => {
    const { records, problems } = readTaggedRecords('TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\n', 'ris');
    expect(records).toHaveLength(2);
    expect(problems).toEqual(['line 1: record has no ER line before the next record; read up to line 2', 'line 3: record has no ER line; read to the end of the file']);
  });

  it.each(['ris', 'wos', 'endnote', 'cnki'] as const)('reads %s in linear time: 2 MB of small records, and one 10 MB line', (format) => {
    const record = { ris: 'TY  - JOUR\nAU  - Smith, J\nTI  - T\nER  - \n', wos: 'PT J\nAU Smith, J\nTI T\nER\n', endnote: '%0 Journal Article\n%A Smith, J\n\n', cnki: 'DataType: 1\nTitle-题名: 标题\n' }[format];
    const count = Math.ceil(2_000_000 / record.length);
    const started = performance.now();
    expect(readTaggedRecords(record.repeat(count), format).records).toHaveLength(count);
    // One 10 MB line: no regular expression backtracks on it.
    const head = { ris: 'TY  - JOUR\nTI  - ', wos: 'PT J\nTI ', endnote: '%0 Journal Article\n%T ', cnki: 'DataType: 1\nTitle-题名: ' }[format];
    expect(readTaggedRecords(`${head}${'a '.repeat(5_000_000)}\n`, format).records).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
