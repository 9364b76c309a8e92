// "What's new" (本次更新) and the version history, in words for readers: studies by name and citation, results old → new, never an internal key.
import type { OutcomeRecord, ReferenceRecord } from '../schema/tables.ts';
import { formatNumberList } from '../citations/number-list.ts';
import type { Lang } from './format.ts';
import { fillLabel, label, type LabelKey } from './labels.ts';
import { firstAuthorName, studyLabel, termLabel, type IncludedStudy, type ReviewModel } from './model.ts';
import { describeResult, outcomeWords, type OutcomeWords } from './evidence-table.ts';
import { pooledLine } from './pooled.ts';

/** What a build is compared with, as the reader is told. */
export type Baseline =
  | { kind: 'version'; number: number; date: string }
  | { kind: 'revision'; ref: string }
  | { kind: 'file'; path: string };

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface ChangeList {
  first: boolean;
  /** One sentence: what changed overall, or that this is the first version. */
  summary: string;
  /** One line per study, result or reference added, removed or changed, in the reader's words. */
  items: string[];
  counts: Record<'studies' | 'results' | 'references', ChangeCounts>;
}

/** A published version and its records, for the history. */
export interface PublishedVersion {
  number: number;
  date: string;
  model: ReviewModel;
}

/** What this build is: a published version (its records are that version's), or the draft of the next. */
export interface BuildVersion {
  number: number;
  published: boolean;
  /** The published version's date, or the build's date when one is set (SOURCE_DATE_EPOCH, review.json). */
  date: string | undefined;
}

/** The changes from `previous` to `current`; `numberOf` gives the current citation numbers. No previous: the first version. */
export function describeChanges(previous: { model: ReviewModel; baseline: Baseline } | undefined, current: ReviewModel, numberOf: (id: string) => number | undefined): ChangeList {
  const lang = current.lang;
  if (!previous) return { first: true, summary: label('firstVersion', lang), items: [], counts: compare(undefined, current, numberOf).counts };
  const { items, counts } = compare(previous.model, current, numberOf);
  const since = baselineWords(previous.baseline, lang);
  const pieces = countPieces(counts, lang);
  const summary = pieces.length === 0 ? fillLabel('noChanges', lang, { since }) : fillLabel('changesSince', lang, { since, changes: pieces.join(separators(lang).list) });
  return { first: false, summary, items, counts };
}

/** One line per published version, oldest first: its number, date and what it added (PRISMA-LSR). */
export function versionHistory(versions: readonly PublishedVersion[], lang: Lang): string[] {
  const { list, names } = separators(lang);
  return versions.map((version, i) => {
    const before = versions[i - 1];
    let what: string;
    if (before === undefined) {
      what = fillLabel('historyFirst', lang, { n: version.model.studies.length });
    } else {
      const { counts, addedStudies } = compare(before.model, version.model, () => undefined);
      const pieces = countPieces(counts, lang);
      // The studies a version added are named; everything else is counted.
      if (addedStudies.length > 0) pieces[0] = fillLabel('historyStudiesAdded', lang, { names: addedStudies.join(names) });
      what = pieces.length === 0 ? label('historyNoChange', lang) : pieces.join(list);
    }
    return fillLabel('historyEntry', lang, { number: version.number, date: version.date, what });
  });
}

/** The line under the title: "第 2 版，2026-12-04", or the draft of the next version. */
export function versionLine(version: BuildVersion, lang: Lang): string {
  if (version.published) return fillLabel('version', lang, { number: version.number, date: version.date ?? '' });
  const draft = fillLabel('draftVersion', lang, { number: version.number });
  return version.date === undefined ? draft : `${draft}${separators(lang).clause}${version.date}`;
}

function baselineWords(baseline: Baseline, lang: Lang): string {
  switch (baseline.kind) {
    case 'version':
      return fillLabel('sinceVersion', lang, { number: baseline.number, date: baseline.date });
    case 'revision':
      return fillLabel('sinceRevision', lang, { ref: baseline.ref });
    case 'file':
      return fillLabel('sinceFile', lang, { path: baseline.path });
  }
}

function separators(lang: Lang) {
  return lang === 'zh'
    ? { colon: '：', clause: '，', list: '；', names: '、' }
    : { colon: ': ', clause: ', ', list: '; ', names: ', ' };
}

type Section = keyof ChangeList['counts'];
const COUNT_LABELS: Record<Section, Record<keyof ChangeCounts, LabelKey>> = {
  studies: { added: 'countStudiesAdded', removed: 'countStudiesRemoved', changed: 'countStudiesChanged' },
  results: { added: 'countResultsAdded', removed: 'countResultsRemoved', changed: 'countResultsChanged' },
  references: { added: 'countReferencesAdded', removed: 'countReferencesRemoved', changed: 'countReferencesChanged' },
};

function countPieces(counts: ChangeList['counts'], lang: Lang): string[] {
  const pieces: string[] = [];
  for (const section of ['studies', 'results', 'references'] as const) {
    for (const change of ['added', 'removed', 'changed'] as const) {
      const n = counts[section][change];
      if (n > 0) pieces.push(fillLabel(COUNT_LABELS[section][change], lang, { n }));
    }
  }
  return pieces;
}

/** Study fields a reader sees in the table, with their words. */
const STUDY_FIELDS = [
  ['n_enrolled', 'n'],
  ['n_analysed', 'nAnalysed'],
  ['intervention', 'regimen'],
  ['comparator', 'comparator'],
  ['follow_up', 'followUp'],
] as const satisfies readonly (readonly [string, LabelKey])[];
/** Bibliographic fields whose correction is news to a reader (the citation changes), as written. */
const REFERENCE_FIELDS = [
  ['authors', 'authorsField'],
  ['title', 'titleField'],
  ['journal', 'journalField'],
  ['year', 'yearField'],
  ['volume', 'volumeField'],
  ['issue', 'issueField'],
  ['pages', 'pagesField'],
  ['doi', 'doiField'],
  ['pmid', 'pmidField'],
] as const satisfies readonly (readonly [string, LabelKey])[];

interface Comparison {
  items: string[];
  counts: ChangeList['counts'];
  /** Names of the studies added, in the current order. */
  addedStudies: string[];
}

/**
 * Studies by id, results by what they measure (study, outcome, measure, arm, category, time point,
 * analysis, report), references by id. A citation number is never compared: inserting a citation
 * renumbers what follows, and that is not news.
 */
function compare(previous: ReviewModel | undefined, current: ReviewModel, numberOf: (id: string) => number | undefined): Comparison {
  const zero = (): ChangeCounts => ({ added: 0, removed: 0, changed: 0 });
  const counts = { studies: zero(), results: zero(), references: zero() };
  const items: string[] = [];
  const addedStudies: string[] = [];
  if (!previous) return { items, counts, addedStudies };
  const lang = current.lang;
  const sep = separators(lang);
  const words = outcomeWords(current);
  const cite = (ids: readonly string[]): string => {
    const numbers = ids.map(numberOf).filter((n): n is number => n !== undefined);
    return numbers.length === 0 ? '' : ` [${formatNumberList(numbers, ',')}]`;
  };
  const studyName = (study: IncludedStudy, cited: boolean) => studyLabel(study) + (cited ? cite(study.study.reference_id ?? []) : '');
  const design = (study: IncludedStudy) => termLabel(current.vocabulary, 'design', study.study.design, lang);
  const line = (key: LabelKey, ...parts: string[]) => `${label(key, lang)}${sep.colon}${parts.join('')}`;
  // References named as a study's report are not listed again as references.
  const named = new Set<string>();

  for (const study of current.studies) {
    const before = previous.studiesById.get(study.id);
    if (before) continue;
    counts.studies.added++;
    addedStudies.push(studyLabel(study));
    for (const id of study.study.reference_id ?? []) named.add(id);
    items.push(line('studyAdded', [studyName(study, true), design(study), nText(study)].filter(Boolean).join(sep.clause)));
  }
  for (const study of previous.studies) {
    if (current.studiesById.has(study.id)) continue;
    counts.studies.removed++;
    for (const id of study.study.reference_id ?? []) named.add(id);
    items.push(line('studyRemoved', [studyName(study, false), design(study), nText(study)].filter(Boolean).join(sep.clause)));
  }
  for (const study of current.studies) {
    const before = previous.studiesById.get(study.id);
    if (!before) continue;
    const changes: string[] = [];
    const oldDesign = design(before);
    if (oldDesign !== design(study)) changes.push(`${label('design', lang)} ${oldDesign || '—'} → ${design(study) || '—'}`);
    for (const [field, key] of STUDY_FIELDS) {
      const old = shown(before.study[field]);
      const now = shown(study.study[field]);
      if (old !== now) changes.push(`${label(key, lang)} ${old || '—'} → ${now || '—'}`);
    }
    const oldReports = before.study.reference_id ?? [];
    const newReports = study.study.reference_id ?? [];
    for (const id of newReports) {
      if (oldReports.includes(id)) continue;
      named.add(id);
      changes.push(`${label('reportAdded', lang)} ${referenceName(current.referencesById.get(id), lang)}${cite([id])}`);
    }
    for (const id of oldReports) {
      if (newReports.includes(id)) continue;
      named.add(id);
      changes.push(`${label('reportRemoved', lang)} ${referenceName(previous.referencesById.get(id), lang)}`);
    }
    if (changes.length > 0) {
      counts.studies.changed++;
      items.push(line('studyChanged', studyName(study, true), sep.colon, changes.join(sep.list)));
    }
    compareResults(before, study, { words, counts, items, line: (key, text) => items.push(line(key, studyName(study, true), sep.clause, text)), sep });
  }

  for (const reference of current.references) {
    const id = reference.id as string;
    const before = previous.referencesById.get(id);
    if (!before) {
      if (named.has(id)) continue;
      counts.references.added++;
      items.push(line('referenceAdded', referenceName(reference, lang), cite([id])));
      continue;
    }
    const fields = REFERENCE_FIELDS.filter(([field]) => rawOf(before, field) !== rawOf(reference, field)).map(([, key]) => label(key, lang));
    if (before.status !== reference.status) fields.push(`${label('status', lang)} ${statusWord(before, lang)} → ${statusWord(reference, lang)}`);
    if (fields.length > 0) {
      counts.references.changed++;
      items.push(line('referenceChanged', referenceName(reference, lang), cite([id]), sep.colon, fields.join(sep.names)));
    }
  }
  for (const reference of previous.references) {
    const id = reference.id as string;
    if (current.referencesById.has(id) || named.has(id)) continue;
    counts.references.removed++;
    items.push(line('referenceRemoved', referenceName(reference, lang)));
  }
  // Pooled results that moved, old → new with their k; they follow from the rows above, so they add to no count.
  for (const [id, now] of current.analyses) {
    const was = previous.analyses.get(id);
    const nowLine = pooledLine(now, lang);
    if (was === undefined) {
      if (nowLine !== undefined) items.push(line('pooledAdded', now.target.title, sep.colon, nowLine));
      continue;
    }
    const wasLine = pooledLine(was, lang);
    if (wasLine !== nowLine) items.push(line('pooledChanged', now.target.title, sep.colon, `${wasLine ?? '—'} → ${nowLine ?? '—'}`));
  }
  for (const [id, was] of previous.analyses) if (!current.analyses.has(id)) items.push(line('pooledRemoved', was.target.title));
  return { items, counts, addedStudies };
}

interface ResultSink {
  words: OutcomeWords;
  counts: ChangeList['counts'];
  items: string[];
  line: (key: LabelKey, text: string) => void;
  sep: ReturnType<typeof separators>;
}

/** The results of one study in two versions: added, removed, and those whose numbers changed. */
function compareResults(before: IncludedStudy, after: IncludedStudy, sink: ResultSink): void {
  const { words, counts, line, sep } = sink;
  const old = keyed(before.outcomes);
  const now = keyed(after.outcomes);
  const described = (row: OutcomeRecord) => describeResult(words, row);
  for (const [key, row] of now) {
    const was = old.get(key);
    const result = described(row);
    if (!was) {
      counts.results.added++;
      line('resultAdded', `${result.what}${sep.colon}${result.value}`);
      continue;
    }
    // Changed when a number changed ("56" → "56.0" is not news), or, for a result told in words alone, its words.
    const previousValue = described(was).value;
    if (RESULT_NUMBERS.every((read) => read(was) === read(row)) && (hasNumbers(row) || previousValue === result.value)) continue;
    counts.results.changed++;
    const change = previousValue === result.value ? '' : `${previousValue} → ${result.value}`;
    const n = was.n === row.n ? '' : `n = ${was.n ?? '—'} → ${row.n ?? '—'}`;
    line('resultChanged', `${result.what}${sep.colon}${[change, n].filter(Boolean).join(sep.clause)}`);
  }
  for (const [key, row] of old) {
    if (now.has(key)) continue;
    counts.results.removed++;
    const result = described(row);
    line('resultRemoved', `${result.what}${sep.colon}${result.value}`);
  }
}

/** The numbers of a result a reader compares. */
const RESULT_NUMBERS: readonly ((row: OutcomeRecord) => number | undefined)[] = [
  (row) => row.n,
  (row) => row.value,
  (row) => row.ci_low,
  (row) => row.ci_high,
  (row) => row.count,
  (row) => row.denominator,
  (row) => row.percent?.value,
];

function hasNumbers(row: OutcomeRecord): boolean {
  return RESULT_NUMBERS.some((read) => read(row) !== undefined);
}

/** Results by what they measure; two rows measuring the same thing are told apart by their order. */
function keyed(rows: readonly OutcomeRecord[]): Map<string, OutcomeRecord> {
  const map = new Map<string, OutcomeRecord>();
  for (const row of rows) {
    const base = [row.outcome, row.measure, row.arm, row.category, row.timepoint?.raw, row.analysis, row.reference_id].map((part) => part ?? '').join('\u0000');
    let key = base;
    for (let n = 2; map.has(key); n++) key = `${base}\u0000${n}`;
    map.set(key, row);
  }
  return map;
}

function nText(study: IncludedStudy): string {
  return study.study.n_enrolled === undefined ? '' : `n = ${study.study.n_enrolled}`;
}

/** A field as the table shows it: numbers and texts as they are, durations and regimens as written. */
function shown(value: number | string | { raw: string } | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'object' ? value.raw : String(value);
}

function rawOf(reference: ReferenceRecord, field: string): string {
  return reference.source.cell(field)?.raw.trim() ?? '';
}

function statusWord(reference: ReferenceRecord, lang: Lang): string {
  return reference.status === undefined ? '—' : label(reference.status, lang);
}

/** "Khanna 2022", else the title, else the reader's word for a work nothing is known of. */
function referenceName(reference: ReferenceRecord | undefined, lang: Lang): string {
  const author = firstAuthorName(reference);
  if (author !== undefined) return reference?.year === undefined ? author : `${author} ${reference.year}`;
  const title = reference?.title;
  if (title) return title.length > 80 ? `${title.slice(0, 79)}…` : title;
  return label('unidentifiedReference', lang);
}
