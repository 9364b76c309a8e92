// Line-tagged reference exports read natively: RIS, EndNote tagged (.enw), PubMed/MEDLINE (.nbib), Web of Science tagged and CNKI E-Study, each mapped onto CSL items.
import type { CslName } from './csl.ts';

export const TAGGED_FORMATS = ['ris', 'endnote', 'medline', 'wos', 'cnki'] as const;
export type TaggedFormat = (typeof TAGGED_FORMATS)[number];

/** One tagged field as read; continuation lines are joined to it. */
interface TaggedField {
  tag: string;
  values: string[];
}

/** One record of a tagged file: the line it starts on and its fields in file order. */
export interface TaggedRecord {
  line: number;
  fields: TaggedField[];
}

/** A CSL item read from a tagged record: mapped fields under CSL names, anything else under `TAG (format)`. */
export type TaggedItem = Record<string, unknown> & { type: string };

interface Syntax {
  /** Tag and value of a line that starts a field, else undefined (a continuation or noise). */
  field(line: string): { tag: string; value: string } | undefined;
  starts(tag: string): boolean;
  ends(tag: string): boolean;
  /** A blank line ends a record (EndNote, CNKI). */
  blankEnds: boolean;
  /** Continuation lines are further values of a list field (Web of Science: one author a line), not more text. */
  listContinuation: boolean;
  /** Tags read before any record (file headers), ignored. */
  header: ReadonlySet<string>;
}

// Tags "XY  - value": two spaces as the specification says, one as some exporters write (Zotero's test case 3).
const RIS_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;
const ENDNOTE_LINE = /^%([A-Za-z0-9@!#$&()*+^~>])(?: (.*))?$/;
const WOS_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;
// "PMID- 20112381", "TI  - …", "FAU - Illei, Gabor G": the tag padded to four characters.
const MEDLINE_LINE = /^([A-Z][A-Z0-9]{1,3}) {0,3}- (.*)$/;
// "Title-题名: …": an ASCII name, a dash and a Chinese label; "DataType: 1" starts each record.
const CNKI_LINE = /^([A-Za-z]+)(?:-[^:：]*)?[:：] ?(.*)$/;

const SYNTAX: Record<TaggedFormat, Syntax> = {
  ris: { field: match(RIS_LINE), starts: (t) => t === 'TY', ends: (t) => t === 'ER', blankEnds: false, listContinuation: false, header: new Set() },
  endnote: { field: match(ENDNOTE_LINE), starts: (t) => t === '0', ends: () => false, blankEnds: true, listContinuation: false, header: new Set() },
  medline: { field: match(MEDLINE_LINE), starts: (t) => t === 'PMID', ends: () => false, blankEnds: true, listContinuation: false, header: new Set() },
  wos: { field: match(WOS_LINE), starts: (t) => t === 'PT', ends: (t) => t === 'ER', blankEnds: false, listContinuation: true, header: new Set(['FN', 'VR', 'EF']) },
  cnki: { field: match(CNKI_LINE), starts: (t) => t === 'DataType', ends: () => false, blankEnds: true, listContinuation: false, header: new Set() },
};

function match(pattern: RegExp): Syntax['field'] {
  return (line) => {
    const found = pattern.exec(line);
    return found ? { tag: found[1] as string, value: (found[2] ?? '').trim() } : undefined;
  };
}

/** Which tagged format a text is, from its first lines; undefined when none of them. */
export function sniffTaggedFormat(text: string): TaggedFormat | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 50).map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? '';
  // Some exporters put a few header lines before the first record ("Provider: …", "Database: …").
  if (lines.slice(0, 20).some((l) => /^TY {1,2}- ?\S/.test(l))) return 'ris';
  if (/^FN (Clarivate|Thomson)/.test(first) || /^PT [A-Z]$/.test(first)) return 'wos';
  if (/^%[0A-Z] /.test(first)) return 'endnote';
  if (/^PMID- ?\d/.test(first)) return 'medline';
  if (/^DataType[:：]/.test(first) || lines.slice(0, 5).some((l) => /^Title-题名[:：]/.test(l))) return 'cnki';
  return undefined;
}

/** Splits a tagged file into records; lines outside any record are counted in `stray` (a sign of another format). */
export function readTaggedRecords(text: string, format: TaggedFormat): { records: TaggedRecord[]; problems: string[] } {
  const syntax = SYNTAX[format];
  const records: TaggedRecord[] = [];
  const problems: string[] = [];
  let current: TaggedRecord | undefined;
  let last: TaggedField | undefined;
  const close = (): void => {
    if (current && current.fields.length > 0) records.push(current);
    current = undefined;
    last = undefined;
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.trimEnd();
    if (line.trim() === '') {
      if (syntax.blankEnds) close();
      continue;
    }
    const field = syntax.field(line);
    if (field && !current && syntax.header.has(field.tag)) continue;
    if (field && (syntax.starts(field.tag) || (!current && !syntax.ends(field.tag)))) {
      if (current && syntax.starts(field.tag)) {
        if (format === 'ris' || format === 'wos') problems.push(`line ${current.line}: record has no ER line before the next record; read up to line ${i}`);
        close();
      }
      current ??= { line: i + 1, fields: [] };
    }
    if (field && syntax.ends(field.tag)) {
      if (!current) problems.push(`line ${i + 1}: ER without a record before it`);
      close();
      continue;
    }
    if (!current) continue;
    if (field) {
      last = { tag: field.tag, values: field.value === '' ? [] : [field.value] };
      current.fields.push(last);
    } else if (last) {
      // A line without a tag continues the field before it (a title or abstract wrapped by the exporter).
      const value = line.trim();
      if (syntax.listContinuation || last.values.length === 0) last.values.push(value);
      else last.values[last.values.length - 1] += ` ${value}`;
    }
  }
  if (current && (format === 'ris' || format === 'wos')) problems.push(`line ${(current as TaggedRecord).line}: record has no ER line; read to the end of the file`);
  close();
  return { records, problems };
}

/** Where a tag goes: a CSL field, or a role the mapping reads (authors, page ends, dates, identifiers). */
type Target =
  | 'type' | 'author' | 'title' | 'container-title' | 'container-title-short' | 'date' | 'volume' | 'issue'
  | 'page-start' | 'page-end' | 'page' | 'doi' | 'pmid' | 'language' | 'ignore' | { other: string };

const RIS_TAGS: Record<string, Target> = {
  TY: 'type', AU: 'author', A1: 'author', TI: 'title', T1: 'title', CT: 'title', JO: 'container-title-short', JA: 'container-title-short', J1: 'container-title-short', J2: 'container-title-short',
  JF: 'container-title', T2: 'container-title', BT: 'container-title', PY: 'date', Y1: 'date', DA: 'date', VL: 'volume', IS: 'issue', CP: 'issue',
  SP: 'page-start', EP: 'page-end', DO: 'doi', M3: 'doi', UR: 'doi', L3: 'doi', N1: 'doi', AN: 'pmid', LA: 'language', ID: 'ignore', ER: 'ignore',
  AB: { other: 'abstract' }, N2: { other: 'abstract' }, KW: { other: 'keyword' }, SN: { other: 'ISSN' }, PB: { other: 'publisher' }, CY: { other: 'publisher-place' },
  A2: { other: 'editor' }, ED: { other: 'editor' }, A3: { other: 'editor' }, Y2: { other: 'accessed' },
};
const ENDNOTE_TAGS: Record<string, Target> = {
  '0': 'type', A: 'author', T: 'title', J: 'container-title', B: 'container-title', D: 'date', '8': 'date', V: 'volume', N: 'issue', P: 'page',
  R: 'doi', U: 'doi', M: 'pmid', G: 'language', F: 'ignore',
  X: { other: 'abstract' }, K: { other: 'keyword' }, '@': { other: 'ISSN' }, I: { other: 'publisher' }, C: { other: 'publisher-place' }, E: { other: 'editor' }, Z: { other: 'note' },
};
const WOS_TAGS: Record<string, Target> = {
  PT: 'type', AF: 'author', AU: 'author', TI: 'title', SO: 'container-title', JI: 'container-title-short', PY: 'date', VL: 'volume', IS: 'issue',
  BP: 'page-start', EP: 'page-end', AR: 'page', DI: 'doi', PM: 'pmid', LA: 'language', ER: 'ignore', UT: { other: 'WoS accession (UT)' },
  AB: { other: 'abstract' }, DE: { other: 'keyword' }, ID: { other: 'keyword' }, SN: { other: 'ISSN' }, EI: { other: 'ISSN' }, PU: { other: 'publisher' }, PI: { other: 'publisher-place' },
};
const CNKI_TAGS: Record<string, Target> = {
  DataType: 'ignore', SrcDatabase: 'type', Author: 'author', Title: 'title', Source: 'container-title', Year: 'date', PubTime: 'date', Roll: 'volume', Period: 'issue',
  Page: 'page', DOI: 'doi', Summary: { other: 'abstract' }, Keyword: { other: 'keyword' }, Link: { other: 'URL' }, Organ: { other: 'affiliation' }, PageCount: { other: 'number-of-pages' },
};
const MEDLINE_TAGS: Record<string, Target> = {
  PMID: 'pmid', FAU: 'author', AU: 'author', CN: 'author', TI: 'title', JT: 'container-title', TA: 'container-title-short', DP: 'date', VI: 'volume', IP: 'issue',
  PG: 'page', LID: 'doi', AID: 'doi', LA: 'language', PT: { other: 'genre' }, AB: { other: 'abstract' }, MH: { other: 'keyword' }, OT: { other: 'keyword' },
  IS: { other: 'ISSN' }, AD: { other: 'affiliation' }, PL: { other: 'publisher-place' },
};
const TAGS: Record<TaggedFormat, Record<string, Target>> = { ris: RIS_TAGS, endnote: ENDNOTE_TAGS, medline: MEDLINE_TAGS, wos: WOS_TAGS, cnki: CNKI_TAGS };
const FORMAT_LABEL: Record<TaggedFormat, string> = { ris: 'RIS', endnote: 'EndNote', medline: 'MEDLINE', wos: 'WoS', cnki: 'CNKI' };

const RIS_TYPES: Record<string, string> = {
  JOUR: 'article-journal', JFULL: 'article-journal', EJOUR: 'article-journal', ABST: 'article-journal', INPR: 'article-journal', MGZN: 'article-magazine', NEWS: 'article-newspaper',
  BOOK: 'book', EBOOK: 'book', EDBOOK: 'book', CHAP: 'chapter', ECHAP: 'chapter', CONF: 'paper-conference', CPAPER: 'paper-conference', THES: 'thesis',
  RPRT: 'report', DATA: 'dataset', DBASE: 'dataset', ELEC: 'webpage', WEB: 'webpage', BLOG: 'post-weblog', PAT: 'patent', MANSCPT: 'manuscript', UNPB: 'manuscript', GEN: 'document',
};
const ENDNOTE_TYPES: Record<string, string> = {
  'journal article': 'article-journal', 'electronic article': 'article-journal', book: 'book', 'edited book': 'book', 'book section': 'chapter',
  'conference proceedings': 'paper-conference', 'conference paper': 'paper-conference', thesis: 'thesis', report: 'report', 'web page': 'webpage',
  dataset: 'dataset', patent: 'patent', manuscript: 'manuscript', 'newspaper article': 'article-newspaper', 'magazine article': 'article-magazine', generic: 'document',
};
const WOS_TYPES: Record<string, string> = { J: 'article-journal', B: 'book', S: 'chapter', C: 'paper-conference', P: 'patent' };
const CNKI_TYPES: Record<string, string> = { 期刊: 'article-journal', 博士: 'thesis', 硕士: 'thesis', 国内会议: 'paper-conference', 国际会议: 'paper-conference', 报纸: 'article-newspaper', 图书: 'book', 年鉴: 'book' };

function typeOf(format: TaggedFormat, value: string): string {
  if (format === 'medline') return 'article-journal';
  const table = format === 'ris' ? RIS_TYPES : format === 'endnote' ? ENDNOTE_TYPES : format === 'wos' ? WOS_TYPES : CNKI_TYPES;
  const key = format === 'endnote' ? value.toLowerCase() : format === 'cnki' ? Object.keys(CNKI_TYPES).find((k) => value.includes(k)) ?? value : value.toUpperCase();
  return table[key] ?? value;
}

const DOI_IN_TEXT = /^(?:doi\s*:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;
const YEAR_IN_DATE = /(?:^|\D)(\d{4})(?!\d)/;

/** Maps one record onto a CSL item: the first usable value of each field wins; unmapped tags are kept under their label. */
export function taggedItem(record: TaggedRecord, format: TaggedFormat): { item: TaggedItem; problems: string[] } {
  const tags = TAGS[format];
  // CNKI's and MEDLINE's records are journal articles unless they say otherwise.
  const item: TaggedItem = { type: format === 'cnki' || format === 'medline' ? 'article-journal' : 'document' };
  const problems: string[] = [];
  const authors: CslName[] = [];
  let start: string | undefined;
  let end: string | undefined;
  const set = (key: string, value: string): void => {
    if (value !== '' && item[key] === undefined) item[key] = value;
  };
  for (const field of record.fields) {
    const target = tags[field.tag];
    const value = field.values.join(' ').trim();
    if (target === undefined) {
      if (value !== '') item[`${field.tag} (${FORMAT_LABEL[format]})`] = value;
      continue;
    }
    if (typeof target === 'object') {
      set(target.other, value);
      continue;
    }
    switch (target) {
      case 'ignore':
        break;
      case 'type':
        if (value) item.type = typeOf(format, value);
        break;
      case 'author':
        // Web of Science gives AU (short) and AF (full) for the same people, MEDLINE AU and FAU: the full form wins.
        if (field.tag === 'AU' && record.fields.some((f) => f.tag === (format === 'wos' ? 'AF' : 'FAU'))) break;
        for (const name of field.values.flatMap((v) => (format === 'cnki' ? v.split(/[;；]/) : [v]))) {
          const parsed = cslName(name);
          if (parsed) authors.push(parsed);
        }
        break;
      case 'date': {
        if (item.issued !== undefined) break;
        const year = YEAR_IN_DATE.exec(value)?.[1];
        if (year !== undefined && Number(year) > 0) item.issued = { 'date-parts': [[Number(year)]] };
        else if (value !== '') problems.push(`${field.tag} '${value}' holds no year; the year is left empty`);
        break;
      }
      case 'page-start':
        start ??= value || undefined;
        break;
      case 'page-end':
        end ??= value || undefined;
        break;
      case 'doi': {
        // MEDLINE marks what an identifier is: "10.1002/art.27221 [doi]", "S0140-6736(10)1 [pii]".
        if (format === 'medline' && !value.endsWith('[doi]')) break;
        const doi = DOI_IN_TEXT.exec(value.replace(/\s*\[doi\]$/, ''))?.[1];
        if (doi) set('DOI', doi);
        else if (field.tag === 'N1' || field.tag === 'UR' || field.tag === 'M3' || field.tag === 'U' || field.tag === 'L3') {
          set(field.tag === 'N1' ? 'note' : field.tag === 'M3' ? 'medium' : 'URL', value);
        }
        break;
      }
      case 'pmid':
        if (/^\d{1,8}$/.test(value)) set('PMID', value);
        else set(`${field.tag} (${FORMAT_LABEL[format]})`, value);
        break;
      case 'page':
        set('page', value);
        break;
      default:
        set(target, value);
    }
  }
  // A book's T2 is its series (Zotero's test case 6: "Bibliothek des Eigentums"), not a journal.
  if (format === 'ris' && item.type === 'book' && item['container-title'] !== undefined && record.fields.find((f) => RIS_TAGS[f.tag] === 'container-title')?.tag === 'T2') {
    item['collection-title'] = item['container-title'];
    delete item['container-title'];
  }
  if (start !== undefined && item.page === undefined) item.page = end !== undefined && end !== start && !start.includes('-') ? `${start}-${end}` : start;
  if (authors.length > 0) item.author = authors;
  return { item, problems };
}

/**
 * "Illei, Gabor G." → family and given; "Baldwin,S.A." too; "Illei GG" (MEDLINE's AU, Vancouver
 * style) → family and initials; any other name without a comma is kept whole.
 */
function cslName(raw: string): CslName | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const comma = text.indexOf(',');
  if (comma < 0) {
    const initials = /^(.*\S)\s+(\p{Lu}{1,4})$/u.exec(text);
    return initials ? { family: initials[1] as string, given: initials[2] as string } : { literal: text };
  }
  const family = text.slice(0, comma).trim();
  const given = text.slice(comma + 1).replace(/,\s*$/, '').trim();
  if (family === '') return { literal: text };
  return given ? { family, given } : { family };
}
