// Page footers, running-head titles and stand-ins for characters the font lacks.
import { describe, expect, it } from 'vitest';
import { pageLabel, shortTitle } from '../../../pipeline/render/pdf/chrome.ts';
import { withStandIns } from '../../../pipeline/render/fonts.ts';

describe('pageLabel', () => {
  it('words the footer in the document language', () => {
    expect(pageLabel('zh', 2, 13)).toBe('第 2 页 / 共 13 页');
    expect(pageLabel('en', 2, 13)).toBe('Page 2 of 13');
  });
});

describe('shortTitle', () => {
  const measure = (text: string): number => Array.from(text).length;
  it('keeps a title that fits, else the part before the subtitle, else cuts it with an ellipsis', () => {
    expect(shortTitle('托珠单抗的研究进展', 20, measure)).toBe('托珠单抗的研究进展');
    expect(shortTitle('托珠单抗治疗间质性肺病：一项系统综述与荟萃分析', 14, measure)).toBe('托珠单抗治疗间质性肺病');
    expect(shortTitle('abcdefghijklmnopqrstuvwxyz', 10, measure)).toBe('abcdefghi…');
  });
});

describe('withStandIns', () => {
  const covers = { covers: (cp: number): boolean => cp < 0x17a && cp !== 0x142 && cp !== 0x141 };
  it('replaces only what the font lacks, and never drops a character', () => {
    expect(withStandIns('plain text', covers)).toBe('plain text');
    expect(withStandIns('Łódź Žilina CO₂', covers)).toBe('Lódz Zilina CO2');
    expect(withStandIns('☃', covers)).toBe('☃');
  });
});
