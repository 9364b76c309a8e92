// Turns imported CSL items into references.csv rows: only fields the file holds and the check accepts, status unverified, one id scheme, no duplicate.
import type { CslName } from './csl.ts';
import { isEtAl, type ImportedItem, type ReadEntry } from './bibliographic-file.ts';
import { parseAuthors } from '../normalise/author.ts';
import { parseDoi, parsePmid } from '../normalise/identifier.ts';
import { parseYear } from '../normalise/number.ts';
import { surnameAndInitials, toPinyin } from '../normalise/pinyin.ts';
import { normaliseTitle, WORK_CRITERIA, workKeys } from '../normalise/work-key.ts';
import { REFERENCE_TYPES, referenceSchema } from '../schema/tables.ts';

/** A references.csv row by column name. */
export type ReferenceRow = Record<string, string>;

/** The columns import-refs writes, in the order of a new references.csv. */
export const REFERENCE_COLUMNS = ['id', 'number', 'type', 'authors', 'title', 'journal', 'year', 'volume', 'issue', 'pages', 'doi', 'pmid', 'language', 'status', 'note'] as const;

export interface ImportPlan {
  rows: ReferenceRow[];
  /** Field name → how many items had it, for fields that have no column. */
  unmapped: Map<string, number>;
  /** Entries not added, and values left out, one line each with the entry's line. */
  notes: string[];
}

/**
 * The references already in the file: their ids, and which work each is. Kept small, since a
 * references.csv may hold a million rows: each key is a 52-bit hash (a number), and each work
 * remembers only its id (the string the id set already holds) or, for a row without one, its line.
 */
export class ExistingReferences {
  readonly ids = new Set<string>();
  // A string is a row's id; a positive number the line of a row without an id; a negative one the line of an entry of the file being imported.
  private readonly works: Record<ImportCriterion, Map<number, string | number>> = { doi: new Map(), pmid: new Map(), title: new Map(), unattributed: new Map() };

  /** Remembers one row of references.csv, by its cells as written. */
  add(row: Readonly<ReferenceRow>, line: number): void {
    const id = row.id?.trim() ?? '';
    if (id) this.ids.add(id);
    this.remember(row, id || line);
  }

  /** The reference this row is the same work as, and by what. */
  find(row: Readonly<ReferenceRow>, sourceName: string): { criterion: ImportCriterion; other: string } | undefined {
    const keys = keysOfRow(row);
    for (const criterion of IMPORT_CRITERIA) {
      const key = keys[criterion];
      const other = key === undefined ? undefined : this.works[criterion].get(hash52(key));
      if (other === undefined) continue;
      const label = typeof other === 'string' ? `reference ${other}` : other > 0 ? `the reference on line ${other}` : `the entry on line ${-other} of ${sourceName}`;
      return { criterion, other: label };
    }
    return undefined;
  }

  /** `who` is the row's id, or its line (negative for an entry of the file being imported). */
  remember(row: Readonly<ReferenceRow>, who: string | number): void {
    const keys = keysOfRow(row);
    for (const criterion of IMPORT_CRITERIA) {
      const key = keys[criterion];
      if (key === undefined) continue;
      const hashed = hash52(key);
      if (!this.works[criterion].has(hashed)) this.works[criterion].set(hashed, who);
    }
  }
}

/**
 * Two 32-bit multiplicative lanes (FNV-1a and MurmurHash2's constant) as one 52-bit number: a
 * tenth of a digest's cost, and among a million keys a false match is about one chance in 10^4.
 */
function hash52(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x100000 + (b >>> 12);
}

/**
 * What import-refs matches on: the check's keys (reference/duplicate), and for a work with no
 * author (a standard, an editorial) its year and title, so that importing a file twice adds
 * nothing. The check does not report those: without an author, one title may be two works.
 */
const IMPORT_CRITERIA = [...WORK_CRITERIA, 'unattributed'] as const;
type ImportCriterion = (typeof IMPORT_CRITERIA)[number];

/** The same parsers the check reads these cells with, so import and check agree on what a duplicate is. */
function keysOfRow(row: Readonly<ReferenceRow>): Record<ImportCriterion, string | undefined> {
  const value = <T>(cell: string | undefined, parse: (raw: string) => { ok: true; value: T } | { ok: false }): T | undefined => {
    if (!cell?.trim()) return undefined;
    const parsed = parse(cell);
    return parsed.ok ? parsed.value : undefined;
  };
  const firstAuthor = value(row.authors, parseAuthors)?.names[0];
  const year = value(row.year, parseYear);
  const title = row.title?.trim() ? normaliseTitle(row.title) : '';
  const keys = workKeys({ doi: value(row.doi, parseDoi), pmid: value(row.pmid, parsePmid), firstAuthor, year, title: row.title?.trim() || undefined });
  return { ...keys, unattributed: firstAuthor === undefined && title !== '' ? [year ?? '', title].join('\u0000') : undefined };
}

const MAPPED_FIELDS = new Set([
  'id', 'type', 'citation-key', 'author', 'title', 'container-title', 'container-title-short', 'journalAbbreviation', 'issued',
  'volume', 'issue', 'page', 'DOI', 'PMID', 'language', 'citation-number',
]);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_ALL = new RegExp(CJK.source, 'gu');
const ID_SUFFIXES = 'abcdefghijklmnopqrstuvwxyz';

type Shape = ReturnType<typeof referenceSchema>['shape'];
let columns: Shape | undefined;

/**
 * Plans the rows to add: each entry becomes a row unless it is the same work (DOI, PMID, or
 * first author + year + title) as a row already there or an entry before it; every cell is checked
 * with the column's own parser, and a value the check would refuse is left out with a note.
 */
export function planImport(entries: readonly ReadEntry[], existing: ExistingReferences, sourceName: string): ImportPlan {
  columns ??= referenceSchema().shape;
  const unmapped = new Map<string, number>();
  const notes: string[] = [];
  const planned: { row: ReferenceRow; base: string }[] = [];
  for (const { item, line } of entries) {
    for (const key of Object.keys(item)) if (!MAPPED_FIELDS.has(key)) unmapped.set(key, (unmapped.get(key) ?? 0) + 1);
    const row = toRow(item, sourceName);
    const label = `line ${line} (${shorten(row.title || 'untitled')})`;
    for (const column of REFERENCE_COLUMNS) {
      const value = row[column] ?? '';
      const schema = columns[column as keyof Shape];
      if (value === '' || column === 'id') continue;
      const checked = schema.safeParse(value);
      if (!checked.success) {
        notes.push(`${label}: ${column} '${shorten(value)}' left empty: ${checked.error.issues[0]?.message ?? 'not valid'}`);
        row[column] = '';
      }
    }
    if (!row.title && !row.authors && !row.journal && !row.doi && !row.pmid) {
      // A row of nothing but an id would cite nothing: say so rather than add it.
      const held = Object.keys(item).filter((k) => !['id', 'type', 'citation-key'].includes(k));
      notes.push(`line ${line}: holds no title, author, journal, DOI or PMID${held.length ? ` (only ${held.join(', ')})` : ''}; it is left out`);
      continue;
    }
    const match = existing.find(row, sourceName);
    if (match) {
      notes.push(`skipped ${label}: ${describeMatch(match.criterion, row)} as ${match.other}`);
      continue;
    }
    existing.remember(row, -line);
    planned.push({ row, base: baseId(item, row) });
  }
  assignIds(planned, existing.ids);
  return { rows: planned.map((p) => p.row), unmapped, notes };
}

function describeMatch(criterion: ImportCriterion, row: ReferenceRow): string {
  if (criterion === 'doi') return `DOI ${row.doi} is the same`;
  if (criterion === 'pmid') return `PMID ${row.pmid} is the same`;
  if (criterion === 'unattributed') return 'no author, and the same year and title';
  return 'same first author, year and title';
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** `firstauthorYEAR`; when two rows would share one, each gets a letter (`smith2020a`, `smith2020b`), never a number. */
function assignIds(planned: readonly { row: ReferenceRow; base: string }[], taken: Set<string>): void {
  const counts = new Map<string, number>();
  for (const { base } of planned) counts.set(base, (counts.get(base) ?? 0) + 1);
  for (const entry of planned) {
    let id = entry.base;
    if ((counts.get(entry.base) ?? 0) > 1 || taken.has(id)) {
      const join = /\d$/.test(entry.base) ? '' : '-';
      // Bounded: 26 + 26² suffixes, then the row number keeps it unique.
      const candidates = [...ID_SUFFIXES].concat([...ID_SUFFIXES].flatMap((a) => [...ID_SUFFIXES].map((b) => a + b)));
      id = candidates.map((s) => `${entry.base}${join}${s}`).find((c) => !taken.has(c)) ?? `${entry.base}${join}${taken.size}`;
    }
    taken.add(id);
    entry.row.id = id;
  }
}

function toRow(item: ImportedItem, sourceName: string): ReferenceRow {
  const type = (REFERENCE_TYPES as readonly string[]).includes(item.type) ? item.type : '';
  const key = text(item['citation-key']);
  const from = key ? `imported from ${sourceName} (key ${key})` : `imported from ${sourceName}`;
  const names = item.author ?? [];
  const language = languageOf(item, names);
  const listed = names.filter((n) => !isEtAl(n)).map(formatName).filter(Boolean);
  const truncated = listed.length > 0 && names.some(isEtAl);
  return {
    id: '',
    number: '',
    type,
    // "et al" whatever the language: the reference list words it (et al. or 等) from `language`.
    authors: listed.join('; ') + (truncated ? '; et al' : ''),
    title: text(item.title),
    journal: text(item['container-title-short'] ?? item.journalAbbreviation ?? item['container-title']),
    year: yearOf(item),
    volume: text(item.volume),
    issue: text(item.issue),
    pages: text(item.page).replace(/\s*(?:--?|–|—)\s*/g, '-'),
    doi: text(item.DOI),
    pmid: text(item.PMID),
    language,
    status: 'unverified',
    note: type === item.type ? from : `${from}; type '${item.type}' has no equivalent`,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\s+/g, ' ').trim() : '';
}

function yearOf(item: ImportedItem): string {
  const issued = item.issued as { 'date-parts'?: unknown[][]; raw?: unknown; literal?: unknown } | undefined;
  const first = issued?.['date-parts']?.[0]?.[0];
  const written = first !== undefined ? text(first) : text(issued?.raw ?? issued?.literal);
  return /^\d+$/.test(written) ? String(Number(written)) : (/(?:^|\D)(\d{4})(?!\d)/.exec(written)?.[1] ?? written);
}

/**
 * A CJK name, or a title mostly in CJK characters (a quarter of its letters or more: "MicroRNA在乳腺癌中的研究进展"),
 * makes the work Chinese (its list says 等); anything else English (a Japanese word in an English title does not).
 */
function languageOf(item: ImportedItem, names: readonly CslName[]): string {
  const nameText = names.map((n) => ('literal' in n ? n.literal : `${n.family}${n.given ?? ''}`)).join('');
  if (CJK.test(nameText)) return 'zh';
  const title = text(item.title).replace(/<[^>]*>/g, '');
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  const cjk = title.match(CJK_ALL)?.length ?? 0;
  return letters > 0 && cjk * 4 >= letters ? 'zh' : 'en';
}

/** "Family Initials" for Latin names ("Illei GG", "van Laar JM"), the full name for Chinese ones ("陈建锋"). */
function formatName(name: CslName): string {
  if ('literal' in name) return name.literal.trim();
  const family = name.family.trim();
  const given = (name.given ?? '').trim();
  if (CJK.test(family)) return family + given;
  // Given names already written as initials ("JA" in "Smith, JA", MEDLINE's "Illei GG") stay as they are.
  if (/^\p{Lu}{1,4}$/u.test(given)) return `${family} ${given}`;
  const initials = given
    .split(/[\s.]+|(?<=-)/)
    .filter(Boolean)
    .map((part) => part.replace(/-$/, '')[0]?.toUpperCase() ?? '')
    .join('');
  return initials ? `${family} ${initials}` : family;
}

/**
 * First author's family name (pinyin for Chinese, initials for an organisation: `who`), else the
 * title's first word (the journal's when there is no title), then the year: `illei2010`, `chen2020`.
 */
function baseId(item: ImportedItem, row: ReferenceRow): string {
  const first = item.author?.find((n) => !isEtAl(n));
  const word = (first ? idWord(first) : '') || titleWord(row.title || row.journal || '') || 'anon';
  return `${word}${row.year ?? ''}`;
}

function idWord(name: CslName): string {
  const whole = 'family' in name ? (name.given ? '' : name.family) : name.literal;
  // A family name with no given name, or a literal, may be an organisation ("World Health Organization").
  if (whole !== '' && !CJK.test(whole)) {
    const capitals = whole.split(/[\s,]+/).filter((w) => /^\p{Lu}/u.test(w));
    if (capitals.length >= 3) return ascii(capitals.map((w) => w[0]).join(''));
    return titleWord(whole);
  }
  const family = 'family' in name ? name.family : name.literal;
  if (!CJK.test(family)) return ascii(family);
  // A personal name ("张昆", "欧阳娜娜") gives its surname; an organisation ("中国图书馆学会") its first two characters.
  const person = [...family].length <= 4 ? surnameAndInitials(family) : undefined;
  return ascii(person ? person.surname : toPinyin([...family].slice(0, 2).join('')));
}

// Words that make no id: articles and prepositions of the languages seen in exports.
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'and', 'for', 'to', 'der', 'die', 'das', 'ein', 'eine', 'le', 'la', 'les', 'un', 'une', 'el', 'los', 'il', 'lo']);

function titleWord(title: string): string {
  const plain = title.replace(/<[^>]*>/g, ' ').trim();
  if (CJK.test(plain.slice(0, 1))) return ascii(toPinyin([...plain].slice(0, 2).join('')));
  const words = plain.split(/[^\p{L}\p{N}]+/u).map(ascii);
  return words.find((w) => w.length >= 2 && !STOP_WORDS.has(w)) ?? words.find((w) => w !== '') ?? '';
}

function ascii(text: string): string {
  return text.normalize('NFKD').replace(/[ßøłæœđ]/g, (c) => ({ ß: 'ss', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', đ: 'd' })[c] ?? '').replace(/[^A-Za-z]/g, '').toLowerCase().slice(0, 30);
}
