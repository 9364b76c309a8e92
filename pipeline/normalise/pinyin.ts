// pinyin-pro adapter, the only one: Chinese characters to toneless pinyin, and a Chinese personal name to surname and initials.
import { pinyin, segment } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
// Longer input is not a name; the bound keeps a pathological cell from costing the dictionary look-up.
const MAX_NAME_CHARS = 40;
const MAX_TEXT_CHARS = 10_000;

/** A Chinese name read in pinyin: 马超逸 → `{ surname: 'ma', given: 'chaoyi', initials: 'cy' }`. */
export interface PinyinName {
  /** The surname's pinyin, compound surnames whole (欧阳 → `ouyang`), read as a surname (单 → `shan`, 曾 → `zeng`). */
  surname: string;
  /** The given name's syllables run together, lower case (`chaoyi`); empty for a surname alone. */
  given: string;
  /** One letter per syllable of the given name (`cy`), as "Ma CY" writes it. */
  initials: string;
}

/**
 * Toneless, lower-case pinyin of the Chinese characters in a text, one syllable per character,
 * separated by spaces; everything else is kept as written (`陈建锋 2020` → `chen jian feng 2020`).
 * Text past 10,000 characters is returned as it is.
 */
export function toPinyin(text: string): string {
  if (!HAN.test(text) || text.length > MAX_TEXT_CHARS) return text;
  return pinyin(text, { toneType: 'none', nonZh: 'consecutive', v: true }).replace(/\s+/g, ' ').trim();
}

/**
 * A personal name written in Chinese characters (`马超逸`, `欧阳娜娜`, `陈 建锋`), as pinyin surname
 * and given-name initials; `undefined` when the name holds no Chinese character or is longer than
 * 40 characters. Characters other than Han (a middle dot, spaces) are ignored.
 */
export function surnameAndInitials(name: string): PinyinName | undefined {
  if (name.length > MAX_NAME_CHARS) return undefined;
  const han = [...name].filter((ch) => HAN.test(ch)).join('');
  if (han === '') return undefined;
  // pinyin-pro's surname mode finds compound surnames (司马, 欧阳) and reads surname characters as surnames.
  const first = segment(han, { toneType: 'none', surname: 'head' })[0];
  const surnameLength = first && first.origin.length <= 2 && han.startsWith(first.origin) ? first.origin.length : 1;
  const syllables = pinyin(han, { toneType: 'none', surname: 'head', type: 'array', v: true });
  const surname = syllables.slice(0, surnameLength).join('');
  const rest = syllables.slice(surnameLength);
  return { surname, given: rest.join(''), initials: rest.map((s) => s[0] ?? '').join('') };
}
