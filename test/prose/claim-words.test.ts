// Tests for the claim vocabulary: claims found with their offsets, negations and hedges taken back, longest words first, review additions, long input.
import { describe, expect, it } from 'vitest';
import { createClaimVocabulary, type ClaimKind } from '../../pipeline/prose/claim-words.ts';

const claims = createClaimVocabulary();
const found = (text: string, kind: ClaimKind) => claims.find(text, kind).map((m) => m.text);

describe('claim vocabulary', () => {
  it('finds significance claims in Chinese and English, and not their negations', () => {
    expect(found('TCZ 显著改善 FVC', 'significance')).toEqual(['显著']);
    expect(found('FVC improved significantly', 'significance')).toEqual(['significantly']);
    for (const text of ['二者无显著差异', '未显著改善', '差异不显著', '没有显著差异', '并未显著下降', '非显著', '未达到统计学显著', 'not significantly different', 'no significant difference', 'was not statistically significant', 'non-significant']) {
      expect(found(text, 'significance'), text).toEqual([]);
    }
    expect(found('差异非常显著', 'significance')).toEqual(['显著']);
  });

  it('takes a negation back only within its clause', () => {
    expect(found('未见不良事件，FVC 显著改善', 'significance')).toEqual(['显著']);
  });

  it('finds proof words, and not hedges or proofs still wanted', () => {
    expect(found('该研究证实了 TCZ 可能有效', 'proof')).toEqual(['证实']);
    expect(found('This trial confirms the benefit', 'proof')).toEqual(['confirms']);
    for (const text of ['该病例提示 TCZ 可能有效', '该研究表明', 'may suggest a benefit', '有待证实', '尚未得到证实', '需要进一步证实', 'remains to be confirmed', 'has not been proven', 'whether it confirms']) {
      expect(found(text, 'proof'), text).toEqual([]);
    }
  });

  it('prefers the longest design word and keeps a negated one from leaving its parts behind', () => {
    expect(found('一项随机对照试验', 'design')).toEqual(['一项随机对照试验'.slice(2)]);
    expect(found('有待来自随机对照临床试验的证据', 'design')).toEqual([]);
    expect(found('一项开放标签 I 期剂量递增研究', 'design')).toEqual(['一项开放标签 I 期剂量递增研究']);
    expect(found('试验组的 FVC', 'design')).toEqual([]);
  });

  it('matches Latin words whole and in any case', () => {
    expect(found('In the ITT population', 'population')).toEqual(['ITT']);
    expect(found('the committee', 'population')).toEqual([]);
    expect(found('Intention-To-Treat analysis', 'population')).toEqual(['Intention-To-Treat']);
  });

  it("adds a review's own words", () => {
    const extended = createClaimVocabulary({ terms: [{ kind: 'proof', phrase: '确认无误' }], negations: [{ kind: 'proof', phrase: '不宜' }] });
    expect(extended.find('疗效确认无误', 'proof').map((m) => m.text)).toEqual(['确认无误']);
    expect(extended.find('不宜证实', 'proof')).toEqual([]);
  });

  it('reads a phrase with regular-expression characters as text', () => {
    const extended = createClaimVocabulary({ terms: [{ kind: 'significance', phrase: 'p<0.05 (two-sided)' }] });
    expect(extended.find('with p<0.05 (two-sided) here', 'significance').map((m) => m.text)).toEqual(['p<0.05 (two-sided)']);
    expect(extended.find('with p<0x05 (two-sided) here', 'significance')).toEqual([]);
  });

  it('is linear on a 10 MB text full of claim words and near-misses', () => {
    const text = '显著无显著一项非研究'.repeat(1_000_000);
    const started = performance.now();
    for (const kind of ['significance', 'design'] as const) claims.find(text, kind);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
