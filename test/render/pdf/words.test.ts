// Words and break opportunities: CJK breaks anywhere except before closing and after opening punctuation; Latin at spaces.
import { describe, expect, it } from 'vitest';
import { canBreakBetween, naturalWidth, splitWord, toWords, widestUnbreakable, type Word } from '../../../pipeline/render/pdf/words.ts';
import { bold, metrics, plain, styled } from './metrics.ts';

const cp = (char: string): number => char.codePointAt(0) as number;
const text = (word: Word): string => word.parts.map((part) => part.text).join('');
const texts = (words: readonly Word[]): string[] => words.map(text);

/** Every piece of a word between its break opportunities. */
function pieces(word: Word): string[] {
  const out: string[] = [];
  let rest: Word | null = word;
  while (rest !== null) {
    const split = splitWord(rest, 0, metrics, 'first');
    out.push(text(split === null ? rest : split.head));
    rest = split === null ? null : split.tail;
  }
  return out;
}

describe('canBreakBetween', () => {
  it('breaks between CJK characters and between CJK and Latin', () => {
    expect(canBreakBetween(cp('研'), cp('究'), 1)).toBe(true);
    expect(canBreakBetween(cp('例'), cp('T'), 1)).toBe(true);
    expect(canBreakBetween(cp('Z'), cp('在'), 3)).toBe(true);
  });

  it('never breaks before closing or after opening punctuation', () => {
    for (const closing of '，。、；：？！）】」』》〕’”%)') expect(canBreakBetween(cp('究'), cp(closing), 1)).toBe(false);
    for (const opening of '（【「『《〔‘“(') expect(canBreakBetween(cp(opening), cp('究'), 1)).toBe(false);
  });

  it('keeps the Chinese dash and ellipsis whole', () => {
    expect(canBreakBetween(cp('—'), cp('—'), 1)).toBe(false);
    expect(canBreakBetween(cp('…'), cp('…'), 1)).toBe(false);
  });

  it('breaks long Latin compounds after a hyphen or slash, never short ones', () => {
    expect(canBreakBetween(cp('-'), cp('I'), 4)).toBe(true); // CTD-|ILD
    expect(canBreakBetween(cp('-'), cp('6'), 3)).toBe(false); // IL-6
    expect(canBreakBetween(cp('/'), cp('k'), 3)).toBe(false); // mg/kg
    expect(canBreakBetween(cp('a'), cp('b'), 5)).toBe(false);
  });
});

describe('toWords', () => {
  it('cuts at spaces only, with the space as glue; white space collapses', () => {
    const words = toWords([styled('  tocilizumab (TCZ) is  used ')], metrics);
    expect(texts(words)).toEqual(['tocilizumab', '(TCZ)', 'is', 'used']);
    expect(words.map((word) => word.glue !== null)).toEqual([true, true, true, false]);
    expect(words.map((word) => word.breakable)).toEqual([false, false, false, false]);
    expect(naturalWidth(words)).toBe((11 + 5 + 2 + 4) * 5 + 3 * 2.5);
  });

  it('keeps Chinese text as one word whose break opportunities respect punctuation', () => {
    const [word] = toWords([styled('研究（TCZ）表明，有效。')], metrics);
    expect(word?.breakable).toBe(true);
    expect(pieces(word as Word)).toEqual(['研', '究', '（TCZ）', '表', '明，', '有', '效。']);
  });

  it('keeps a bracketed percentage whole across styles', () => {
    const words = toWords([styled('14 例('), styled('56%', bold), styled(')患者')], metrics);
    expect(texts(words)).toEqual(['14', '例(56%)患者']);
    expect(words[1]?.parts.map((part) => [part.text, part.style])).toEqual([
      ['例(', plain],
      ['56%', bold],
      [')患者', plain],
    ]);
    expect(pieces(words[1] as Word)).toEqual(['例', '(56%)', '患', '者']);
  });

  it('drops a source line break between CJK characters but keeps it as a space between words', () => {
    expect(texts(toWords([styled('肺间质\n病变')], metrics))).toEqual(['肺间质病变']);
    expect(texts(toWords([styled('lung\ndisease')], metrics))).toEqual(['lung', 'disease']);
  });

  it('marks forced breaks', () => {
    const words = toWords([styled('CTD-ILD 患者'), styled('\n'), styled('next')], metrics);
    expect(texts(words)).toEqual(['CTD-ILD', '患者', 'next']);
    expect(words.map((word) => word.forced)).toEqual([false, true, false]);
    expect(pieces(words[0] as Word)).toEqual(['CTD-', 'ILD']);
  });

  it('ignores soft hyphens and ends words at zero-width spaces', () => {
    expect(texts(toWords([styled('hyphen\u00adation long\u200bword')], metrics))).toEqual(['hyphenation', 'long', 'word']);
  });

  it('keeps a closing mark after a space with the word before it', () => {
    expect(texts(toWords([styled('研究 ）后')], metrics))).toEqual(['研究 ）后']);
  });
});

describe('splitWord', () => {
  const [word] = toWords([styled('一二三，四五六')], metrics);

  it('cuts at the last opportunity that fits', () => {
    const split = splitWord(word as Word, 45, metrics, 'fit');
    expect([text(split?.head as Word), text(split?.tail as Word)]).toEqual(['一二三，', '四五六']);
    expect(split?.head.width).toBe(40);
  });

  it('gives nothing when no opportunity fits', () => {
    expect(splitWord(word as Word, 5, metrics, 'fit')).toBeNull();
  });

  it('cuts between characters in an emergency, punctuation kept with its neighbour', () => {
    const [latin] = toWords([styled('abc,def')], metrics);
    const split = splitWord(latin as Word, 12, metrics, 'chars');
    expect([text(split?.head as Word), text(split?.tail as Word)]).toEqual(['ab', 'c,def']);
  });

  it('finds the widest unbreakable piece', () => {
    expect(widestUnbreakable(toWords([styled('一二三，四 word')], metrics), metrics)).toBe(20);
    expect(widestUnbreakable(toWords([styled('一 tocilizumab')], metrics), metrics)).toBe(55);
  });
});
