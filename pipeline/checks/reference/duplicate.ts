// reference/duplicate: a reference entered twice (same DOI, same PMID, or same first author, year and title), so one work is credited twice.
import type { PersonName } from '../../normalise/author.ts';
import { WORK_CRITERIA, workKeys, type WorkCriterion, type WorkFields } from '../../normalise/work-key.ts';
import { readEntryFields } from '../../citations/entry-fields.ts';
import type { ListedReference } from '../../citations/types.ts';
import { defineRule } from '../types.ts';

type Criterion = WorkCriterion;

/** What is kept of the first row (or list entry) with a key: enough to name it. */
interface FirstReference {
  id: string | undefined;
  line: number;
  /** A manuscript's list entry: its number. */
  number?: number;
}

/** What a reference is matched on, from a references.csv row or read out of a list entry's text. */
type Described = WorkFields;

export default defineRule({
  meta: {
    severity: 'error',
    description: 'Two references are the same work: same DOI or PMID, or same first author, year and title',
    messages: {
      doi: 'doi {{doi}} is also {{other}}',
      pmid: 'pmid {{pmid}} is also {{other}}',
      title: 'title, first author ({{author}}) and year ({{year}}) match {{other}}',
    },
  },
  create(context) {
    const first: Record<Criterion, Map<string, FirstReference>> = { doi: new Map(), pmid: new Map(), title: new Map() };
    return {
      reference(record) {
        const keys = keysOf({ doi: record.doi, pmid: record.pmid, firstAuthor: record.authors?.names[0], year: record.year, title: record.title });
        const match = findEarlier(keys, first);
        remember(keys, { id: record.id, line: record.source.line }, first);
        if (match === undefined) return;
        // A row repeated under its own id is record/duplicate-id's finding; saying it twice helps no one.
        if (match.earlier.id !== undefined && match.earlier.id === record.id) return;
        const other = describeReference(match.earlier);
        const data = { doi: record.doi ?? '', pmid: record.pmid ?? '', author: displayName(record.authors?.names[0]), year: record.year ?? '', other };
        context.reportField(record.source, match.criterion, { messageId: match.criterion, data, actual: record.source.cell(match.criterion)?.raw.trim() ?? '' });
      },
      document(document) {
        // A manuscript's own list (or one given as a file); a list drawn from references.csv was checked row by row above.
        if (document.kind !== 'manuscript') return;
        const entries = (document.references ?? []).filter((entry) => entry.record === undefined);
        const seen: Record<Criterion, Map<string, FirstReference>> = { doi: new Map(), pmid: new Map(), title: new Map() };
        for (const entry of entries) {
          const fields = describeEntry(entry);
          const keys = keysOf(fields);
          const match = findEarlier(keys, seen);
          remember(keys, { id: undefined, line: entry.line, number: entry.number }, seen);
          if (match === undefined) continue;
          const data = { doi: fields.doi ?? '', pmid: fields.pmid ?? '', author: displayName(fields.firstAuthor), year: fields.year ?? '', other: describeReference(match.earlier) };
          const actual = match.criterion === 'title' ? fields.title ?? '' : (match.criterion === 'doi' ? fields.doi : fields.pmid) ?? '';
          context.report({ file: entry.file, line: entry.line, column: entry.column }, { messageId: match.criterion, data, actual });
        }
      },
    };
  },
});

/** A list entry's fields: its first author as the list was read, the rest from its file or out of its text. */
function describeEntry(entry: ListedReference): Described {
  return { ...(entry.fields ?? readEntryFields(entry.text)), firstAuthor: entry.firstAuthor };
}

function keysOf(reference: Described): Record<Criterion, string | undefined> {
  return workKeys(reference);
}

function findEarlier(
  keys: Record<Criterion, string | undefined>,
  first: Record<Criterion, Map<string, FirstReference>>,
): { criterion: Criterion; earlier: FirstReference } | undefined {
  for (const criterion of WORK_CRITERIA) {
    const key = keys[criterion];
    const earlier = key === undefined ? undefined : first[criterion].get(key);
    if (earlier !== undefined) return { criterion, earlier };
  }
  return undefined;
}

/** Keeps the first row of each key, so that every later copy is reported against the original. */
function remember(keys: Record<Criterion, string | undefined>, reference: FirstReference, first: Record<Criterion, Map<string, FirstReference>>): void {
  for (const criterion of WORK_CRITERIA) {
    const key = keys[criterion];
    if (key !== undefined && !first[criterion].has(key)) first[criterion].set(key, reference);
  }
}

/** "reference manfredi2020 (line 30)", "reference [3] (line 104)" for a list entry, or "the reference on line 30" for a row whose id is missing or invalid. */
function describeReference(reference: FirstReference): string {
  const { id, line, number } = reference;
  if (number !== undefined) return `reference [${number}] (line ${line})`;
  return id === undefined ? `the reference on line ${line}` : `reference ${id} (line ${line})`;
}

/** "Manfredi" for "Manfredi A", but the whole "陈建锋": a one-character Chinese family name says too little. */
function displayName(name: PersonName | undefined): string {
  if (name === undefined) return '';
  return name.script === 'han' ? name.literal : name.family;
}
