// citation/author-mismatch: the author named at a citation is not the cited work's first author, or one work is credited to two people.
import { nameKey, parsePersonName, sameAuthor, type PersonName } from '../../normalise/author.ts';
import type { CitationUse, CitedDocument, CreditedAuthor } from '../../citations/types.ts';
import { citationPlace } from '../../citations/place.ts';
import { formatNumberList } from '../../citations/number-list.ts';
import { minOf } from '../../arrays.ts';
import { surnameAndInitials } from '../../normalise/pinyin.ts';
import { defineRule, type RecordIndex } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: "The author named at a citation is not the cited work's first author, or a work is credited to two authors (or the list gives no author to check against)",
    messages: {
      notFirstAuthor: '{{raw}} is credited to {{named}}, but the first author of reference {{work}} is {{firstAuthor}}',
      twoAuthors: '{{raw}} is credited to {{named}} here but to {{other}} on line {{line}}',
      unchecked: 'author credits at {{numbers}} cannot be checked: the reference list gives no first author for {{them}}',
      noEntries: 'author credits at {{numbers}} cannot be checked: the reference list has no numbered entries',
    },
  },
  create(context) {
    return {
      document(document) {
        const firstAuthorOf = firstAuthorLookup(document, context.index);
        const firstCredit = new Map<string, CitationUse>();
        const listed = new Map((document.references ?? []).map((entry) => [String(entry.number), entry]));
        const unchecked = new Set<number>();
        // A heading with nothing numbered under it (an author–year list, a list in a form not read).
        const unreadList = document.kind === 'manuscript' && document.references !== undefined && document.references.length === 0;
        let firstUnread: CitationUse | undefined;
        for (const citation of document.citations) {
          const credited = citation.credited;
          const work = singleWork(citation);
          if (!credited || work === undefined) continue;
          const firstAuthor = firstAuthorOf(work);
          if (!firstAuthor && document.kind === 'manuscript' && (listed.has(work) || unreadList)) unchecked.add(Number(work));
          if (unreadList) firstUnread ??= citation;
          const place = citationPlace(document.file, citation);
          if (firstAuthor && !creditNames(credited, firstAuthor)) {
            context.report(place, {
              messageId: 'notFirstAuthor',
              data: { raw: citation.raw, named: credited.text, work, firstAuthor: firstAuthor.literal },
              actual: credited.text,
              expected: firstAuthor.literal,
            });
            continue;
          }
          const earlier = firstCredit.get(work);
          if (!earlier) {
            firstCredit.set(work, citation);
          } else if (!firstAuthor && earlier.credited && !sameAuthor(earlier.credited.person, credited.person)) {
            context.report(place, {
              messageId: 'twoAuthors',
              data: { raw: citation.raw, named: credited.text, other: earlier.credited.text, line: earlier.line },
              actual: credited.text,
            });
          }
        }
        // Said once, at the first such entry: a list that cannot be read for authors must not pass silently.
        const first = minOf(unchecked);
        const entry = listed.get(String(first));
        if (firstUnread) {
          const numbers = formatNumberList(unchecked);
          context.report(citationPlace(document.file, firstUnread), { messageId: 'noEntries', data: { numbers: `[${numbers}]` }, actual: numbers });
        } else if (entry) {
          const numbers = formatNumberList(unchecked);
          context.report(
            { file: entry.file, line: entry.line, column: entry.column },
            { messageId: 'unchecked', data: { numbers: `[${numbers}]`, them: unchecked.size === 1 ? 'it' : 'them' }, actual: numbers },
          );
        }
      },
    };
  },
});

/**
 * Whether a credit names the first author. Prose puts words before a name ("Recently Smith et
 * al."), so a credit whose words include the first author's family name also counts; so does one
 * part of a double family name ("Mercado" for Quiroz-Mercado H). A Chinese name and its pinyin
 * ("Ma Chaoyi" for 马超逸, 陈建锋 for Chen JF) are compared through pinyin.
 */
function creditNames(credited: CreditedAuthor, firstAuthor: PersonName): boolean {
  if (credited.person.script !== firstAuthor.script) return samePersonAcrossScripts(credited.person, firstAuthor);
  if (sameAuthor(credited.person, firstAuthor)) return true;
  const family = nameKey(firstAuthor);
  // Same family name but another initial ("Manfredi B" for Manfredi A) is a real mismatch.
  if (nameKey(credited.person) === family) return false;
  const familyParts = firstAuthor.family.split(/[-\s]+/);
  if (familyParts.length > 1 && familyParts.some((part) => nameKey({ ...firstAuthor, family: part }) === nameKey(credited.person))) return true;
  return credited.text.split(/\s+/).some((word) => {
    const parsed = parsePersonName(word);
    return parsed.ok && nameKey(parsed.value) === family;
  });
}

/**
 * A name in Chinese characters and one in Latin letters are the same person when the Latin words
 * hold the pinyin surname and the given name: its whole pinyin ("Ma Chaoyi", "Chaoyi Ma", "Ma
 * Chao-yi") or initials that agree as far as both go ("Ma CY", "MA C" for 马超逸).
 */
function samePersonAcrossScripts(a: PersonName, b: PersonName): boolean {
  const [han, latin] = a.script === 'han' ? [a, b] : [b, a];
  const pinyin = surnameAndInitials(han.literal);
  if (!pinyin) return false;
  const words = latin.literal.split(/[\s,]+/).filter(Boolean);
  return words.some((word, k) => {
    if (fold(word) !== pinyin.surname) return false;
    const after = words.slice(k + 1);
    const given = after.length > 0 ? after : words.slice(0, k).slice(-1);
    if (given.length === 0 || pinyin.given === '') return true;
    // Initials ("Ma CY", "CHEN J F") agree as far as both go; a written given name must be the whole pinyin ("Chaoxi" is not 超逸).
    if (!given.every((word) => INITIALS.test(word))) return given.map(fold).join('') === pinyin.given;
    const initials = given.map((word) => word.replace(/[^A-Z]/g, '').toLowerCase()).join('');
    const common = Math.min(initials.length, pinyin.initials.length);
    return initials.slice(0, common) === pinyin.initials.slice(0, common);
  });
}

const INITIALS = /^(?:[A-Z]\.?-?){1,4}$/;

/** Lower case, diacritics, hyphens and apostrophes gone: "Lü" → "lu", "Xi'an" → "xian". */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}


/** The one work a citation names (a number in a manuscript, an id in a template), or undefined for a group. */
function singleWork(citation: CitationUse): string | undefined {
  if (citation.numbers.length === 1) return String(citation.numbers[0]);
  if (citation.keys.length === 1) return citation.keys[0];
  return undefined;
}

/** First author of a work: from the manuscript's list (or its matching record), else from references.csv by number or id. */
function firstAuthorLookup(document: CitedDocument, index: RecordIndex): (work: string) => PersonName | undefined {
  const byNumber = new Map<string, PersonName>();
  for (const entry of document.references ?? []) {
    const author = entry.record?.authors?.names[0] ?? entry.firstAuthor;
    if (author) byNumber.set(String(entry.number), author);
  }
  if (document.references === undefined) {
    for (const record of index.references.values()) {
      const author = record.firstAuthor;
      if (record.number !== undefined && author) byNumber.set(String(record.number), author);
    }
  }
  return (work) => (document.kind === 'template' ? index.references.get(work)?.firstAuthor : byNumber.get(work));
}
