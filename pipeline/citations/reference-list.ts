// Numbered reference lists from outside a manuscript: a references.csv (by its number column) or a CSL-JSON, RIS or BibTeX file (in file order).
import type { PersonName } from '../normalise/author.ts';
import { parsePersonName } from '../normalise/author.ts';
import type { ReferenceRecord } from '../schema/tables.ts';
import type { ImportedItem } from './bibliographic-file.ts';
import type { EntryFields } from './entry-fields.ts';
import type { ListedReference } from './types.ts';

/** Rows with a number, in number order, each at its row's place. */
export function listFromRecords(records: readonly ReferenceRecord[]): ListedReference[] {
  return records
    .filter((record): record is ReferenceRecord & { number: number } => record.number !== undefined)
    .sort((a, b) => a.number - b.number)
    .map((record) => {
      const cell = record.source.cell('number') ?? { line: record.source.line, column: 1 };
      const entry: ListedReference = { number: record.number, text: record.title ?? '', line: cell.line, column: cell.column, file: record.source.file, record };
      const author = record.authors?.names[0];
      if (author) entry.firstAuthor = author;
      return entry;
    });
}

/** Items numbered by their `citation-number` when they carry one, else by their order in the file. */
export function listFromItems(items: readonly ImportedItem[], file: string): ListedReference[] {
  return items.map((item, i) => {
    const given = Number(item['citation-number']);
    const entry: ListedReference = { number: Number.isInteger(given) && given > 0 ? given : i + 1, text: item.title ?? '', line: 1, column: 1, file };
    const author = firstAuthorOfItem(item);
    if (author) entry.firstAuthor = author;
    entry.fields = fieldsOfItem(item);
    return entry;
  });
}

function firstAuthorOfItem(item: ImportedItem): PersonName | undefined {
  const first = item.author?.[0];
  if (!first) return undefined;
  const text = 'literal' in first ? first.literal : first.given ? `${first.family}, ${first.given}` : first.family;
  const parsed = parsePersonName(text);
  return parsed.ok ? parsed.value : undefined;
}

function fieldsOfItem(item: ImportedItem): EntryFields {
  const fields: EntryFields = {};
  if (item.DOI) fields.doi = item.DOI;
  if (item.PMID) fields.pmid = item.PMID;
  const year = item.issued?.['date-parts'][0]?.[0];
  if (year !== undefined && Number.isInteger(year)) fields.year = year;
  if (item.title) fields.title = item.title;
  return fields;
}
