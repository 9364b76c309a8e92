// Finds the author a sentence credits a citation to ("Manfredi 等人[27]", "陈建锋等[1]", "马超逸团队[1]", "Shacham的研究 … [35]", "Smith et al. [3]").
import { COMPOUND_SURNAMES, parsePersonName } from '../normalise/author.ts';
import type { CitationUse, CreditedAuthor } from './types.ts';

/**
 * How far before a citation a credit is looked for. One sentence is never this long: a credit
 * further away belongs to another sentence. Every scan below reads at most this many characters
 * per citation, and only characters after the previous citation, so the whole search is linear in
 * the text (no regular expression runs over the whole body: a 10 MB line costs one pass).
 */
const MAX_SENTENCE_CHARS = 1000;
/** A name is at most four words ("Gabor G Illei", "Chen Jianfeng") of at most 80 characters. */
const MAX_NAME_TOKENS = 4;
const MAX_NAME_CHARS = 80;
/** Spaces (and one line break: "Gabor G Illei⏎等人[44]") allowed between a name and its marker. */
const MAX_GAP_CHARS = 4;

// Common Chinese surnames (compound ones from normalise/author.ts): a name is a surname plus one or two characters.
const SINGLE_SURNAMES: ReadonlySet<string> = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
/**
 * Characters of medical terms that are hardly ever in a given name: "高血压等[1]" starts with the
 * surname 高 and has the shape of a name, yet names a condition, not a person.
 */
const NOT_IN_GIVEN_NAMES: ReadonlySet<string> = new Set('病症炎癌瘤压酸素剂药类物性率疗术检验液苷肽脂糖尿');
/**
 * What may follow a bare 等 that credits a person: a citation, or a verb the sentence goes on with
 * ("等研究", "等报道", "等开展的……研究[n]", "等对 12 例", "等提出"). "Apple Watch 等设备" is no credit.
 */
const AFTER_BARE_DENG: ReadonlySet<string> = new Set('研报发指认表开对在通过将利用提比探评分纳招使进观证回总首近采检考调基于的');
/** What may follow "X 研究" (no 的): "Shirota 研究表明", "研究发现" … */
const RESEARCH_VERBS = ['表明', '发现', '显示', '指出', '报告', '报道', '证实', '证明', '认为'];

/** A citation with the 0-based offsets of its start and of just past its end in the text it was read from. */
export type LocatedCitation = CitationUse & { offset: number; endOffset: number };

interface Credit {
  start: number;
  end: number;
  author: CreditedAuthor;
}

/**
 * Pairs each author credit with the first citation after it in the same sentence. A credit applies
 * to one citation only, so "Manfredi 等人[27] … [3]" credits Manfredi with [27], not with [3]. A
 * name written just before a citation and 等 just after it ("Arvanitis[29]等人") credits that citation.
 */
export function findCreditedAuthors(
  body: string,
  citations: readonly LocatedCitation[],
): { citation: CitationUse; author: CreditedAuthor }[] {
  const paired: { citation: CitationUse; author: CreditedAuthor }[] = [];
  let previousEnd = 0;
  for (const citation of citations) {
    const from = Math.max(previousEnd, citation.offset - MAX_SENTENCE_CHARS);
    previousEnd = Math.max(previousEnd, citation.endOffset);
    const credit = creditAfter(body, citation) ?? lastCreditIn(body, sentenceStart(body, from, citation.offset), citation.offset);
    if (credit) paired.push({ citation, author: credit.author });
  }
  return paired;
}

/** "Arvanitis[29]等人", "ZhangLY[12]等": a name right before the citation, 等 right after it. */
function creditAfter(body: string, citation: { offset: number; endOffset: number }): Credit | undefined {
  if (body.charAt(citation.endOffset) !== '等') return undefined;
  return nameEndingAt(body, skipSpaceBack(body, citation.offset, 1), citation.endOffset + 1);
}

/** Where the sentence holding `offset` starts, no earlier than `from`. */
function sentenceStart(body: string, from: number, offset: number): number {
  for (let i = offset - 1; i >= from; i--) {
    const ch = body.charAt(i);
    if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?') return i + 1;
    // ". " before a capital or a Chinese character ends an English sentence; "et al. [3]" does not.
    if (ch === '.' && /\s/.test(body.charAt(i + 1)) && /[A-Z\u4e00-\u9fa5]/.test(body.charAt(skipSpaceForward(body, i + 1, offset)))) return i + 1;
  }
  return from;
}

/** The credit nearest before `end` that starts at or after `start`. */
function lastCreditIn(body: string, start: number, end: number): Credit | undefined {
  let best: Credit | undefined;
  // Searched in the window alone: indexOf over the body would run to its end for every citation.
  const window = body.slice(start, end);
  for (const marker of MARKERS) {
    for (let found = window.indexOf(marker.text); found >= 0; found = window.indexOf(marker.text, found + 1)) {
      const at = start + found;
      if (best && at < best.start) continue;
      const credit = marker.read(body, at, end);
      if (credit && credit.start >= start && (!best || credit.start > best.start)) best = credit;
    }
  }
  return best;
}

interface Marker {
  text: string;
  /** The credit whose marker text starts at `at`, if the words before it are a name. */
  read(body: string, at: number, end: number): Credit | undefined;
}

/** A marker written right after a name ("等人", "团队", "et al."), with an optional 的 before the Chinese ones. */
function marker(text: string, accepts: (body: string, after: number, end: number) => boolean, options: { de?: boolean; latinOnly?: boolean } = {}): Marker {
  return {
    text,
    read(body, at, end) {
      const after = at + text.length;
      if (!accepts(body, after, end)) return undefined;
      let nameEnd = at;
      if (options.de && body.charAt(at - 1) === '的') nameEnd -= 1;
      const credit = nameEndingAt(body, skipSpaceBack(body, nameEnd, MAX_GAP_CHARS), after);
      return credit && options.latinOnly && credit.author.person.script !== 'latin' ? undefined : credit;
    },
  };
}

const always = (): boolean => true;

const MARKERS: readonly Marker[] = [
  marker('等人', always),
  // A bare 等: not 等人 (read above), and followed by the citation itself or by a verb.
  marker('等', (body, after, end) => {
    const next = body.charAt(after);
    if (next === '人') return false;
    return skipSpaceForward(body, after, end) === end || AFTER_BARE_DENG.has(next);
  }),
  marker('团队', always, { de: true }),
  marker('课题组', always, { de: true }),
  marker('研究', (body, after) => RESEARCH_VERBS.some((verb) => body.startsWith(verb, after)) || body.charAt(after - 3) === '的', { de: true }),
  marker('et al', (body, after) => !/\p{L}/u.test(body.charAt(after)) && /\s/.test(body.charAt(after - 6)), { latinOnly: true }),
  marker('and colleagues', always, { latinOnly: true }),
  marker('and co-workers', always, { latinOnly: true }),
  marker('and coworkers', always, { latinOnly: true }),
];

/** The first offset at or after `from` (before `end`) that is not white space. */
function skipSpaceForward(body: string, from: number, end: number): number {
  let i = from;
  while (i < end && /\s/.test(body.charAt(i))) i++;
  return i;
}

/** Steps back over at most `limit` white-space characters before `offset`. */
function skipSpaceBack(body: string, offset: number, limit: number): number {
  let i = offset;
  while (i > 0 && offset - i < limit && /\s/.test(body.charAt(i - 1))) i--;
  return i;
}

/**
 * The name that ends at `nameEnd`: a Chinese name (a known surname and one or two characters, at a
 * clause start) or up to four Latin words with at least one capitalised word; `end` is just past
 * the credit's marker.
 */
function nameEndingAt(body: string, nameEnd: number, end: number): Credit | undefined {
  return hanNameEndingAt(body, nameEnd, end) ?? latinNameEndingAt(body, nameEnd, end);
}

const HAN = /\p{Script=Han}/u;

function hanNameEndingAt(body: string, nameEnd: number, end: number): Credit | undefined {
  for (const length of [2, 3, 4]) {
    const start = nameEnd - length;
    if (start < 0) break;
    const name = body.slice(start, nameEnd);
    if (![...name].every((ch) => HAN.test(ch))) return undefined;
    const before = body.charAt(start - 1);
    // A name starts a clause: "，林海燕等[2]"; "关节炎和皮疹等" and "吸烟、高血压等" are lists of things.
    if (start > 0 && (HAN.test(before) || before === '、')) continue;
    const surname = COMPOUND_SURNAMES.has(name.slice(0, 2)) && length >= 3 ? 2 : 1;
    if (length - surname > 2 || (surname === 1 && !SINGLE_SURNAMES.has(name.charAt(0)))) return undefined;
    if ([...name.slice(surname)].some((ch) => NOT_IN_GIVEN_NAMES.has(ch))) return undefined;
    return credit(name, name, start, end);
  }
  return undefined;
}

const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
const NAME_CHAR = /[A-Za-z\u00C0-\u024F'’.-]/;
// A capitalised word ("Manfredi", "Quiroz-Mercado", "O'Malley", "TimHeise" run together by OCR) or initials ("G", "GG", "J.").
const NAME_WORD = /^(?:[A-Z][a-z\u00C0-\u024F'’-]+(?:[A-Z][a-z\u00C0-\u024F'’-]+)*(?:[A-Z]{1,3})?|[A-Z]{1,3}\.?)$/;

function latinNameEndingAt(body: string, nameEnd: number, end: number): Credit | undefined {
  const words: string[] = [];
  let start = nameEnd;
  let i = nameEnd;
  while (words.length < MAX_NAME_TOKENS && nameEnd - i < MAX_NAME_CHARS) {
    let wordStart = i;
    while (wordStart > 0 && nameEnd - wordStart < MAX_NAME_CHARS && NAME_CHAR.test(body.charAt(wordStart - 1))) wordStart--;
    const word = body.slice(wordStart, i);
    if (word === '' || !NAME_WORD.test(word) || LATIN_LETTER.test(body.charAt(wordStart - 1)) || /[0-9]/.test(body.charAt(wordStart - 1))) break;
    words.unshift(word);
    start = wordStart;
    // Words of one name are separated by one or two spaces or tabs on one line.
    let gap = wordStart;
    while (gap > 0 && wordStart - gap <= 2 && (body.charAt(gap - 1) === ' ' || body.charAt(gap - 1) === '\t')) gap--;
    if (gap === wordStart || wordStart - gap > 2) break;
    i = gap;
  }
  const text = words.join(' ');
  // A real word, not only capitals such as "TCZ" or "RA".
  if (!/[A-Z][a-z\u00C0-\u024F]/.test(text)) return undefined;
  return credit(text, splitRunTogether(text), start, end);
}

/** OCR runs a name together: "TimHeise" → "Tim Heise", "ZhangLY" → "Zhang LY". */
function splitRunTogether(text: string): string {
  return text.replace(/(?<=[a-z\u00C0-\u024F])(?=[A-Z])/g, ' ');
}

function credit(text: string, name: string, start: number, end: number): Credit | undefined {
  const person = parsePersonName(name);
  return person.ok ? { start, end, author: { text, person: person.value } } : undefined;
}
