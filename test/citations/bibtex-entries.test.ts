// Tests for the BibTeX entry scanner: entries with lines and keys, unclosed entries, @string lengths, and 10 MB inputs.
import { describe, expect, it } from 'vitest';
import { MAX_EXPANDED_CHARS, scanBibtex } from '../../pipeline/citations/bibtex-entries.ts';

describe('scanBibtex', () => {
  it('finds entries with their lines, keys, crossrefs and macros; text outside entries is a comment', () => {
    const file = scanBibtex('% a comment\n@string{j = "J"}\n@Article{a1,\n  journal = j # " Med",\n  crossref = {Book1}\n}\nnoise\n@book(book1, title = {B})\n@comment{x}\n');
    expect(file.entries.map((e) => [e.type, e.key, e.line, e.crossref])).toEqual([
      ['article', 'a1', 3, 'book1'],
      ['book', 'book1', 8, undefined],
    ]);
    expect(file.entries[0]?.macros).toEqual(['j']);
    expect([...file.strings.keys()]).toEqual(['j']);
    expect(file.problems).toEqual([]);
  });

  it('a keyless entry (EndNote) has no key', () => {
    expect(scanBibtex('@article{\n  author = {A, B},\n  year = {2012}\n}').entries[0]?.key).toBeUndefined();
  });

  it('an unclosed entry ends where the next entry starts, and is reported', () => {
    const file = scanBibtex('@article{a, title = {Open\n@article{b, title = {Fine}}\n');
    expect(file.entries.map((e) => e.key)).toEqual(['b']);
    expect(file.unclosed).toBe(1);
    expect(file.problems).toEqual(["line 1: @article entry is not closed (a '}' is missing); it is left out"]);
  });

  it('bounds @string expansion: a definition past the limit, and all that use it, are too long', () => {
    const defs = ['@string{s0 = "0123456789"}'];
    for (let i = 1; i <= 30; i++) defs.push(`@string{s${i} = s${i - 1} # s${i - 1}}`);
    const file = scanBibtex(defs.join('\n'));
    expect(file.strings.get('s10')?.length).toBeLessThan(MAX_EXPANDED_CHARS);
    expect(file.strings.get('s30')?.length).toBe(Infinity);
    expect(file.problems.length).toBeGreaterThan(0);
  });

  it('scans 10 MB in linear time: many entries, and one 10 MB field', () => {
    const entry = '@article{k, author = {A, B}, title = {T}}\n';
    let started = performance.now();
    expect(scanBibtex(entry.repeat(250_000)).entries).toHaveLength(250_000);
    expect(performance.now() - started).toBeLessThan(10_000);
    started = performance.now();
    expect(scanBibtex(`@article{k, title = {${'a{b}'.repeat(2_500_000)}}}`).entries).toHaveLength(1);
    expect(scanBibtex(`@article{k, title = {${'{'.repeat(100_000)}`).unclosed).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
