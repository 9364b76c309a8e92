// Finds the author a sentence credits a citation to ("Manfredi 等人[27]", "陈建锋等研究发现 … [47]", "Smith et al. [3]").
import { parsePersonName } from '../normalise/author.ts';
import type { CitationUse, CreditedAuthor } from './types.ts';

// Every repetition is bounded: V8 keeps one backtracking entry per character an unbounded `+` or `*` takes, and a
// 10 MB run of letters or spaces overflowed its stack ("Maximum call stack size exceeded"). No surname is longer than
// 40 letters, and a credit's words stand a few spaces apart.
const LATIN_TOKEN = String.raw`(?:[A-Z][a-z\u00C0-\u024F'’-]{1,40}|[A-Z]{1,3}\.?)(?![\p{L}])`;
const LATIN_MARKER = String.raw`(?:等人|等(?=[\[［{研报发指认表])|et\s{1,8}al\.?|and\s{1,8}(?:colleagues|co-?workers)|(?:的)?研究(?:表明|发现|显示|指出|报告|证实))`;
const LATIN_CREDIT = new RegExp(String.raw`(?<![\p{L}\p{N}])(${LATIN_TOKEN}(?:[ \t]{1,8}${LATIN_TOKEN}){0,3})\s{0,8}${LATIN_MARKER}`, 'gu');

// Common Chinese surnames, compound ones first: a name is a surname plus one or two characters.
const COMPOUND_SURNAMES = '欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|长孙|宇文|司徒|夏侯';
const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const HAN_CREDIT = new RegExp(
  String.raw`(?:^|(?<=[\s，。、；：,;:（(“"「『]))((?:${COMPOUND_SURNAMES}|[${SINGLE_SURNAMES}])[\u4e00-\u9fa5]{1,2})(?:等人|等(?=研究|报告|报道|发现|指出|认为|表明))`,
  'gmu',
);
const SENTENCE_END = /[。！？!?]|\.\s+(?=[A-Z\u4e00-\u9fa5])/;

const MAX_SENTENCE_CHARS = 1000;

interface Credit {
  start: number;
  end: number;
  author: CreditedAuthor;
}

/**
 * Pairs each author credit with the first citation after it in the same sentence. A credit applies
 * to one citation only, so "Manfredi 等人[27] … [3]" credits Manfredi with [27], not with [3].
 */
export function findCreditedAuthors(
  body: string,
  citations: readonly (CitationUse & { offset: number })[],
): { citation: CitationUse; author: CreditedAuthor }[] {
  const credits = [...scan(body, LATIN_CREDIT, isLatinName), ...scan(body, HAN_CREDIT, () => true)].sort((a, b) => a.start - b.start);
  const paired = new Map<CitationUse, CreditedAuthor>();
  for (const credit of credits) {
    const citation = firstCitationFrom(citations, credit.start);
    // One sentence is never this long: a citation further away belongs to another sentence.
    if (!citation || citation.offset - credit.end > MAX_SENTENCE_CHARS) continue;
    if (SENTENCE_END.test(body.slice(credit.end, citation.offset))) continue;
    // The nearest credit before a citation wins.
    paired.set(citation, credit.author);
  }
  return [...paired].map(([citation, author]) => ({ citation, author }));
}

/** The first citation at or after `offset` (citations are in reading order): binary search, as a long text has many. */
function firstCitationFrom<T extends { offset: number }>(citations: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = citations.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((citations[mid] as T).offset < offset) low = mid + 1;
    else high = mid;
  }
  return citations[low];
}

function scan(body: string, pattern: RegExp, accept: (name: string) => boolean): Credit[] {
  const found: Credit[] = [];
  for (const match of body.matchAll(pattern)) {
    const text = (match[1] ?? '').replace(/\s+/g, ' ').trim();
    if (!accept(text)) continue;
    const person = parsePersonName(text);
    if (!person.ok) continue;
    found.push({ start: match.index, end: match.index + match[0].length, author: { text, person: person.value } });
  }
  return found;
}

/** A Latin credit needs a real word (not only capitals such as "TCZ" or "RA"). */
function isLatinName(name: string): boolean {
  return /[A-Z][a-z\u00C0-\u024F]/.test(name);
}
