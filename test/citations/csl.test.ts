// Tests for the citeproc adapter: each entry in its own language's locale, in the items' order, whatever the mix of languages.
import { describe, expect, it } from 'vitest';
import { REFERENCE_STYLES, renderBibliography, type CslItem, type ReferenceStyleName } from '../../pipeline/citations/csl.ts';

const latin = (...names: string[]) => names.map((name) => ({ family: name.split(' ')[0] ?? '', given: name.split(' ')[1] ?? '' }));
const han = (...names: string[]) => names.map((literal) => ({ literal }));

// Chinese and English works interleaved, four authors each (GB/T 7714 lists three, then 等 or et al.); `c` has no language.
const ITEMS: CslItem[] = [
  { id: 'a', type: 'article-journal', language: 'zh', title: '托珠单抗治疗间质性肺病', 'container-title': '中华医学杂志', author: han('陈建锋', '王伟', '李明', '张华'), issued: { 'date-parts': [[2020]] } },
  { id: 'b', type: 'article-journal', language: 'en', title: 'Tocilizumab in systemic sclerosis', 'container-title': 'Lancet', author: latin('Khanna D', 'Lin C', 'Furst D', 'Goldin J'), issued: { 'date-parts': [[2020]] } },
  { id: 'c', type: 'article-journal', title: 'A work of unrecorded language', 'container-title': '中华风湿病学杂志', author: han('马超逸', '赵一', '钱二', '孙三'), issued: { 'date-parts': [[2021]] } },
  { id: 'd', type: 'article-journal', language: 'en', title: 'Another English work', 'container-title': 'Rheumatology', author: latin('Smith J', 'Jones K', 'Brown L', 'White M'), issued: { 'date-parts': [[2019]] } },
];

describe('renderBibliography', () => {
  it('renders each entry in its own place with its own language: 等 for Chinese works, et al. for English ones', () => {
    const entries = renderBibliography(ITEMS, 'gb-t-7714', 'zh');
    expect(entries.map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(entries.map((entry) => entry.html)).toEqual([
      '陈建锋, 王伟, 李明, 等. 托珠单抗治疗间质性肺病[J]. 中华医学杂志, 2020.',
      'KHANNA D, LIN C, FURST D, et al. Tocilizumab in systemic sclerosis[J]. Lancet, 2020.',
      '马超逸, 赵一, 钱二, 等. A work of unrecorded language[J]. 中华风湿病学杂志, 2021.',
      'SMITH J, JONES K, BROWN L, et al. Another English work[J]. Rheumatology, 2019.',
    ]);
  });

  it('words a work without a language by its names: 等 after Chinese names, et al. after Latin ones, whatever the review', () => {
    const [chinese] = renderBibliography([ITEMS[2] as CslItem], 'gb-t-7714', 'en');
    expect(chinese?.html).toBe('马超逸, 赵一, 钱二, 等. A work of unrecorded language[J]. 中华风湿病学杂志, 2021.');
    const latin: CslItem = { id: 'latin', type: 'article-journal', title: 'Tocilizumab in RA-ILD', author: ['Otsuji', 'Sugiyama', 'Owada', 'Ito'].map((family) => ({ family, given: 'N.' })) };
    const [entry] = renderBibliography([latin], 'gb-t-7714', 'zh');
    expect(entry?.html).toMatch(/^OTSUJI N, SUGIYAMA N, OWADA N, et al\./);
  });

  // Each locale's engine is given only that locale's items: right only while an entry depends on its own item alone.
  for (const style of Object.keys(REFERENCE_STYLES) as ReferenceStyleName[]) {
    it(`renders an entry the same alone as among others (${style})`, () => {
      const together = renderBibliography(ITEMS, style, 'zh');
      const alone = ITEMS.map((item) => renderBibliography([item], style, 'zh')[0]);
      expect(together).toEqual(alone);
    });
  }
});
