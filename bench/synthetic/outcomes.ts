// The outcome rows of one synthetic study, in long format: categories that add up, intervals that contain their estimate, percents that agree.
import type { Cell } from '../lib/csv-writer.ts';
import type { Random } from '../lib/random.ts';
import { ANALYSES, SOURCES } from './pools.ts';
import type { StudyPlan } from './studies.ts';

export const OUTCOME_COLUMNS = [
  'study_id', 'outcome', 'measure', 'arm', 'category', 'timepoint', 'analysis', 'n', 'value', 'unit', 'ci_low', 'ci_high',
  'count', 'denominator', 'percent', 'reported', 'source', 'note',
] as const;

export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];
/** An outcome row by column name, so the bad-row planner can spoil one field; absent columns are empty. */
export type OutcomeRow = Partial<Record<OutcomeColumn, Cell>>;

export function outcomeCells(row: OutcomeRow): Cell[] {
  return OUTCOME_COLUMNS.map((column) => row[column]);
}

const MINUS = '\u2212';
const LUNG_CATEGORICAL = ['fvc', 'hrct', 'dlco'] as const;
const SAFETY_COUNTS = ['adverse_events', 'infection', 'neutropenia', 'sae'] as const;
const SAFETY_RATES = ['sae', 'infection'] as const;

/** Where one group of rows comes from: the study, one arm and one timepoint. */
interface Slot {
  plan: StudyPlan;
  arm: string;
  size: number;
  timepoint: string;
}

type Unit = (random: Random, slot: Slot) => OutcomeRow[];

/** Exactly `count` rows for the study: groups of rows (a stable/improved/worse triple, an estimate …) until the count is met. */
export function studyOutcomes(random: Random, plan: StudyPlan, count: number): OutcomeRow[] {
  const rows: OutcomeRow[] = [];
  // Two triples of one outcome, arm and timepoint would be summed together by consistency/subgroup-sum.
  const tripleKeys = new Set<string>();
  while (rows.length < count) {
    const slot = pickSlot(random, plan);
    const unit = random.weighted<Unit>([[categoricalTriple, 35], [meanChange, 30], [safetyCount, 15], [safetyRate, 10], [qualitative, 10]]);
    let group = unit(random, slot);
    if (unit === categoricalTriple) {
      const key = `${group[0]?.outcome}|${slot.arm}|${slot.timepoint}`;
      if (group.length > count - rows.length || tripleKeys.has(key)) group = meanChange(random, slot);
      else tripleKeys.add(key);
    }
    rows.push(...group);
  }
  return rows.map((row) => ({ study_id: plan.id, source: random.pick(SOURCES), note: outcomeNote(random), ...row }));
}

function pickSlot(random: Random, plan: StudyPlan): Slot {
  const armIndex = random.int(0, plan.arms.length - 1);
  return { plan, arm: plan.arms[armIndex] as string, size: plan.armSizes[armIndex] as number, timepoint: random.pick(plan.timepoints) };
}

/** stable / improved / worse counts of one lung outcome that add up to the arm's patients. */
function categoricalTriple(random: Random, slot: Slot): OutcomeRow[] {
  const outcome = random.pick(LUNG_CATEGORICAL);
  const analysis = random.pick(ANALYSES);
  const stable = random.int(0, slot.size);
  const improved = random.int(0, slot.size - stable);
  const counts: [string, number][] = [['stable', stable], ['improved', improved], ['worse', slot.size - stable - improved]];
  return counts.map(([category, count]) => ({
    ...countCells(random, slot.size, count, outcome),
    arm: slot.arm,
    category,
    timepoint: slot.timepoint,
    analysis,
  }));
}

/** A count with its denominator, percent (as a paper rounds it) and the text the paper gives. */
function countCells(random: Random, denominator: number, count: number, outcome: string): OutcomeRow {
  // Papers give whole percents for small groups and one decimal for large ones; the GRIM test must accept both.
  const percent = percentText(count, denominator, denominator >= 100 ? 1 : 0);
  const withPercent = random.chance(0.85);
  return {
    outcome,
    measure: 'count',
    n: denominator,
    unit: 'patients',
    count,
    denominator,
    percent: withPercent ? percent : undefined,
    reported: withPercent ? `${count} (${percent}%)` : `${count}/${denominator}`,
  };
}

export function percentText(count: number, denominator: number, decimals: number): string {
  return ((100 * count) / denominator).toFixed(decimals);
}

/** A mean change with a 95% CI around it: lung function in % predicted, or the disease's own instrument in points. */
function meanChange(random: Random, slot: Slot): OutcomeRow[] {
  const instrument = slot.plan.disease.instrument;
  const useInstrument = instrument !== undefined && random.chance(0.4);
  const outcome = useInstrument ? instrument : random.pick(['fvc', 'dlco']);
  const value = useInstrument ? random.decimal(-8, -0.5, 1) : random.decimal(-6, 4, 1);
  const low = value - random.decimal(0.3, 3, 1);
  const high = value + random.decimal(0.3, 3, 1);
  return [
    {
      outcome,
      measure: 'mean_change',
      arm: slot.arm,
      timepoint: slot.timepoint,
      analysis: random.pick(ANALYSES),
      n: slot.size,
      unit: useInstrument ? 'points' : '% predicted',
      ...estimateCells(value, low, high),
    },
  ];
}

/** value, ci_low, ci_high with one decimal each, and the reported text with the paper's minus sign. */
function estimateCells(value: number, low: number, high: number): OutcomeRow {
  const [v, l, h] = [value, low, high].map((x) => x.toFixed(1));
  const shown = (text: string | undefined): string => (text ?? '').replace('-', MINUS);
  return { value: v, ci_low: l, ci_high: h, reported: `${shown(v)} (${shown(l)} to ${shown(h)})` };
}

function safetyCount(random: Random, slot: Slot): OutcomeRow[] {
  const count = random.int(0, Math.max(0, Math.floor(slot.size / 3)));
  return [{ ...countCells(random, slot.size, count, random.pick(SAFETY_COUNTS)), arm: slot.arm, timepoint: slot.timepoint, analysis: 'safety' }];
}

function safetyRate(random: Random, slot: Slot): OutcomeRow[] {
  const value = random.decimal(1, 30, 1);
  return [
    {
      outcome: random.pick(SAFETY_RATES),
      measure: 'rate_per_100py',
      arm: slot.arm,
      analysis: 'safety',
      n: slot.size,
      unit: 'per 100 patient-years',
      ...estimateCells(value, value * random.decimal(0.5, 0.9, 2), value * random.decimal(1.1, 1.8, 2)),
    },
  ];
}

/** A claim without a number ("no ILD progression"), kept as a row with the number fields empty, as records/README.md asks. */
function qualitative(random: Random, slot: Slot): OutcomeRow[] {
  return [
    {
      outcome: 'ild_progression',
      measure: 'count',
      arm: slot.arm,
      timepoint: slot.timepoint,
      analysis: 'as_reported',
      n: slot.size,
      reported: slot.plan.chinese ? '不会导致 ILD 进展' : random.pick(['ILD stable or better', 'no ILD progression']),
      note: 'Qualitative: no count is given, so none is recorded',
    },
  ];
}

function outcomeNote(random: Random): string | undefined {
  const roll = random.next();
  // Multi-line notes with quotes make the CSV reader handle quoted line breaks and doubled quotes.
  if (roll < 0.03) return 'Post hoc, completers with ILD;\nthe review calls this a "randomised analysis"';
  if (roll < 0.15) return 'Denominator is the patients with lung-function data, not all enrolled';
  return undefined;
}
