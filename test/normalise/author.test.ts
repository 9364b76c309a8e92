// Tests for reading author names and lists, and for deciding when two names are the same person.
import { describe, expect, it } from 'vitest';
import { nameKey, parseAuthors, parsePersonName, sameAuthor } from '../../pipeline/normalise/author.ts';
import type { PersonName } from '../../pipeline/normalise/author.ts';
import { adversarial, BUDGET_MS, timed } from './adversarial.ts';

function person(raw: string): PersonName {
  const result = parsePersonName(raw);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('parsePersonName', () => {
  it.each<[string, Omit<PersonName, 'literal' | 'script'>]>([
    ['Manfredi A', { family: 'Manfredi', initials: 'A' }],
    ['Lin CJF', { family: 'Lin', initials: 'CJF' }],
    ['Illei GG', { family: 'Illei', initials: 'GG' }],
    ['Schröder M', { family: 'Schröder', initials: 'M' }],
    ['Della Casa G', { family: 'Della Casa', initials: 'G' }],
    ['Al-Darwish L', { family: 'Al-Darwish', initials: 'L' }],
    ['van der Berg A', { family: 'van der Berg', initials: 'A' }],
    ['Illei, Gabor G', { family: 'Illei', given: 'Gabor G', initials: 'GG' }],
    ['Illei, G.G.', { family: 'Illei', initials: 'GG' }],
    ['Gabor G Illei', { family: 'Illei', given: 'Gabor G', initials: 'GG' }],
    ['J.-P. Dupont', { family: 'Dupont', initials: 'JP' }],
    ['Ludwig van Beethoven', { family: 'van Beethoven', given: 'Ludwig', initials: 'L' }],
    ['Ma Chaoyi', { family: 'Ma', given: 'Chaoyi', initials: 'C' }],
    ['Manfredi', { family: 'Manfredi' }],
  ])('reads Latin %j', (raw, expected) => {
    expect(parsePersonName(raw)).toEqual({ ok: true, value: { ...expected, script: 'latin', literal: raw } });
  });

  it.each([
    ['陈建锋', '陈', '建锋'],
    ['陈 建锋', '陈', '建锋'],
    ['欧阳娜娜', '欧阳', '娜娜'],
    ['司马相如', '司马', '相如'],
    ['诸葛亮', '诸葛', '亮'],
    ['欧阳', '欧', '阳'],
    ['马克·吐温', '吐温', '马克'],
  ])('reads Han %j', (raw, family, given) => {
    expect(parsePersonName(raw)).toEqual({ ok: true, value: { family, given, script: 'han', literal: raw } });
  });

  it('keeps the literal as written, trimmed', () => {
    expect(person('  Illei GG ').literal).toBe('Illei GG');
  });

  it.each([
    ['', 'empty text is not a name'],
    ['A1', "'A1' is not a name in Latin or Chinese characters"],
    ['陈建锋，李明', "'陈建锋，李明' holds more than one name; separate authors with ';'"],
    ['Illei, Gabor, G', "'Illei, Gabor, G' has more than one ','; separate authors with ';'"],
    [', Gabor', "', Gabor' has no family name before the ','"],
  ])('rejects %j', (raw, reason) => {
    expect(parsePersonName(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseAuthors', () => {
  it('reads a ;-separated list', () => {
    const result = parseAuthors('Illei GG; Shirota Y;Manfredi A');
    expect(result.ok && result.value.names.map((name) => name.family)).toEqual(['Illei', 'Shirota', 'Manfredi']);
    expect(result.ok && result.value.truncated).toBe(false);
  });

  it.each(['Manfredi A; Lin CJF; et al', 'Manfredi A; Lin CJF et al.', 'Manfredi A; Lin CJF, et al', 'Manfredi A；Lin CJF 等'])(
    'marks %j as truncated',
    (raw) => {
      const result = parseAuthors(raw);
      expect(result.ok && result.value.names.map((name) => name.literal)).toEqual(['Manfredi A', 'Lin CJF']);
      expect(result.ok && result.value.truncated).toBe(true);
    },
  );

  it('does not take a name ending in "etal" for "et al"', () => {
    const result = parseAuthors('Smith J; Vetal');
    expect(result.ok && result.value).toMatchObject({ names: [{ family: 'Smith' }, { family: 'Vetal' }], truncated: false });
  });

  it('reads Chinese lists ending in 等', () => {
    const result = parseAuthors('陈建锋; 欧阳娜娜等');
    expect(result.ok && result.value).toEqual({
      names: [
        { family: '陈', given: '建锋', script: 'han', literal: '陈建锋' },
        { family: '欧阳', given: '娜娜', script: 'han', literal: '欧阳娜娜' },
      ],
      truncated: true,
    });
  });

  it.each([
    ['A;;B', "author 2 of 3 in 'A;;B' is empty; separate authors with a single ';'"],
    ['Illei GG; Shirota Y;', "author 3 of 3 in 'Illei GG; Shirota Y;' is empty; separate authors with a single ';'"],
    ['et al', "'et al' names no authors"],
    ['Illei GG; A1', "author 2: 'A1' is not a name in Latin or Chinese characters"],
  ])('rejects %j', (raw, reason) => {
    expect(parseAuthors(raw)).toEqual({ ok: false, reason });
  });
});

describe('nameKey', () => {
  it('folds case, diacritics and punctuation of the family name', () => {
    expect(nameKey(person('Schröder M'))).toBe('schroder');
    expect(nameKey(person('Øster K'))).toBe('oster');
    expect(nameKey(person('Al-Darwish L'))).toBe(nameKey(person('Al Darwish L')));
    expect(nameKey(person('Della Casa G'))).toBe('dellacasa');
    expect(nameKey(person('陈建锋'))).toBe('陈');
  });
});

describe('sameAuthor', () => {
  it.each([
    ['Gabor G Illei', 'Illei GG', true],
    ['Illei, Gabor G', 'Illei G', true],
    ['Shirota Y', 'Illei GG', false],
    ['Schröder M', 'SCHRODER M', true],
    ['Schröder M', 'Schröder K', false],
    ['Manfredi', 'Manfredi A', true],
    ['Ma Chaoyi', 'Ma C', true],
    ['陈建锋', '陈建锋', true],
    ['陈建锋', '陈明', false],
    ['Chen J', '陈建锋', false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameAuthor(person(a), person(b))).toBe(same);
    expect(sameAuthor(person(b), person(a))).toBe(same);
  });
});

describe('spaced initials (GB/T 7714 lists)', () => {
  it('reads "Illei G G" as family Illei with initials GG, the same author as "Gabor G Illei"', () => {
    const spaced = parsePersonName('Illei G G');
    const given = parsePersonName('Gabor G Illei');
    expect(spaced).toMatchObject({ ok: true, value: { family: 'Illei', initials: 'GG', literal: 'Illei G G' } });
    if (!spaced.ok || !given.ok) throw new Error('both names parse');
    expect(sameAuthor(spaced.value, given.value)).toBe(true);
  });

  it('reads "Lin C J F" as family Lin with initials CJF', () => {
    expect(parsePersonName('Lin C J F')).toMatchObject({ ok: true, value: { family: 'Lin', initials: 'CJF' } });
  });
});

describe('author lists in long and adversarial text', () => {
  it.each([
    ['Smith J et al', true],
    ['Smith J et al.', true],
    ['Smith J, et. al.', true],
    ['Smith J;et.al', true],
    ['Smith J ET AL', true],
    ['Smith J et \t al', true],
    ['Smith J，等', true],
    ['陈建锋等人', true],
    ['Smith J; Jet al', false],
    ['Smith J et al..', false],
    ['Smith J et..al', false],
  ])('%j: truncated %s, as before the scan replaced the pattern', (raw, truncated) => {
    const result = parseAuthors(raw);
    expect(result.ok && result.value.truncated).toBe(truncated);
  });

  it('finds "et al" without backtracking over a run of separators (was a pattern quadratic in the run)', () => {
    const input = adversarial('Smith J', ' ', 'x', 10_000);
    const stray = timed(parseAuthors, input);
    expect(stray.result).toEqual({ ok: false, reason: "author 1: 'Smith J             …' is 10000 characters long; a name is a few dozen characters" });
    expect(stray.ms).toBeLessThan(BUDGET_MS);
    const truncated = timed(parseAuthors, adversarial('Smith J', ', ;', ' et al.', 10_000));
    expect(truncated.result).toMatchObject({ ok: true, value: { names: [{ family: 'Smith', initials: 'J' }], truncated: true } });
    expect(truncated.ms).toBeLessThan(BUDGET_MS);
    const names = timed(parseAuthors, Array.from({ length: 10 }, () => `Smith J${' '.repeat(990)}`).join(';'));
    expect(names.result.ok && names.result.value.names).toHaveLength(10);
    expect(names.ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses a list over 10,000 characters and a name over 1,000 unread', () => {
    const { result, ms } = timed(parseAuthors, adversarial('Smith J', ';', '', 20_000));
    expect(result).toEqual({ ok: false, reason: "'Smith J;;;;;;;;;;;;;…' is 20000 characters long; an author list is at most a few thousand characters" });
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(parsePersonName(adversarial('Smith', ' ', 'J', 1_001))).toEqual({ ok: false, reason: "'Smith               …' is 1001 characters long; a name is a few dozen characters" });
  });
});
