// Tests for the templates' prose as paragraphs and sentences: boundaries in Chinese and English, calls in place, positions back in the template.
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../pipeline/render/handlebars.ts';
import { CALL_MARK, proseOf } from '../../pipeline/prose/sentences.ts';

const prose = (source: string) => proseOf(parseTemplate(source, 't.hbs'), 't.hbs');
const texts = (source: string) => prose(source).paragraphs.map((p) => p.sentences.map((s) => s.text.trim()));

describe('proseOf', () => {
  it('ends paragraphs at block elements and sentences at 。！？ and an English stop before a space', () => {
    expect(texts('<h2>2. RA</h2>\n<p>甲研究。乙研究！丙？</p><p>One. Two! Three? Four</p>')).toEqual([
      ['2. RA'],
      ['甲研究。', '乙研究！', '丙？'],
      ['One.', 'Two!', 'Three?', 'Four'],
    ]);
  });

  it('does not end a sentence at a decimal, an abbreviation or an initial', () => {
    expect(texts('<p>Smith et al. found 0.5 mg e.g. in Smith J. Lancet. Then more.</p>')).toEqual([['Smith et al. found 0.5 mg e.g. in Smith J. Lancet.', 'Then more.']]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(texts('<p>他说“有效。”随后（见表。）结束。</p>')).toEqual([['他说“有效。”', '随后（见表。）', '结束。']]);
  });

  it('reads inline tags through and leaves comments out', () => {
    expect(texts('<p>TCZ <em>显著</em>{{!-- a note. --}}改善<sup>1</sup>。</p>')).toEqual([['TCZ 显著改善1。']]);
  });

  it('puts each helper call in its sentence as one mark, with its strings and literal hash', () => {
    const [paragraph] = prose('<p>Manfredi 等{{cite "m"}}招募了 {{study "m" "n_enrolled"}} 名患者。{{outcome "m" "fvc" category="stable" field="percent"}}%稳定。</p>').paragraphs;
    const [first, second] = paragraph?.sentences ?? [];
    expect(first?.text).toBe(`Manfredi 等${CALL_MARK}招募了 ${CALL_MARK} 名患者。`);
    expect(first?.calls.map((c) => [c.name, c.strings, c.offset])).toEqual([
      ['cite', ['m'], 10],
      ['study', ['m', 'n_enrolled'], 15],
    ]);
    expect(second?.calls[0]?.hash).toEqual({ category: 'stable', field: 'percent' });
  });

  it('maps every offset back to its template line and column, across lines, tags and calls', () => {
    const source = '<p>第一句。\n  {{cite "a"}}第二<em>句</em>话。</p>';
    const [, second] = prose(source).paragraphs[0]?.sentences ?? [];
    const lines = source.split('\n');
    const at = (word: string) => {
      const offset = second?.text.indexOf(word) ?? -1;
      return second?.positionOf(offset);
    };
    expect(at('第二')).toEqual({ line: 2, column: (lines[1]?.indexOf('第二') ?? 0) + 1 });
    expect(at('句')).toEqual({ line: 2, column: (lines[1]?.indexOf('句') ?? 0) + 1 });
    expect(at(CALL_MARK)).toEqual({ line: 2, column: 3 });
  });

  it('reads blocks in place', () => {
    expect(texts('<p>{{#if x}}显著改善。{{else}}无改善。{{/if}}</p>')).toEqual([['显著改善。', '无改善。']]);
  });

  it('is linear on a 10 MB line: one sentence-less run, and a run of section-number stops', () => {
    const long = `<p>${'显'.repeat(5_000_000)}</p>`;
    const numbers = `<p>${'1. '.repeat(1_000_000)}</p>`;
    const started = performance.now();
    expect(prose(long).paragraphs[0]?.sentences[0]?.text.length).toBe(5_000_000);
    expect(prose(numbers).paragraphs[0]?.sentences.length).toBeGreaterThan(0);
    // Generous: both take well under a second; quadratic work would take hours.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
