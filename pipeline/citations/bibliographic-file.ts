// citation-js adapter: reads CSL-JSON, RIS (EndNote, Zotero) and BibTeX/BibLaTeX into CSL items, saying what it could not read.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { CslItem, CslName } from './csl.ts';

export const BIBLIOGRAPHIC_FORMATS = ['csl-json', 'ris', 'bibtex'] as const;
export type BibliographicFormat = (typeof BIBLIOGRAPHIC_FORMATS)[number];

/** A CSL item as read, with every field the file gave (more than CslItem names). */
export type ImportedItem = CslItem & Record<string, unknown>;

/** Names as CSL wants them; anything else in an author list is counted as dropped. */
function cleanNames(value: unknown): { list: CslName[]; dropped: number } {
  if (value === undefined) return { list: [], dropped: 0 };
  if (!Array.isArray(value)) return { list: [], dropped: 1 };
  const list: CslName[] = [];
  let dropped = 0;
  for (const entry of value) {
    const name = entry as Record<string, unknown> | null;
    const text = (key: string): string | undefined => (name && typeof name[key] === 'string' && (name[key] as string).trim() ? (name[key] as string).trim() : undefined);
    const family = text('family');
    const given = text('given');
    const literal = text('literal');
    if (family) list.push(given ? { family, given } : { family });
    else if (literal) list.push({ literal });
    else if (given) list.push({ family: given });
    else dropped++;
  }
  return { list, dropped };
}

export interface BibliographicFile {
  items: ImportedItem[];
  /** Why the file, or part of it, could not be read. */
  problems: string[];
}

/** The format by file name: .json → CSL-JSON, .ris/.txt/.enw → RIS, .bib/.bibtex → BibTeX. */
export function formatOfPath(path: string): BibliographicFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'csl-json';
  if (lower.endsWith('.ris') || lower.endsWith('.enw') || lower.endsWith('.txt')) return 'ris';
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex')) return 'bibtex';
  return undefined;
}

const CITATION_JS_TYPE: Record<Exclude<BibliographicFormat, 'csl-json'>, string> = { ris: '@ris/file', bibtex: '@biblatex/text' };

export function readBibliographicFile(text: string, format: BibliographicFormat): BibliographicFile {
  if (format === 'csl-json') return readCslJson(text);
  try {
    const cite = new Cite(text, { forceType: CITATION_JS_TYPE[format] });
    const problems: string[] = [];
    const items = (cite.data as Record<string, unknown>[]).map((raw, i) => cleanItem(raw, i, problems));
    if (items.length === 0) problems.push(`no ${format === 'ris' ? 'RIS record (TY … ER)' : 'BibTeX entry'} found`);
    return { items, problems };
  } catch (error) {
    // citation-js's parser errors run over several lines (an excerpt, a grammar path): the first says what.
    const first = ((error as Error).message ?? String(error)).split('\n')[0]?.trim() ?? '';
    return { items: [], problems: [`not readable as ${format}: ${first}`] };
  }
}

function readCslJson(text: string): BibliographicFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { items: [], problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const list = Array.isArray(data) ? data : [data];
  const items: ImportedItem[] = [];
  const problems: string[] = [];
  list.forEach((entry, i) => {
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) items.push(cleanItem(entry as Record<string, unknown>, i, problems));
    else problems.push(`item ${i + 1} is not a CSL-JSON object`);
  });
  if (list.length === 0) problems.push('the file holds an empty list: no items');
  return { items, problems };
}

/**
 * Drops citation-js's bookkeeping and its random temporary ids (output must not depend on them), and
 * keeps only well-formed names: a file is someone else's data, and `author: "Smith J"` must not crash.
 */
function cleanItem(raw: Record<string, unknown>, index: number, problems: string[]): ImportedItem {
  const { _graph: _graphOmitted, ...rest } = raw;
  const item = { ...rest } as ImportedItem;
  const names = cleanNames(rest.author);
  if (names.dropped > 0) problems.push(`item ${index + 1}: ${names.dropped} author ${names.dropped === 1 ? 'entry is' : 'entries are'} not a name (family/given or literal text) and ${names.dropped === 1 ? 'was' : 'were'} left out`);
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
