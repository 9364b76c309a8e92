// Reads reference exports into CSL items with their lines: CSL-JSON, BibTeX (citation-js, one entry at a time) and the tagged formats (RIS, EndNote, MEDLINE, Web of Science, CNKI).
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { appendAll } from '../arrays.ts';
import type { CslItem, CslName } from './csl.ts';
import { expandedLength, MAX_EXPANDED_CHARS, scanBibtex, type BibtexEntry, type BibtexFile } from './bibtex-entries.ts';
import { readTaggedRecords, sniffTaggedFormat, taggedItem, TAGGED_FORMATS, type TaggedFormat } from './tagged-formats.ts';

export const BIBLIOGRAPHIC_FORMATS = ['csl-json', 'bibtex', ...TAGGED_FORMATS] as const;
export type BibliographicFormat = (typeof BIBLIOGRAPHIC_FORMATS)[number];

/** How each format is named in messages and in the README. */
export const FORMAT_NAMES: Record<BibliographicFormat, string> = {
  'csl-json': 'CSL-JSON',
  bibtex: 'BibTeX',
  ris: 'RIS',
  endnote: 'EndNote tagged',
  medline: 'PubMed/MEDLINE',
  wos: 'Web of Science tagged',
  cnki: 'CNKI E-Study',
};

/** A CSL item as read, with every field the file gave (more than CslItem names). */
export type ImportedItem = CslItem & Record<string, unknown>;

/** One item and the line of the file it starts on. */
export interface ReadEntry {
  item: ImportedItem;
  line: number;
}

export interface BibliographicFile {
  format: BibliographicFormat;
  entries: ReadEntry[];
  /** The entries' items, in file order. */
  items: ImportedItem[];
  /** Why the file, or an entry of it ("line 12: …"), could not be read. */
  problems: string[];
  /** How many entries were found but could not be read (each has a problem). */
  unreadable: number;
}

/** The last name of an author list that stands for "and others" (BibTeX `and others`, "et al.", 等). */
export const ET_AL: CslName = { literal: 'et al.' };
const ET_AL_WORDS = /^(?:others|et\.? al\.?|等人?)$/i;

export function isEtAl(name: CslName): boolean {
  return 'literal' in name && name.literal === 'et al.';
}

// CSL's rich text (<i>, <b>, <sup>, <sub>, <span class="nocase">, <span style="font-variant:small-caps;">) in a name is markup, not the name.
const CSL_MARKUP = /<\/?(?:i|b|sup|sub|span)(?:\s[^<>]*)?>/gi;

/** Names as CSL wants them, in plain text; anything else in an author list is counted as dropped. */
function cleanNames(value: unknown): { list: CslName[]; dropped: number } {
  if (value === undefined) return { list: [], dropped: 0 };
  if (!Array.isArray(value)) return { list: [], dropped: 1 };
  const list: CslName[] = [];
  let dropped = 0;
  for (const entry of value) {
    const name = entry as Record<string, unknown> | null;
    const text = (key: string): string | undefined => {
      const raw = name?.[key];
      const plain = typeof raw === 'string' ? raw.replace(CSL_MARKUP, '').replace(/\s+/g, ' ').trim() : '';
      return plain === '' ? undefined : plain;
    };
    // "van Laar": the particle is part of the family name as an editor writes it ("van Laar JM").
    const particle = [text('dropping-particle'), text('non-dropping-particle')].filter(Boolean).join(' ');
    const bare = text('family');
    const family = bare && particle ? `${particle} ${bare}` : bare;
    const given = text('given');
    const literal = text('literal');
    if (family && ET_AL_WORDS.test(family) && !given) list.push(ET_AL);
    else if (literal && ET_AL_WORDS.test(literal)) list.push(ET_AL);
    else if (family) list.push(given ? { family, given } : { family });
    else if (literal) list.push({ literal });
    else if (given) list.push({ family: given });
    else dropped++;
  }
  // "et al." means something only at the end.
  const trimmed = list.filter((n, i) => !isEtAl(n) || i === list.length - 1);
  return { list: trimmed.length === 1 && isEtAl(trimmed[0] as CslName) ? [] : trimmed, dropped };
}

/** The format by file name: .json → CSL-JSON, .ris/.txt → RIS, .enw → EndNote, .nbib → MEDLINE, .bib/.bibtex → BibTeX. */
export function formatOfPath(path: string): BibliographicFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'csl-json';
  if (lower.endsWith('.enw')) return 'endnote';
  if (lower.endsWith('.nbib') || lower.endsWith('.medline')) return 'medline';
  if (lower.endsWith('.ris') || lower.endsWith('.txt')) return 'ris';
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex')) return 'bibtex';
  return undefined;
}

/** Exports the tool does not read, recognised by their first lines, with what to export instead. */
const UNREAD_FORMATS: readonly { test: RegExp; message: string }[] = [
  { test: /^\s*<\?xml[\s\S]{0,400}<(?:xml|records)>/, message: 'an EndNote XML file; in EndNote export with the RefMan (RIS) output style, or as BibTeX' },
  { test: /^\s*<\?xml[\s\S]{0,400}rdf:RDF/, message: 'a Zotero RDF file; export RIS, BibTeX or CSL-JSON from Zotero instead' },
  { test: /^\{Reference Type\}:/m, message: 'a NoteExpress file; in NoteExpress export with the RefMan (RIS) or EndNote style' },
  { test: /^RT [A-Z]/m, message: 'a RefWorks tagged file; export RIS from RefWorks instead' },
];

/**
 * The format of a file from its first characters, else from its name. A `.txt` export is RIS,
 * EndNote, Web of Science or CNKI E-Study by what it holds; an export the tool does not read is
 * named, with what to export instead, in `refused`.
 */
export function detectFormat(path: string, text: string): { format: BibliographicFormat } | { refused: string } {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  const start = head.trimStart();
  const tagged = sniffTaggedFormat(head);
  if (tagged) return { format: tagged };
  if (start.startsWith('[') || start.startsWith('{')) return { format: 'csl-json' };
  for (const unread of UNREAD_FORMATS) if (unread.test.test(head)) return { refused: `this is ${unread.message}` };
  const byName = formatOfPath(path);
  if (byName === 'bibtex' || /^\s*(?:%[^\n]*\n\s*)*@/.test(head) || /^\s*@[A-Za-z]+\s*[{(]/m.test(head)) return { format: 'bibtex' };
  // A .ris file that does not look like RIS is read as RIS all the same, and says what it lacks; a .txt is not assumed to be RIS.
  if (byName && (byName !== 'ris' || path.toLowerCase().endsWith('.ris'))) return { format: byName };
  return {
    refused: `not a reference export the tool reads (${BIBLIOGRAPHIC_FORMATS.map((f) => FORMAT_NAMES[f]).join(', ')}); export RIS, BibTeX or CSL-JSON from the reference manager`,
  };
}

export function readBibliographicFile(text: string, format: BibliographicFormat): BibliographicFile {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'csl-json') return readCslJson(body);
  if (format === 'bibtex') return readBibtex(body);
  // A .txt given as RIS may be another tagged export: what it holds decides.
  return readTagged(body, sniffTaggedFormat(body) ?? format);
}

function file(format: BibliographicFormat, entries: ReadEntry[], problems: string[], unreadable = 0): BibliographicFile {
  return { format, entries, items: entries.map((e) => e.item), problems, unreadable };
}

function readTagged(text: string, format: TaggedFormat): BibliographicFile {
  const { records, problems } = readTaggedRecords(text, format);
  const entries: ReadEntry[] = [];
  for (const record of records) {
    const read = taggedItem(record, format);
    for (const problem of read.problems) problems.push(`line ${record.line}: ${problem}`);
    entries.push({ item: cleanItem(read.item as Record<string, unknown>, record.line, problems), line: record.line });
  }
  if (entries.length === 0) problems.push(`no ${FORMAT_NAMES[format]} record found`);
  return file(format, entries, problems);
}

function readCslJson(text: string): BibliographicFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return file('csl-json', [], [`not valid JSON: ${(error as Error).message}`]);
  }
  const list = Array.isArray(data) ? data : [data];
  const entries: ReadEntry[] = [];
  const problems: string[] = [];
  // JSON.parse gives no positions: the line of each item's opening brace is found by a scan of the text.
  const lines = objectLines(text, Array.isArray(data));
  list.forEach((entry, i) => {
    const line = lines[i] ?? 1;
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) entries.push({ item: cleanItem(entry as Record<string, unknown>, line, problems), line });
    else problems.push(`line ${line}: item ${i + 1} is not a CSL-JSON object; it is left out`);
  });
  if (list.length === 0) problems.push('the file holds an empty list: no items');
  return file('csl-json', entries, problems, list.length - entries.length);
}

/** The line of each top-level value of a JSON array (or of the one object), by a scan that skips strings. */
function objectLines(text: string, isArray: boolean): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let valueStarted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    const starts = isArray ? depth === 1 && !valueStarted && !/[\s,\]]/.test(ch) : depth === 0 && ch === '{';
    if (starts) {
      lines.push(line);
      valueStarted = true;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) valueStarted = false;
  }
  return lines;
}

const MAX_CROSSREF_DEPTH = 3;

/**
 * Each entry is given to citation-js on its own, with the @strings it uses and the entries it
 * inherits from, so an entry citation-js cannot read is reported with its line and the others are
 * read. citation-js 0.7's BibLaTeX mapping fails on a `crossref` to a @book without an author
 * ("Failed to convert bookauthor to container-author"); its plain BibTeX mapping reads those.
 */
function readBibtex(text: string): BibliographicFile {
  const scanned = scanBibtex(text);
  const problems = [...scanned.problems];
  const byKey = new Map<string, BibtexEntry>();
  for (const entry of scanned.entries) if (entry.key !== undefined && !byKey.has(entry.key.toLowerCase())) byKey.set(entry.key.toLowerCase(), entry);
  const entries: ReadEntry[] = [];
  let unreadable = scanned.unclosed;
  for (const entry of scanned.entries) {
    const label = `line ${entry.line}: @${entry.type}{${entry.key ?? ''}}`;
    if (expandedLength(entry, scanned.strings) > MAX_EXPANDED_CHARS) {
      problems.push(`${label} expands @string macros to more than ${MAX_EXPANDED_CHARS.toLocaleString('en')} characters; it is left out`);
      unreadable++;
      continue;
    }
    const key = entry.key ?? `review-line-${entry.line}`;
    const source = bibtexSource(entry, key, byKey, scanned);
    const raw = parseBibtex(source, key);
    if (typeof raw === 'string') {
      problems.push(`${label} cannot be read: ${raw}; it is left out`);
      unreadable++;
      continue;
    }
    if (entry.key === undefined) {
      delete raw['citation-key'];
      delete raw.id;
    }
    entries.push({ item: cleanItem(raw, entry.line, problems), line: entry.line });
  }
  if (entries.length === 0 && problems.length === 0) problems.push('no BibTeX entry found');
  return file('bibtex', entries, problems, unreadable);
}

/** The entry (with a key when it had none), the entries it inherits from, and the @strings all of them use, in file order. */
function bibtexSource(entry: BibtexEntry, key: string, byKey: ReadonlyMap<string, BibtexEntry>, scanned: BibtexFile): string {
  const chain: BibtexEntry[] = [];
  let parent = entry.crossref === undefined ? undefined : byKey.get(entry.crossref);
  while (parent && parent !== entry && chain.length < MAX_CROSSREF_DEPTH && !chain.includes(parent)) {
    chain.push(parent);
    parent = parent.crossref === undefined ? undefined : byKey.get(parent.crossref);
  }
  const used = new Set<BibtexEntry>();
  const pending = [entry, ...chain].flatMap((e) => e.macros);
  // Bounded: each @string is taken once.
  while (pending.length > 0) {
    const definition = scanned.strings.get(pending.pop() as string);
    if (definition && definition.length !== Infinity && !used.has(definition.entry)) {
      used.add(definition.entry);
      appendAll(pending, definition.entry.macros);
    }
  }
  const strings = [...used].sort((a, b) => a.line - b.line).map((s) => s.text);
  const own = entry.key === undefined ? entry.text.replace(/^(@[^{(]*[{(])/, `$1${key},`) : entry.text;
  return [...strings, ...chain.map((e) => e.text), own].join('\n');
}

function parseBibtex(source: string, key: string): Record<string, unknown> | string {
  let firstError = '';
  for (const forceType of ['@biblatex/text', '@bibtex/text']) {
    try {
      const data = new Cite(source, { forceType }).data as Record<string, unknown>[];
      const found = data.find((d) => d['citation-key'] === key) ?? data[data.length - 1];
      if (found) return found;
      firstError ||= 'no entry found';
    } catch (error) {
      // citation-js's parser errors run over several lines (an excerpt, a grammar path): the first says what.
      firstError ||= ((error as Error).message ?? String(error)).split('\n')[0]?.trim() ?? 'unreadable';
    }
  }
  return firstError;
}

/**
 * Drops citation-js's bookkeeping and its random temporary ids (output must not depend on them), and
 * keeps only well-formed names: a file is someone else's data, and `author: "Smith J"` must not crash.
 */
function cleanItem(raw: Record<string, unknown>, line: number, problems: string[]): ImportedItem {
  const { _graph: _graphOmitted, ...rest } = raw;
  const item = { ...rest } as ImportedItem;
  const names = cleanNames(rest.author);
  if (names.dropped > 0) problems.push(`line ${line}: ${names.dropped} author ${names.dropped === 1 ? 'entry is' : 'entries are'} not a name (family/given or literal text) and ${names.dropped === 1 ? 'was' : 'were'} left out`);
  if (names.list.length > 0) item.author = names.list;
  else delete item.author;
  for (const key of ['title', 'container-title', 'container-title-short', 'volume', 'issue', 'page', 'DOI', 'PMID', 'language'] as const) {
    const value = item[key];
    if (value !== undefined && typeof value !== 'string' && typeof value !== 'number') delete item[key];
    else if (typeof value === 'number') (item as Record<string, unknown>)[key] = String(value);
  }
  if (typeof item.id !== 'string' || item.id.startsWith('temp_id_')) {
    const key = rest['citation-key'];
    item.id = typeof key === 'string' ? key : '';
  }
  if (typeof item.type !== 'string') item.type = 'article-journal';
  return item;
}
