// "What changed": a snapshot of the records each build writes (review-data.json), and the difference from the previous one.
import type { Dataset } from '../run.ts';
import type { RowSource } from '../schema/tables.ts';
import type { Lang } from './format.ts';
import { label } from './labels.ts';

/** review-data.json: every accepted row by key, its cells as written, and each reference's number in this build. */
export interface Snapshot {
  version: 1;
  references: Record<string, Record<string, string>>;
  studies: Record<string, Record<string, string>>;
  outcomes: Record<string, Record<string, string>>;
}

const OUTCOME_KEY_FIELDS = ['study_id', 'outcome', 'measure', 'arm', 'category', 'timepoint', 'analysis'] as const;

export function takeSnapshot(dataset: Dataset, numberOf: (id: string) => number | undefined): Snapshot {
  const references: Snapshot['references'] = {};
  for (const record of dataset.references) {
    if (record.rejected || record.id === undefined) continue;
    const number = numberOf(record.id);
    references[record.id] = { ...cellsOf(record.source), ...(number === undefined ? {} : { cited_as: String(number) }) };
  }
  const studies: Snapshot['studies'] = {};
  for (const record of dataset.studies) if (!record.rejected && record.id !== undefined) studies[record.id] = cellsOf(record.source);
  const outcomes: Snapshot['outcomes'] = {};
  for (const record of dataset.outcomes) {
    if (record.rejected) continue;
    const cells = cellsOf(record.source);
    const base = OUTCOME_KEY_FIELDS.map((field) => cells[field] ?? '').join(' | ');
    let key = base;
    for (let n = 2; key in outcomes; n++) key = `${base} #${n}`;
    outcomes[key] = cells;
  }
  return { version: 1, references, studies, outcomes };
}

function cellsOf(source: RowSource): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [name, cell] of Object.entries(source.cells).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const value = cell.raw.trim();
    if (value) cells[name] = value;
  }
  return cells;
}

/** Parses a previous snapshot; anything unreadable counts as no previous build. */
export function readSnapshot(text: string | undefined): Snapshot | undefined {
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text) as Partial<Snapshot>;
    if (data.version !== 1 || !data.references || !data.studies || !data.outcomes) return undefined;
    return data as Snapshot;
  } catch {
    return undefined;
  }
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface ChangeList {
  first: boolean;
  /** One sentence: what changed overall, or that this is the first build. */
  summary: string;
  /** One line per added, removed or changed study, outcome or reference. */
  items: string[];
  counts: Record<'studies' | 'outcomes' | 'references', ChangeCounts>;
}

type Section = 'studies' | 'outcomes' | 'references';
const NOUN: Record<Section, 'studyNoun' | 'outcomeNoun' | 'referenceNoun'> = { studies: 'studyNoun', outcomes: 'outcomeNoun', references: 'referenceNoun' };

export function diffSnapshots(previous: Snapshot | undefined, current: Snapshot, lang: Lang): ChangeList {
  const zero = (): ChangeCounts => ({ added: 0, removed: 0, changed: 0 });
  const counts = { studies: zero(), outcomes: zero(), references: zero() };
  if (!previous) return { first: true, summary: label('firstBuild', lang), items: [], counts };
  const items: string[] = [];
  const colon = lang === 'zh' ? '：' : ': ';
  for (const section of ['studies', 'outcomes', 'references'] as const) {
    const before = previous[section];
    const after = current[section];
    const noun = label(NOUN[section], lang);
    for (const key of Object.keys(after).sort()) {
      const old = before[key];
      if (!old) {
        counts[section].added++;
        items.push(`${label('added', lang)} ${noun}${colon}${key}`);
        continue;
      }
      const fields = changedFields(old, after[key] ?? {});
      if (fields.length > 0) {
        counts[section].changed++;
        items.push(`${label('changed', lang)} ${noun}${colon}${key}${colon}${fields.join(lang === 'zh' ? '；' : '; ')}`);
      }
    }
    for (const key of Object.keys(before).sort()) {
      if (after[key]) continue;
      counts[section].removed++;
      items.push(`${label('removed', lang)} ${noun}${colon}${key}`);
    }
  }
  return { first: false, summary: items.length === 0 ? label('noChanges', lang) : summarise(counts, lang), items, counts };
}

function changedFields(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((name) => before[name] !== after[name]).map((name) => `${name} ${before[name] ?? '∅'} → ${after[name] ?? '∅'}`);
}

function summarise(counts: ChangeList['counts'], lang: Lang): string {
  const parts: string[] = [];
  for (const section of ['studies', 'outcomes', 'references'] as const) {
    const { added, removed, changed } = counts[section];
    const noun = label(NOUN[section], lang);
    const pieces = [
      added ? `${label('added', lang)} ${added}` : '',
      changed ? `${label('changed', lang)} ${changed}` : '',
      removed ? `${label('removed', lang)} ${removed}` : '',
    ].filter(Boolean);
    if (pieces.length > 0) parts.push(lang === 'zh' ? `${noun}${pieces.join('、')}` : `${noun}: ${pieces.join(', ').toLowerCase()}`);
  }
  return lang === 'zh' ? `与上一版本相比：${parts.join('；')}。` : `Since the last version: ${parts.join('; ')}.`;
}
