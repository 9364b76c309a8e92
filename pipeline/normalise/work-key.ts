// When two references are one work: the keys they are compared on (DOI, PMID, first author + year + title), for reference/duplicate and import-refs alike.
import { nameKey, type PersonName } from './author.ts';
import { doiKey } from './identifier.ts';

export const WORK_CRITERIA = ['doi', 'pmid', 'title'] as const;
export type WorkCriterion = (typeof WORK_CRITERIA)[number];

/** What a reference says about which work it is, as parsed from its cells. */
export interface WorkFields {
  doi?: string | undefined;
  pmid?: string | undefined;
  firstAuthor?: PersonName | undefined;
  year?: number | undefined;
  title?: string | undefined;
}

/** The keys a reference is matched on, in the order they are tried; a key is undefined when the reference lacks it. */
export function workKeys(work: WorkFields): Record<WorkCriterion, string | undefined> {
  // DOIs are case-insensitive; the parsed DOI keeps the publisher's case for printing.
  return { doi: work.doi === undefined ? undefined : doiKey(work.doi), pmid: work.pmid, title: titleKey(work) };
}

/**
 * First author's family name, year and title as one key; undefined unless all three are known.
 * Titles are compared NFKC-folded, case-folded and without punctuation or spaces, so a copy
 * with full-width colons or another capitalisation still matches.
 */
function titleKey(work: WorkFields): string | undefined {
  const title = work.title === undefined ? '' : normaliseTitle(work.title);
  if (work.firstAuthor === undefined || work.year === undefined || title === '') return undefined;
  // Joined, not a template literal: a joined key is one flat string, and every reference's key is kept.
  return [nameKey(work.firstAuthor), work.year, title].join('\u0000');
}

/** A title as titles are compared: NFKC, lower case, no punctuation or spaces. */
export function normaliseTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{White_Space}]/gu, '');
}
