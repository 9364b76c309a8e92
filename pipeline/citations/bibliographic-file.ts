// citation-js adapter: reads CSL-JSON, RIS (EndNote, Zotero) and BibTeX/BibLaTeX into CSL items, saying what it could not read.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { CslItem } from './csl.ts';

export const BIBLIOGRAPHIC_FORMATS = ['csl-json', 'ris', 'bibtex'] as const;
export type BibliographicFormat = (typeof BIBLIOGRAPHIC_FORMATS)[number];

/** A CSL item as read, with every field the file gave (more than CslItem names). */
export type ImportedItem = CslItem & Record<string, unknown>;

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
    const items = (cite.data as Record<string, unknown>[]).map(cleanItem);
    return { items, problems: items.length === 0 ? [`no ${format === 'ris' ? 'RIS record (TY … ER)' : 'BibTeX entry'} found`] : [] };
  } catch (error) {
    return { items: [], problems: [`not readable as ${format}: ${(error as Error).message}`] };
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
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) items.push(cleanItem(entry as Record<string, unknown>));
    else problems.push(`item ${i + 1} is not a CSL-JSON object`);
  });
  return { items, problems };
}

/** Drops citation-js's bookkeeping and its random temporary ids (output must not depend on them). */
function cleanItem(raw: Record<string, unknown>): ImportedItem {
  const { _graph: _graphOmitted, ...rest } = raw;
  const item = { ...rest } as ImportedItem;
  if (typeof item.id !== 'string' || item.id.startsWith('temp_id_')) {
    const key = rest['citation-key'];
    item.id = typeof key === 'string' ? key : '';
  }
  if (typeof item.type !== 'string') item.type = 'article-journal';
  return item;
}
