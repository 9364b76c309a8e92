// Tests for the closest-word suggestion behind "did you mean".
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, nearest } from '../../pipeline/normalise/nearest.ts';

const columns = ['id', 'authors', 'title', 'year', 'sample_size', 'sample', 'doi'];

describe('nearest', () => {
  it('suggests the column meant', () => {
    expect(nearest('auhtors', columns)).toBe('authors');
    expect(nearest('sample_sise', columns)).toBe('sample_size');
    expect(nearest('Titel', columns)).toBe('title');
    expect(nearest('YEAR', columns)).toBe('year');
  });

  it('returns the candidate as given, not case-folded', () => {
    expect(nearest('rct', ['RCT', 'OLE'])).toBe('RCT');
  });

  it('suggests nothing beyond the maximum distance', () => {
    expect(nearest('xyz', columns)).toBeUndefined();
    expect(nearest('autors', columns, { maxDistance: 0 })).toBeUndefined();
    expect(nearest('aut', columns, { maxDistance: 4 })).toBe('id');
  });

  it('allows one edit on short words and a third of the length on long ones', () => {
    expect(nearest('yr', ['year'])).toBeUndefined();
    expect(nearest('yeer', ['year'])).toBe('year');
    expect(nearest('smaple_szie', columns)).toBe('sample_size');
  });

  it('breaks ties by the order of the candidates', () => {
    expect(nearest('cat', ['bat', 'cap', 'car'])).toBe('bat');
    expect(nearest('cat', ['cap', 'bat'])).toBe('cap');
  });

  it('prefers an exact match', () => {
    expect(nearest('sample', columns)).toBe('sample');
  });

  it('handles no candidates and Chinese text', () => {
    expect(nearest('authors', [])).toBeUndefined();
    expect(nearest('作着', ['作者', '标题'])).toBe('作者');
  });
});

describe('editDistance', () => {
  const distance = (a: string, b: string, limit?: number) => editDistance([...a], [...b], limit);

  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(distance('', '')).toBe(0);
    expect(distance('abc', '')).toBe(3);
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('auhtors', 'authors')).toBe(1);
    expect(distance('ca', 'abc')).toBe(3);
  });

  it('stops at the limit', () => {
    expect(distance('kitten', 'sitting', 1)).toBe(2);
    expect(distance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  /** The textbook table, a fresh one per call: what the reused-row version must agree with. */
  function referenceDistance(a: string[], b: string[]): number {
    const table = new Map<string, number>();
    const at = (i: number, j: number): number => (i === 0 ? j : j === 0 ? i : (table.get(`${i},${j}`) as number));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        let cost = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, at(i - 2, j - 2) + 1);
        table.set(`${i},${j}`, cost);
      }
    }
    return at(a.length, b.length);
  }

  it('agrees with the textbook table, call after call, whatever the lengths and limits', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', '作', '者'), { maxLength: 90 });
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word, fc.option(fc.nat(6), { nil: undefined })), { minLength: 1, maxLength: 8 }), (pairs) => {
        // Several calls in a row, long words then short ones, so rows left over from a call cannot leak into the next.
        for (const [a, b, limit] of pairs) {
          const exact = referenceDistance(a, b);
          expect(editDistance(a, b, limit)).toBe(limit === undefined ? exact : Math.min(exact, limit + 1));
        }
      }),
      { numRuns: 200 },
    );
  });
});
