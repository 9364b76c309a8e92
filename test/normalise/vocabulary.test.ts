// Tests for the controlled vocabularies: matching, suggestions and review extensions.
import { describe, expect, it } from 'vitest';
import {
  VOCABULARY_KINDS,
  builtinVocabulary,
  createVocabulary,
  vocabularyKey,
} from '../../pipeline/normalise/vocabulary.ts';
import type { VocabularyKind } from '../../pipeline/normalise/vocabulary.ts';

const vocabulary = createVocabulary();

function termOf(kind: VocabularyKind, raw: string): string | undefined {
  const result = vocabulary.lookup(kind, raw);
  return result.ok ? result.value.term : undefined;
}

describe('built-in vocabulary', () => {
  it.each<[VocabularyKind, string, string]>([
    ['disease', '类风湿关节炎', 'RA'],
    ['disease', 'Rheumatoid arthritis', 'RA'],
    ['disease', 'RHEUMATOID-ARTHRITIS', 'RA'],
    ['disease', 'ra', 'RA'],
    ['disease', 'ＳＬＥ', 'SLE'],
    ['disease', ' lupus ', 'SLE'],
    ['disease', 'Sjogren’s syndrome', 'SjS'],
    ['disease', 'dcSSc', 'SSc'],
    ['disease', '皮肌炎', 'IIM'],
    ['design', 'randomized controlled trial', 'rct'],
    ['design', 'Open label extension', 'rct-extension'],
    ['design', 'retrospective', 'cohort-retrospective'],
    ['design', '病例报告', 'case-report'],
    ['outcome', 'FVC % predicted', 'fvc'],
    ['outcome', 'DAS28-CRP', 'das28'],
    ['outcome', '严重不良事件', 'sae'],
    ['category', '好转', 'improved'],
    ['measure', '/100PY', 'rate_per_100py'],
    ['measure', 'HR', 'hr'],
    ['measure', 'hazard_ratio', 'hr'],
    ['analysis', 'intention-to-treat', 'itt'],
    ['analysis', 'post_hoc', 'post_hoc'],
  ])('%s %j is %j', (kind, raw, term) => {
    expect(termOf(kind, raw)).toBe(term);
  });

  it('carries labels and the disease an instrument belongs to', () => {
    expect(vocabulary.lookup('outcome', '罗德曼评分')).toEqual({
      ok: true,
      value: {
        kind: 'outcome',
        term: 'mrss',
        aliases: ['mRSS', 'modified Rodnan skin score', '改良Rodnan皮肤评分', '改良罗德曼皮肤评分', '罗德曼评分'],
        label: { en: 'modified Rodnan skin score', zh: '改良Rodnan皮肤评分' },
        disease: 'SSc',
      },
    });
    expect(vocabulary.lookup('outcome', 'SLEDAI-2K')).toMatchObject({ ok: true, value: { term: 'sledai', disease: 'SLE' } });
  });

  it('keeps kinds apart', () => {
    expect(termOf('outcome', '缓解')).toBe('remission');
    expect(termOf('category', '缓解')).toBe('remission');
    expect(termOf('disease', 'FVC')).toBeUndefined();
  });

  it('gives every alias and term a key of its own within a kind', () => {
    for (const kind of VOCABULARY_KINDS) {
      const owner = new Map<string, string>();
      for (const entry of builtinVocabulary.filter((item) => item.kind === kind)) {
        for (const written of [entry.term, ...entry.aliases]) {
          const key = vocabularyKey(written);
          expect(owner.get(key) ?? entry.term, `${kind} '${written}'`).toBe(entry.term);
          owner.set(key, entry.term);
        }
      }
    }
  });
});

describe('lookup misses', () => {
  it('says the text is not known and suggests the nearest canonical term', () => {
    expect(vocabulary.lookup('design', 'restrospective')).toEqual({
      ok: false,
      reason: "'restrospective' is not a known design",
      suggestion: 'cohort-retrospective',
    });
    expect(vocabulary.lookup('outcome', 'modifed Rodnan skin score')).toMatchObject({ ok: false, suggestion: 'mrss' });
    expect(vocabulary.lookup('disease', '类风湿性关节')).toMatchObject({ ok: false, suggestion: 'RA' });
  });

  it('suggests nothing when nothing is close', () => {
    expect(vocabulary.lookup('category', 'purple')).toEqual({ ok: false, reason: "'purple' is not a known category" });
  });
});

describe('createVocabulary with a review’s entries', () => {
  const extended = createVocabulary([
    { kind: 'disease', term: 'IgG4-RD', aliases: ['IgG4-related disease', 'IgG4相关性疾病'], label: { en: 'IgG4-related disease', zh: 'IgG4相关性疾病' } },
    { kind: 'disease', term: 'RA', aliases: ['RA-ILD', 'rheumatoid arthritis'] },
    { kind: 'outcome', term: 'mrss', aliases: ['skin score'] },
  ]);

  it('adds a new term', () => {
    const found = extended.lookup('disease', 'IgG4相关性疾病');
    expect(found.ok && found.value.term).toBe('IgG4-RD');
    expect(extended.entries('disease').map((entry) => entry.term)).toContain('IgG4-RD');
  });

  it('adds aliases to an existing term without duplicating it or losing what it had', () => {
    const found = extended.lookup('disease', 'ra ild');
    expect(found.ok && found.value.term).toBe('RA');
    expect(extended.entries('disease').filter((entry) => entry.term === 'RA')).toHaveLength(1);
    expect(found.ok && found.value.aliases).toEqual(['rheumatoid arthritis', '类风湿关节炎', '类风湿性关节炎', 'RA-ILD']);
    expect(extended.lookup('outcome', 'Skin Score')).toMatchObject({ ok: true, value: { term: 'mrss', disease: 'SSc' } });
  });

  it('leaves the built-in entries and other vocabularies untouched', () => {
    expect(builtinVocabulary.find((entry) => entry.term === 'RA')?.aliases).not.toContain('RA-ILD');
    expect(vocabulary.lookup('disease', 'RA-ILD').ok).toBe(false);
  });

  it('suggests the new terms too', () => {
    expect(extended.lookup('disease', 'IgG4RDD')).toMatchObject({ ok: false, suggestion: 'IgG4-RD' });
  });

  it('lets a review redirect a built-in alias, but never a canonical term', () => {
    const redirected = createVocabulary([
      { kind: 'disease', term: 'DM', aliases: ['dermatomyositis'] },
      { kind: 'disease', term: 'overlap', aliases: ['SLE'] },
    ]);
    expect(redirected.lookup('disease', 'dermatomyositis')).toMatchObject({ ok: true, value: { term: 'DM' } });
    expect(redirected.lookup('disease', 'SLE')).toMatchObject({ ok: true, value: { term: 'SLE' } });
  });
});

describe('entries', () => {
  it('lists a kind in definition order', () => {
    expect(vocabulary.entries('analysis').map((entry) => entry.term)).toEqual([
      'itt', 'mitt', 'completers', 'per_protocol', 'post_hoc', 'safety', 'as_reported',
    ]);
  });
});
