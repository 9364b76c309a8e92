// Maps a validated reference record onto a CSL-JSON item; only fields the record holds are set, nothing is guessed.
import type { PersonName } from '../normalise/author.ts';
import type { ReferenceRecord } from '../schema/tables.ts';
import { namesLanguage, type CslItem, type CslName } from './csl.ts';

/**
 * `defaultLanguage` stands for the review's language: it words the end of a truncated author list for a work whose
 * own language is not recorded and whose names do not say it (Latin names end "et al.", Chinese ones 「等」).
 */
export function toCslItem(record: ReferenceRecord, id: string, defaultLanguage: 'zh' | 'en'): CslItem {
  // A work of unknown type is "other" ([Z] in GB/T 7714), not a journal article it may not be.
  const item: CslItem = { id, type: record.type ?? 'document' };
  if (record.language) item.language = record.language;
  const names = record.authors?.names.map(toCslName);
  if (names && names.length > 0) {
    // CSL has no "the list goes on": a literal last name says so in the work's own language.
    if (record.authors?.truncated) names.push({ literal: (record.language ?? namesLanguage(names) ?? defaultLanguage).startsWith('zh') ? '等' : 'et al.' });
    item.author = names;
  }
  if (record.title) item.title = record.title;
  if (record.journal) item['container-title'] = record.journal;
  if (record.year !== undefined) item.issued = { 'date-parts': [[record.year]] };
  if (record.volume) item.volume = record.volume;
  if (record.issue) item.issue = record.issue;
  if (record.pages) item.page = record.pages;
  if (record.doi) item.DOI = record.doi;
  if (record.pmid) item.PMID = record.pmid;
  return item;
}

function toCslName(name: PersonName): CslName {
  if (name.script === 'han') return name.given ? { family: name.family, given: name.given } : { literal: name.family };
  // Initials as "G. G." let each style initialise them its own way ("G G" in GB/T 7714, "GG" in Vancouver).
  const given = name.initials ? [...name.initials].map((c) => `${c}.`).join(' ') : name.given;
  return given ? { family: name.family, given } : { family: name.family };
}

/** True when the record holds nothing a style could print beyond the number (no author, title or journal). */
export function isBibliographicallyEmpty(record: ReferenceRecord): boolean {
  return !record.authors && !record.title && !record.journal;
}
