// Line filling and composition: widths respected, justified lines flush right, no line opening with closing punctuation.
import { describe, expect, it } from 'vitest';
import { avoidRunt, breakLines, composeLine, type Paragraph } from '../../../pipeline/render/pdf/lines.ts';
import { toWords } from '../../../pipeline/render/pdf/words.ts';
import { metrics, plain, styled } from './metrics.ts';

const CHINESE = '随访 30 个月结束后，针对 FVC 和 DLCO，14 例(56%)患者保持稳定，5 例(20%)改善，6 例(24%)恶化。3 例患者 DLCO 和 FVC 呈相反趋势。大多数病例(25 例)的 HRCT 表现保持稳定，2 例寻常型间质性肺炎患者的 HRCT 表现恶化。';

function lineTexts(paragraph: Paragraph): string[] {
  return paragraph.lines.map((line) =>
    paragraph.words
      .slice(line.start, line.end)
      .map((word, index, all) => word.parts.map((part) => part.text).join('') + (index < all.length - 1 && word.glue ? ' ' : ''))
      .join(''),
  );
}

describe('breakLines', () => {
  it('fills lines to the width and never starts a line with closing punctuation', () => {
    for (let width = 40; width <= 200; width += 7) {
      const paragraph = breakLines(toWords([styled(CHINESE)], metrics), { first: width - 20, rest: width }, metrics);
      paragraph.lines.forEach((line, index) => expect(line.width).toBeLessThanOrEqual((index === 0 ? width - 20 : width) + 0.01));
      for (const text of lineTexts(paragraph)) expect(text).not.toMatch(/^[，。、；：？！）%)]/);
      expect(lineTexts(paragraph).join('').replace(/\s/g, '')).toBe(CHINESE.replace(/\s/g, ''));
    }
  });

  it('splits a word wider than the line instead of overflowing', () => {
    const paragraph = breakLines(toWords([styled('DOI:10.1002/art.27221.averyveryverylongidentifier')], metrics), { first: 60, rest: 60 }, metrics);
    for (const line of paragraph.lines) expect(line.width).toBeLessThanOrEqual(60.01);
    // The DOI part breaks without hyphens; the long run of letters after it is hyphenated where it must break.
    const lines = lineTexts(paragraph);
    expect(lines.join('').replace(/-/g, '')).toBe('DOI:10.1002/art.27221.averyveryverylongidentifier');
    expect(lines[0]).not.toMatch(/-$/);
  });

  it('ends lines at forced breaks', () => {
    const paragraph = breakLines(toWords([styled('a'), styled('\n'), styled('b')], metrics), { first: 500, rest: 500 }, metrics);
    expect(lineTexts(paragraph)).toEqual(['a', 'b']);
    expect(paragraph.lines.map((line) => line.last)).toEqual([true, true]);
  });

  it('does not end a paragraph on a single CJK character', () => {
    const paragraph = breakLines(toWords([styled('一二三四五六七八九十甲')], metrics), { first: 100, rest: 100 }, metrics);
    expect(lineTexts(paragraph)).toEqual(['一二三四五六七八九十', '甲']);
    avoidRunt(paragraph, metrics);
    expect(lineTexts(paragraph)).toEqual(['一二三四五六七八九', '十甲']);
  });
});

describe('composeLine', () => {
  it('justifies a CJK line exactly to the width, one segment per character', () => {
    const paragraph = breakLines(toWords([styled('一二三四五六七八，九十')], metrics), { first: 95, rest: 95 }, metrics);
    const line = paragraph.lines[0];
    if (line === undefined) throw new Error('no line');
    const { runs } = composeLine(paragraph, line, { x: 0, baseline: 10, width: 95, align: 'justify', size: 10 }, metrics);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    if (run === undefined) throw new Error('no run');
    expect(run.segments).toEqual(['一', '二', '三', '四', '五', '六', '七', '八，']);
    expect(line.width + run.gap * (run.segments.length - 1)).toBeCloseTo(95, 6);
  });

  it('does not justify last lines and starts a new run per style', () => {
    const bold = { ...plain, face: 'bold' as const };
    const paragraph = breakLines(toWords([styled('plain '), styled('bold', bold), styled(' end')], metrics), { first: 500, rest: 500 }, metrics);
    const { runs } = composeLine(paragraph, paragraph.lines[0] as Paragraph['lines'][number], { x: 5, baseline: 10, width: 500, align: 'justify', size: 10 }, metrics);
    expect(runs.map((run) => [run.face, run.segments.join(''), run.x])).toEqual([
      ['regular', 'plain ', 5],
      ['bold', 'bold', 5 + 27.5],
      ['regular', ' end', 5 + 27.5 + 20],
    ]);
    expect(runs.every((run) => run.gap === 0)).toBe(true);
  });

  it('centres and right-aligns', () => {
    const paragraph = breakLines(toWords([styled('ab')], metrics), { first: 100, rest: 100 }, metrics);
    const line = paragraph.lines[0] as Paragraph['lines'][number];
    expect(composeLine(paragraph, line, { x: 0, baseline: 0, width: 100, align: 'center', size: 10 }, metrics).runs[0]?.x).toBe(45);
    expect(composeLine(paragraph, line, { x: 0, baseline: 0, width: 100, align: 'right', size: 10 }, metrics).runs[0]?.x).toBe(90);
  });

  it('reports link boxes for linked text', () => {
    const linked = { ...plain, href: '#ref-3' };
    const paragraph = breakLines(toWords([styled('见'), styled('[3]', linked)], metrics), { first: 100, rest: 100 }, metrics);
    const { links } = composeLine(paragraph, paragraph.lines[0] as Paragraph['lines'][number], { x: 0, baseline: 20, width: 100, align: 'left', size: 10 }, metrics);
    expect(links).toEqual([{ x: 10, y: 20 - 9.5, width: 15, height: 12, href: '#ref-3' }]);
  });
});
