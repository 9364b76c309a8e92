// Turns imported CSL items into references.csv rows: only fields the file holds, status unverified, and a list of what was not mapped.
import type { CslName } from './csl.ts';
import type { ImportedItem } from './bibliographic-file.ts';
import { REFERENCE_TYPES } from '../schema/tables.ts';

/** A references.csv row by column name. */
export type ReferenceRow = Record<string, string>;

export interface ImportPlan {
  rows: ReferenceRow[];
  /** Field name → how many items had it, for fields that have no column. */
  unmapped: Map<string, number>;
  /** Items not added, with the reason. */
  skipped: string[];
}

const MAPPED_FIELDS = new Set([
  'id', 'type', 'citation-key', 'author', 'title', 'container-title', 'container-title-short', 'journalAbbreviation', 'issued',
  'volume', 'issue', 'page', 'DOI', 'PMID', 'language', 'citation-number',
]);
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u;

export interface ExistingReferences {
  ids: ReadonlySet<string>;
  /** Lower-cased DOI → id. */
  dois: ReadonlyMap<string, string>;
}

export function planImport(items: readonly ImportedItem[], existing: ExistingReferences, sourceName: string): ImportPlan {
  const ids = new Set(existing.ids);
  const dois = new Map(existing.dois);
  const rows: ReferenceRow[] = [];
  const unmapped = new Map<string, number>();
  const skipped: string[] = [];
  items.forEach((item, i) => {
    for (const key of Object.keys(item)) if (!MAPPED_FIELDS.has(key)) unmapped.set(key, (unmapped.get(key) ?? 0) + 1);
    const doi = typeof item.DOI === 'string' ? item.DOI.trim() : '';
    const known = doi ? dois.get(doi.toLowerCase()) : undefined;
    if (known !== undefined) {
      skipped.push(`item ${i + 1} (${item.title ?? 'untitled'}): DOI ${doi} is already reference ${known}`);
      return;
    }
    const id = uniqueId(baseId(item, i), ids);
    ids.add(id);
    if (doi) dois.set(doi.toLowerCase(), id);
    rows.push(toRow(item, id, sourceName));
  });
  return { rows, unmapped, skipped };
}

function toRow(item: ImportedItem, id: string, sourceName: string): ReferenceRow {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const type = (REFERENCE_TYPES as readonly string[]).includes(item.type) ? item.type : '';
  const note = type === item.type ? `imported from ${sourceName}` : `imported from ${sourceName}; type '${item.type}' has no equivalent`;
  return {
    id,
    number: '',
    type,
    authors: (item.author ?? []).map(formatName).filter(Boolean).join('; '),
    title: text(item.title),
    journal: text(item['container-title-short'] ?? item.journalAbbreviation ?? item['container-title']),
    year: year === undefined ? '' : String(year),
    volume: text(item.volume),
    issue: text(item.issue),
    pages: text(item.page).replace(/--?|–/g, '-'),
    doi: text(item.DOI),
    pmid: text(item.PMID),
    language: languageOf(item.language),
    status: 'unverified',
    note,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** "Family Initials" for Latin names ("Illei GG"), the full name for Chinese ones ("陈建锋"). */
function formatName(name: CslName): string {
  if ('literal' in name) return name.literal.trim();
  const family = name.family.trim();
  const given = (name.given ?? '').trim();
  if (/\p{Script=Han}/u.test(family)) return family + given;
  const initials = given
    .split(/[\s.]+|(?<=-)/)
    .filter(Boolean)
    .map((part) => part.replace(/-$/, '')[0]?.toUpperCase() ?? '')
    .join('');
  return initials ? `${family} ${initials}` : family;
}

function languageOf(language: unknown): string {
  const value = text(language).toLowerCase();
  if (/^(zh|chi|zho|chinese|中文)/.test(value)) return 'zh';
  if (/^(en|eng|english)/.test(value)) return 'en';
  return '';
}

/** The file's own key if usable, else first author's family name (ASCII) and year, else `ref<n>`. */
function baseId(item: ImportedItem, index: number): string {
  const key = text(item['citation-key'] ?? item.id);
  if (key && ID_PATTERN.test(key)) return key;
  const first = item.author?.[0];
  const family = first && 'family' in first ? first.family.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase() : '';
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return family ? `${family}${year ?? ''}` : `ref${index + 1}`;
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
