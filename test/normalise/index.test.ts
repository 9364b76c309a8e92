// Tests that the normalise barrel exposes every parser, so callers can import from one place.
import { describe, expect, it } from 'vitest';
import * as normalise from '../../pipeline/normalise/index.ts';

describe('normalise index', () => {
  it('re-exports the public API', () => {
    const functions = [
      'parsed', 'rejected', 'foldFullWidth', 'parseNumber', 'decimalPlaces', 'parseInteger', 'parseCount', 'parseYear',
      'parsePercent', 'parseReportedCount', 'parseInterval', 'parseDuration', 'parseRegimen', 'formatRegimen', 'parseDoi',
      'parsePmid', 'parseRegistration', 'parseAuthors', 'parsePersonName', 'sameAuthor', 'nameKey', 'nearest',
      'editDistance', 'createVocabulary', 'vocabularyKey',
    ] as const;
    for (const name of functions) expect(typeof normalise[name], name).toBe('function');
    expect(normalise.VOCABULARY_KINDS).toEqual(['disease', 'design', 'outcome', 'category', 'measure', 'analysis']);
    expect(normalise.builtinVocabulary.length).toBeGreaterThan(50);
  });
});
