// Tests for planning an import: one id scheme, language from the entry, cells the check would refuse left out, duplicates skipped.
import { describe, expect, it } from 'vitest';
import { ExistingReferences, planImport } from '../../pipeline/citations/import-refs.ts';
import type { ImportedItem } from '../../pipeline/citations/bibliographic-file.ts';

// Made-up items: the shapes the readers produce.
function plan(items: Partial<ImportedItem>[], existing = new ExistingReferences()) {
  return planImport(items.map((item, i) => ({ item: { id: '', type: 'article-journal', ...item } as ImportedItem, line: i + 1 })), existing, 'refs.bib');
}
const year = (y: number | string) => ({ issued: { 'date-parts': [[y as number]] } });

describe('planImport', () => {
  it('gives every row a firstauthorYEAR id: pinyin for Chinese names, initials for organisations, letters for collisions, never refN', () => {
    const { rows } = plan([
      { author: [{ family: '陈', given: '建锋' }], title: '甲', ...year(2020) },
      { author: [{ literal: '欧阳娜娜' }], title: '乙', ...year(2020) },
      { author: [{ literal: 'World Health Organization' }], title: 'Report', ...year(1970) },
      { author: [{ family: 'Smith', given: 'J' }], title: 'One', ...year(2001) },
      { author: [{ family: 'Smith', given: 'K' }], title: 'Two', ...year(2001) },
      { title: 'The untitled author', ...year(1999) },
      { DOI: '10.1000/x' },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['chen2020', 'ouyang2020', 'who1970', 'smith2001a', 'smith2001b', 'untitled1999', 'anon']);
  });

  it('leaves out, with a message, an entry that holds nothing a reference list could print or identify', () => {
    const { rows, notes } = plan([{ editor: [{ literal: 'Xxx' }], note: 'x' } as Partial<ImportedItem>]);
    expect(rows).toEqual([]);
    expect(notes).toEqual(['line 1: holds no title, author, journal, DOI or PMID (only editor, note); it is left out']);
  });

  it('writes authors as "Family Initials", keeping initials already written as such', () => {
    const { rows } = plan([{ author: [{ family: 'Illei', given: 'Gabor G.' }, { family: 'Smith', given: 'JA' }, { family: 'Lin', given: 'Chih-Jen' }, { family: 'van Laar', given: 'Jacob M.' }] }]);
    expect(rows[0]?.authors).toBe('Illei GG; Smith JA; Lin CJ; van Laar JM');
  });

  it('takes the next free letter when the id is already in the file', () => {
    const existing = new ExistingReferences();
    existing.add({ id: 'smith2001', title: 'Other' }, 2);
    existing.add({ id: 'smith2001a', title: 'Other again' }, 3);
    expect(plan([{ author: [{ family: 'Smith', given: 'J' }], title: 'One', ...year(2001) }], existing).rows[0]?.id).toBe('smith2001b');
  });

  it('sets language from CJK in a name or in most of the title', () => {
    const { rows } = plan([
      { author: [{ family: '陈建锋' }], title: 'An English title' },
      { title: 'MicroRNA在乳腺癌中的研究进展' },
      { title: '<b>Zotero</b> "Quick Start" Guide 日本語' },
      { author: [{ family: 'Otsuji', given: 'N' }], title: 'Tocilizumab' },
    ]);
    expect(rows.map((r) => r.language)).toEqual(['zh', 'zh', 'en', 'en']);
  });

  it('leaves out a value the check would refuse, with a note, and writes the rest', () => {
    const { rows, notes } = plan([{ author: [{ family: 'Smith', given: 'J' }], title: 'T', ...year(0), DOI: 'not a doi', PMID: '12a' }]);
    expect(rows[0]).toMatchObject({ year: '', doi: '', pmid: '', title: 'T', authors: 'Smith J', id: 'smith' });
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^line 1 \(T\): year '0' left empty: /);
  });

  it('skips an entry that is the same work as a row or an earlier entry, by DOI, PMID or first author + year + title', () => {
    const existing = new ExistingReferences();
    existing.add({ id: 'a1', doi: '10.1000/X', status: 'verified' }, 2);
    existing.add({ id: 'a2', pmid: '123', status: 'verified' }, 3);
    existing.add({ id: 'a3', authors: 'Smith J', year: '2001', title: 'One: a study' }, 4);
    const { rows, notes } = plan(
      [
        { DOI: '10.1000/x', title: 'By DOI' },
        { PMID: '123', title: 'By PMID' },
        { author: [{ family: 'Smith', given: 'John' }], title: 'One — A Study', ...year(2001) },
        { author: [{ family: 'Doe', given: 'J' }], title: 'New', ...year(2002) },
        { author: [{ family: 'Doe', given: 'J' }], title: 'New.', ...year(2002) },
        { title: 'A standard', ...year(2021) },
        { title: 'A Standard!', ...year(2021) },
      ],
      existing,
    );
    expect(rows.map((r) => r.id)).toEqual(['doe2002', 'standard2021']);
    expect(notes).toEqual([
      'skipped line 1 (By DOI): DOI 10.1000/x is the same as reference a1',
      'skipped line 2 (By PMID): PMID 123 is the same as reference a2',
      'skipped line 3 (One — A Study): same first author, year and title as reference a3',
      'skipped line 5 (New.): same first author, year and title as the entry on line 4 of refs.bib',
      'skipped line 7 (A Standard!): no author, and the same year and title as the entry on line 6 of refs.bib',
    ]);
  });
});
