// Tests for the closest-word suggestion behind "did you mean".
import { describe, expect, it } from 'vitest';
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
});
