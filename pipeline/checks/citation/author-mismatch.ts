// citation/author-mismatch: the author named at a citation is not the cited work's first author, or one work is credited to two people.
import { nameKey, parsePersonName, sameAuthor, type PersonName } from '../../normalise/author.ts';
import type { CitationUse, CitedDocument, CreditedAuthor } from '../../citations/types.ts';
import { citationPlace } from '../../citations/place.ts';
import { defineRule, type RecordIndex } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: "The author named at a citation is not the cited work's first author, or a work is credited to two authors",
    messages: {
      notFirstAuthor: '{{raw}} is credited to {{named}}, but the first author of reference {{work}} is {{firstAuthor}}',
      twoAuthors: '{{raw}} is credited to {{named}} here but to {{other}} on line {{line}}',
    },
  },
  create(context) {
    return {
      document(document) {
        const firstAuthorOf = firstAuthorLookup(document, context.index);
        const firstCredit = new Map<string, CitationUse>();
        for (const citation of document.citations) {
          const credited = citation.credited;
          const work = singleWork(citation);
          if (!credited || work === undefined) continue;
          const firstAuthor = firstAuthorOf(work);
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
      },
    };
  },
});

/**
 * Whether a credit names the first author. Prose puts words before a name ("Recently Smith et
 * al."), so a credit whose words include the first author's family name also counts.
 */
function creditNames(credited: CreditedAuthor, firstAuthor: PersonName): boolean {
  if (sameAuthor(credited.person, firstAuthor)) return true;
  const family = nameKey(firstAuthor);
  // Same family name but another initial ("Manfredi B" for Manfredi A) is a real mismatch.
  if (nameKey(credited.person) === family) return false;
  return credited.text.split(/\s+/).some((word) => {
    const parsed = parsePersonName(word);
    return parsed.ok && nameKey(parsed.value) === family;
  });
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
