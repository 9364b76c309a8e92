// study/possible-overlap: two studies of one disease from the same first author or centre, over overlapping periods: possibly the same patients twice.
import { nameKey, sameAuthor, type PersonName } from '../../normalise/author.ts';
import { periodsOverlap, type Period } from '../../normalise/period.ts';
import type { StudyRecord } from '../../schema/tables.ts';
import { defineRule, type RecordIndex } from '../types.ts';

/** Publications further apart than this are taken to report different patients when no period is recorded. */
const MAX_YEARS_APART = 5;

/** What is kept of a study to compare later ones with: a few fields, not the record. */
interface Seen {
  id: string;
  disease: string;
  firstAuthor: PersonName | undefined;
  centre: string | undefined;
  period: Period | undefined;
  year: number | undefined;
}

/**
 * Earlier studies whose first authors share a disease and a family name, split by first initial
 * (Latin) or given name (Chinese). Family names alone would make huge groups of 王 or Wang in a
 * large Chinese literature; names without initials or given name can match any, so they are kept apart.
 */
interface FamilyGroup {
  byQualifier: Map<string, Seen[]>;
  unqualified: Seen[];
}

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'Two studies of one disease share a first author or centre over overlapping periods, so their patients may be the same',
    messages: {
      overlap: 'study {{id}} may include the patients of {{other}}: {{shared}}, {{when}}',
    },
  },
  create(context) {
    // Each study is compared only with the earlier ones of its author and centre groups, never with every study.
    const families = new Map<string, FamilyGroup>();
    const centres = new Map<string, Seen[]>();
    return {
      study(record) {
        const seen = toSeen(record, context.index);
        if (seen === undefined) return;
        for (const earlier of candidates(seen, families, centres)) {
          const finding = compare(earlier, seen);
          if (finding === undefined) continue;
          context.reportField(record.source, 'id', { messageId: 'overlap', data: { id: seen.id, other: earlier.id, ...finding } });
        }
        addToGroups(seen, families, centres);
      },
    };
  },
});

/** The fields the rule needs; undefined for a study without id or disease, which has nothing to compare. */
function toSeen(record: StudyRecord, index: RecordIndex): Seen | undefined {
  if (record.id === undefined || record.disease === undefined) return undefined;
  // A study is named by its main report, the first of its reference_id list.
  const main = record.reference_id?.[0];
  const reference = main === undefined ? undefined : index.references.get(main);
  const centre = record.centre?.trim();
  return {
    id: record.id,
    disease: record.disease,
    firstAuthor: reference?.firstAuthor,
    centre: centre === '' ? undefined : centre,
    period: record.period,
    year: reference?.year,
  };
}

function familyKey(seen: Seen, author: PersonName): string {
  // Joined, not a template literal: a joined key is one flat string, and every study's keys are kept.
  return [seen.disease, author.script, nameKey(author)].join('\u0000');
}

function centreGroupKey(seen: Seen, centre: string): string {
  return [seen.disease, centreKey(centre)].join('\u0000');
}

function centreKey(centre: string): string {
  return centre.normalize('NFKC').trim().toLowerCase();
}

/** What sameAuthor compares beyond the family name: the first initial, or a Chinese given name. */
function qualifier(author: PersonName): string | undefined {
  if (author.script === 'han') return author.given;
  return author.initials?.charAt(0).normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase();
}

/** Earlier studies sharing a group with this one, each once even when it shares both author and centre. */
function candidates(seen: Seen, families: ReadonlyMap<string, FamilyGroup>, centres: ReadonlyMap<string, Seen[]>): Set<Seen> {
  const found = new Set<Seen>();
  const author = seen.firstAuthor;
  const family = author === undefined ? undefined : families.get(familyKey(seen, author));
  if (author !== undefined && family !== undefined) {
    const mark = qualifier(author);
    const groups = mark === undefined ? [...family.byQualifier.values()] : [family.byQualifier.get(mark) ?? []];
    for (const group of [...groups, family.unqualified]) for (const earlier of group) found.add(earlier);
  }
  if (seen.centre !== undefined) for (const earlier of centres.get(centreGroupKey(seen, seen.centre)) ?? []) found.add(earlier);
  return found;
}

function addToGroups(seen: Seen, families: Map<string, FamilyGroup>, centres: Map<string, Seen[]>): void {
  const author = seen.firstAuthor;
  if (author !== undefined) {
    const key = familyKey(seen, author);
    const family = families.get(key) ?? { byQualifier: new Map<string, Seen[]>(), unqualified: [] };
    families.set(key, family);
    const mark = qualifier(author);
    if (mark === undefined) family.unqualified.push(seen);
    else pushTo(family.byQualifier, mark, seen);
  }
  if (seen.centre !== undefined) pushTo(centres, centreGroupKey(seen, seen.centre), seen);
}

function pushTo(groups: Map<string, Seen[]>, key: string, seen: Seen): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, [seen]);
  else group.push(seen);
}

/** What the two studies share and why their times may overlap; undefined when they need no warning. */
function compare(earlier: Seen, later: Seen): { shared: string; when: string } | undefined {
  // The same id twice is record/duplicate-id's finding, not a second cohort.
  if (earlier.id === later.id) return undefined;
  const shared = sharedOrigin(earlier, later);
  if (shared === undefined) return undefined;
  const when = timeOverlap(earlier, later);
  return when === undefined ? undefined : { shared, when };
}

function sharedOrigin(earlier: Seen, later: Seen): string | undefined {
  const author = earlier.firstAuthor !== undefined && later.firstAuthor !== undefined && sameAuthor(earlier.firstAuthor, later.firstAuthor);
  const centre = earlier.centre !== undefined && later.centre !== undefined && centreKey(earlier.centre) === centreKey(later.centre);
  const authorText = `first author (${displayName(later.firstAuthor)})`;
  const centreText = `centre (${later.centre ?? ''})`;
  if (author && centre) return `same ${authorText} and ${centreText}`;
  if (author) return `same ${authorText}`;
  if (centre) return `same ${centreText}`;
  return undefined;
}

/** "Manfredi" for "Manfredi A", but the whole "陈建锋": a one-character Chinese family name says too little. */
function displayName(name: PersonName | undefined): string {
  if (name === undefined) return '';
  return name.script === 'han' ? name.literal : name.family;
}

/**
 * Recorded periods decide when both are known. Otherwise publication years stand in: a cohort is
 * often published again within a few years, so close years are worth a look.
 */
function timeOverlap(earlier: Seen, later: Seen): string | undefined {
  if (earlier.period !== undefined && later.period !== undefined) {
    if (!periodsOverlap(earlier.period, later.period)) return undefined;
    return `recruitment periods ${formatPeriod(earlier.period)} and ${formatPeriod(later.period)} overlap`;
  }
  if (earlier.year === undefined || later.year === undefined || Math.abs(earlier.year - later.year) > MAX_YEARS_APART) return undefined;
  return `publication years ${earlier.year} and ${later.year}; ${missingPeriods(earlier, later)}`;
}

function missingPeriods(earlier: Seen, later: Seen): string {
  if (earlier.period === undefined && later.period === undefined) return 'recruitment periods not recorded';
  const without = earlier.period === undefined ? earlier : later;
  return `recruitment period of ${without.id} not recorded`;
}

function formatPeriod(period: Period): string {
  return period.from === period.to ? String(period.from) : `${period.from}-${period.to}`;
}
