// Words and break opportunities: CJK breaks anywhere except before closing and after opening punctuation; Latin at spaces.
import { describe, expect, it } from 'vitest';
import { canBreakBetween, naturalWidth, shapeBookOf, ShapeBook, splitWord, toWords, widestUnbreakable, type StyledText, type Word } from '../../../pipeline/render/pdf/words.ts';
import type { Metrics } from '../../../pipeline/render/pdf/canvas.ts';
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

  it('keeps a bracketed percentage whole across styles, and a number with its unit', () => {
    const words = toWords([styled('14 例('), styled('56%', bold), styled(')患者')], metrics);
    expect(texts(words)).toEqual(['14\u00a0例(56%)患者']);
    expect(words[0]?.parts.map((part) => [part.text, part.style])).toEqual([
      ['14\u00a0例(', plain],
      ['56%', bold],
      [')患者', plain],
    ]);
    expect(pieces(words[0] as Word)).toEqual(['14\u00a0例', '(56%)', '患', '者']);
    expect(texts(toWords([styled('TCZ 8 mg/kg q4w for 96 weeks')], metrics))).toEqual(['TCZ', '8\u00a0mg/kg', 'q4w', 'for', '96\u00a0weeks']);
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

  it('cuts between characters in an emergency, punctuation kept with its neighbour, a letter cut hyphenated', () => {
    const [latin] = toWords([styled('abc,def')], metrics);
    const split = splitWord(latin as Word, 12, metrics, 'chars');
    expect([text(split?.head as Word), text(split?.tail as Word)]).toEqual(['a-', 'bc,def']);
    const [comma] = toWords([styled('abc,def')], metrics);
    expect(text(splitWord(comma as Word, 22, metrics, 'chars')?.head as Word)).toBe('abc,');
  });

  it('never cuts inside a number, even in an emergency', () => {
    const [number] = toWords([styled('212')], metrics);
    expect(splitWord(number as Word, 6, metrics, 'chars')).toBeNull();
    const [decimal] = toWords([styled('14.8%')], metrics);
    expect(splitWord(decimal as Word, 12, metrics, 'chars')).toBeNull();
  });

  it('hyphenates a Latin word at its hyphenation points (en-us patterns), never an identifier', () => {
    const [word] = toWords([styled('musculoskeletal')], metrics);
    const split = splitWord(word as Word, 40, metrics, 'hyphen');
    expect([text(split?.head as Word), text(split?.tail as Word)]).toEqual(['muscu-', 'loskeletal']);
    const [doi] = toWords([styled('doi:10.1002/art.27221')], metrics);
    expect(splitWord(doi as Word, 40, metrics, 'hyphen')).toBeNull();
  });

  it('breaks where UAX #14 and the CJK line rules both allow', () => {
    const [clause] = toWords([styled('扩展（RCT）。后')], metrics);
    const heads: string[] = [];
    for (let room = 5; room <= 80; room += 5) {
      const split = splitWord(clause as Word, room, metrics, 'fit');
      if (split) heads.push(text(split.head));
    }
    // Never a line ending in （ nor one starting with ） or 。, and nothing inside RCT.
    for (const head of heads) expect(head).not.toMatch(/（$|RC$|R$/);
    expect(heads).toContain('扩展');
    expect(heads).toContain('扩展（RCT）。');
  });

  it('finds the widest unbreakable piece', () => {
    expect(widestUnbreakable(toWords([styled('一二三，四 word')], metrics), metrics)).toBe(20);
    expect(widestUnbreakable(toWords([styled('一 tocilizumab')], metrics), metrics)).toBe(55);
  });
});

describe('word shapes', () => {
  // Characters that exercise every rule of the builder: CJK, Latin, digits, closing and opening punctuation, in-word
  // breaks, doubled marks, white space of each kind, soft hyphen, zero-width space and a character the font lacks.
  const ALPHABET = ['研', '究', '例', 'T', 'C', 'Z', 'a', 'b', '1', '4', '，', '。', '）', '（', '%', '(', ')', '-', '/', '—', '…', ' ', ' ', ' ', '\n', '\t', '\u00ad', '\u200b', 'Ž', '𠀀'];
  const small = { ...plain, size: 7 };
  const STYLES = [plain, plain, bold, small];

  // mulberry32: the same cases on every run.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function randomItems(next: () => number): StyledText[] {
    const items: StyledText[] = [];
    const count = 1 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) {
      if (next() < 0.1) {
        items.push(styled('\n'));
        continue;
      }
      let text = '';
      const length = 1 + Math.floor(next() * 12);
      for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      items.push(styled(text, STYLES[Math.floor(next() * STYLES.length)]));
    }
    return items;
  }

  // The font lacks Ž (its stand-in is Z), as Noto Sans SC does.
  const lacking: Metrics = { advance: metrics.advance, covers: (cp) => cp !== 0x17d };

  it('sets words from shapes exactly as character by character, cold and warm', () => {
    const next = random(7);
    const book = new ShapeBook(lacking);
    for (let i = 0; i < 3000; i++) {
      const items = randomItems(next);
      const expected = toWords(items, lacking, null);
      expect(toWords(items, lacking, book), JSON.stringify(items.map((item) => item.text))).toEqual(expected);
      expect(toWords(items, lacking, book)).toEqual(expected);
    }
    expect(book.count).toBeGreaterThan(100);
  });

  it('never changes a shared shape when its word goes on in another style', () => {
    const book = new ShapeBook(metrics);
    const first = toWords([styled('abc '), styled('abc'), styled('def', bold)], metrics, book);
    expect(first.map((word) => word.parts.map((part) => [part.text, part.style.face, part.width]))).toEqual([
      [['abc', 'regular', 15]],
      [
        ['abc', 'regular', 15],
        ['def', 'bold', 15],
      ],
    ]);
    const again = toWords([styled('abc')], metrics, book);
    expect(again[0]?.parts).toEqual([{ text: 'abc', style: plain, width: 15 }]);
    expect(again[0]?.width).toBe(15);
  });

  it('keeps the state a word leaves for the text after it', () => {
    const book = new ShapeBook(metrics);
    for (let pass = 0; pass < 2; pass++) {
      // CTD- is four characters long, so ILD after it may go to the next line; after IL- the 6 may not.
      const [long] = toWords([styled('CTD-'), styled('ILD', bold)], metrics, book);
      const [short] = toWords([styled('IL-'), styled('6', bold)], metrics, book);
      expect([long?.breakable, short?.breakable]).toEqual([true, false]);
    }
  });

  it('keeps one shape per style, and one book per set of metrics', () => {
    const book = new ShapeBook(metrics);
    const [regular] = toWords([styled('研究')], metrics, book);
    const [smaller] = toWords([styled('研究', { ...plain, size: 5 })], metrics, book);
    expect([regular?.width, smaller?.width]).toEqual([20, 10]);
    expect(book.count).toBe(2);
    const wide: Metrics = { advance: () => 2, covers: () => true };
    expect(shapeBookOf(wide)).not.toBe(shapeBookOf(metrics));
    expect(toWords([styled('研究')], wide)[0]?.width).toBe(40);
    expect(toWords([styled('研究')], metrics)[0]?.width).toBe(20);
    // Spaces too are measured with the metrics they are set in, although both share the style.
    expect(toWords([styled('a b')], wide)[0]?.glue?.width).toBe(20);
    expect(toWords([styled('a b')], metrics)[0]?.glue?.width).toBe(2.5);
  });

  it('stops keeping shapes at its limit and still sets every word', () => {
    const book = new ShapeBook(metrics, 2);
    const words = toWords([styled('a bb ccc dddd a')], metrics, book);
    expect(words.map((word) => word.width)).toEqual([5, 10, 15, 20, 5]);
    expect(book.count).toBe(2);
  });
});
