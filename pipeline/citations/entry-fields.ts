// Reads DOI, PMID, year and title out of a free-text reference entry in GB/T 7714, Vancouver or APA style.
import { parseDoi, parsePmid } from '../normalise/identifier.ts';

/** What a formatted entry says about its work, as far as it can be read; a field is undefined when it cannot. */
export interface EntryFields {
  doi?: string;
  pmid?: string;
  year?: number;
  title?: string;
}

// An entry is at most a few thousand characters; longer text is not read (it is not one entry).
const MAX_ENTRY_CHARS = 5_000;
const DOI_START = /10\.\d{4,9}\//;
// What ends a DOI written before something else: "doi:10.1/x. PMID: 123", "10.1/x [PubMed]", "10.1/x https://…".
const AFTER_DOI = /\s(?:pmid|pmcid|\[|https?:)/i;
const PMID = /\bPMID\s*:?\s*(\d{1,8})\b/i;
// APA: "Smith, J. A., & Lee, K. (2020). Title. Journal, 1(2), 3–4."
const APA_YEAR = /\((\d{4})[a-z]?\)\.?\s*/;
// GB/T 7714 type marks after a title: [J], [M], [EB/OL], [J/OL], [D], [C] …
const GBT_TYPE = /\[(?:[A-Z]{1,2})(?:\/OL)?\]/;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;
// The end of the author list in GB/T 7714 and Vancouver: the first full stop ("…, et al. Title", "Smith J, Doe A. Title", "陈竺．健康中国").
const AUTHORS_END = /[.．。]/;
// The end of a Vancouver or APA title: a full stop (or ? !) followed by a space, or the end.
const TITLE_END = /[.．。?？!！](?:\s|$)/;

/** The fields of one entry's text (the label "[3]" already removed). */
export function readEntryFields(text: string): EntryFields {
  const fields: EntryFields = {};
  if (text.length > MAX_ENTRY_CHARS) return fields;
  const doi = doiIn(text);
  if (doi !== undefined) fields.doi = doi;
  const pmid = PMID.exec(text)?.[1];
  if (pmid !== undefined) {
    const parsed = parsePmid(pmid);
    if (parsed.ok) fields.pmid = parsed.value;
  }
  const { title, rest } = titleAndRest(text);
  if (title !== undefined && title !== '') fields.title = title;
  const year = YEAR.exec(rest)?.[0];
  if (year !== undefined) fields.year = Number(year);
  return fields;
}

/**
 * The DOI in an entry, whatever its prefix ("DOI:", "doi:", "https://doi.org/"). A conversion from
 * PDF breaks a DOI at the end of an entry across spaces ("10.1056/NEJM oa2206038"): at the end of
 * the entry, up to two such breaks are closed up.
 */
function doiIn(text: string): string | undefined {
  const start = DOI_START.exec(text)?.index;
  if (start === undefined) return undefined;
  let tail = text.slice(start);
  const stop = AFTER_DOI.exec(tail)?.index;
  if (stop !== undefined) tail = tail.slice(0, stop);
  tail = tail.trim();
  const breaks = tail.split(/\s+/);
  const candidate = breaks.length <= 3 ? breaks.join('') : (breaks[0] ?? '');
  const parsed = parseDoi(candidate.replace(/[,;，；。]+$/, ''));
  return parsed.ok ? parsed.value : undefined;
}

/** The title, and the text after it (where the year stands: a title may hold a year of its own, "2016 ESC Guidelines"). */
function titleAndRest(text: string): { title?: string; rest: string } {
  const apa = APA_YEAR.exec(text);
  if (apa) {
    const after = text.slice(apa.index + apa[0].length);
    const end = TITLE_END.exec(after)?.index ?? after.length;
    return { title: after.slice(0, end).trim(), rest: apa[0] };
  }
  const authorsEnd = AUTHORS_END.exec(text)?.index;
  if (authorsEnd === undefined) return { rest: text };
  const after = text.slice(authorsEnd + 1);
  const type = GBT_TYPE.exec(after);
  const end = type?.index ?? TITLE_END.exec(after)?.index ?? after.length;
  const rest = after.slice(type ? type.index + type[0].length : end);
  return { title: after.slice(0, end).trim(), rest };
}
