// GRADE's rating of one analysis: the start from the studies' designs, the levels down and up, and the signals of the pooled result that call for rating down.
import { CERTAINTIES, DOWNGRADE_LEVELS, UPGRADE_LEVELS, type Certainty, type Downgrade, type Upgrade } from '../normalise/grade.ts';
import type { CertaintyFields } from '../schema/tables.ts';
import type { IndexedStudy, RuleVisitors } from '../checks/types.ts';

export const DOWNGRADE_COLUMNS = ['risk_of_bias', 'inconsistency', 'indirectness', 'imprecision', 'publication_bias'] as const;
export const UPGRADE_COLUMNS = ['large_effect', 'dose_response', 'plausible_confounding'] as const;

/** Designs that start at high certainty (randomised trials); every other design starts low. */
export const RANDOMISED_DESIGNS: ReadonlySet<string> = new Set(['rct']);

/** One level moved, as a message names it: `imprecision serious`. */
export interface Move {
  column: string;
  word: Downgrade | Upgrade;
  levels: number;
}

export interface Rating {
  start: 'high' | 'low';
  down: Move[];
  up: Move[];
  certainty: Certainty;
}

/** The certainty that follows from a start and a row's ratings, clamped to high … very low. */
export function rateCertainty(start: 'high' | 'low', row: Partial<CertaintyFields>): Rating {
  const down: Move[] = [];
  const up: Move[] = [];
  for (const column of DOWNGRADE_COLUMNS) {
    const word = row[column];
    if (word !== undefined && DOWNGRADE_LEVELS[word] > 0) down.push({ column, word, levels: DOWNGRADE_LEVELS[word] });
  }
  for (const column of UPGRADE_COLUMNS) {
    const word = row[column];
    if (word !== undefined && UPGRADE_LEVELS[word] > 0) up.push({ column, word, levels: UPGRADE_LEVELS[word] });
  }
  const levels = (moves: Move[]) => moves.reduce((total, move) => total + move.levels, 0);
  const index = CERTAINTIES.indexOf(start) + levels(down) - levels(up);
  return { start, down, up, certainty: CERTAINTIES[Math.min(CERTAINTIES.length - 1, Math.max(0, index))] as Certainty };
}

/**
 * Where GRADE starts for a set of studies: high when every one is randomised, low when none is;
 * undefined when they mix, or a design is not known (`unknown`, or a cell that did not validate):
 * the review must decide, and say so.
 */
export function startOf(designs: readonly (string | undefined)[]): 'high' | 'low' | undefined {
  if (designs.length === 0 || designs.some((design) => design === undefined || design === 'unknown')) return undefined;
  const randomised = designs.filter((design) => RANDOMISED_DESIGNS.has(design as string)).length;
  if (randomised === designs.length) return 'high';
  return randomised === 0 ? 'low' : undefined;
}

/**
 * What the certainty rules need of one pooled result. The meta-analysis engine's `Pooled` gives each
 * field: `ciLow`/`ciHigh`, `i2`, `predictionLow`/`predictionHigh`, `participants`, and the events
 * as `totals.experimental.events + totals.control.events`; `nullValue` is 1 for a ratio measure, 0 otherwise.
 */
export interface PooledSummary {
  /** Estimate and CI as shown (ratios as ratios). */
  ciLow: number;
  ciHigh: number;
  nullValue: number;
  /** I² in percent. */
  i2?: number;
  predictionLow?: number;
  predictionHigh?: number;
  /** Events over both arms (binary outcomes) and patients over the pooled studies. */
  events?: number;
  participants?: number;
  binary: boolean;
}

/** What the certainty rules know of one analysis of analyses.csv. */
export interface AnalysisFacts {
  /** The studies it pools (or names). */
  studyIds: readonly string[];
  /** Its pooled result, when it can be pooled. */
  pooled?: PooledSummary;
}

/**
 * Gathers the facts of the analyses while the records stream past (its visitors are the rule's own:
 * analyses, studies, outcomes … as it needs) and answers once they have all been read.
 */
export interface AnalysisFactsSource {
  visitors: Omit<RuleVisitors, 'certainty' | 'end'>;
  facts(analysisId: string): AnalysisFacts | undefined;
  /** Whether the review has analyses at all (without any, the start is read from all its studies). */
  hasAnalyses(): boolean;
}

/** A source that knows no analysis (a review without analyses.csv; tests): the start is read from the review's studies as a whole. */
export function noAnalyses(): AnalysisFactsSource {
  return { visitors: {}, facts: () => undefined, hasAnalyses: () => false };
}

/** A CI or prediction interval that holds the null value (ends included). */
function holdsNull(low: number | undefined, high: number | undefined, nullValue: number): boolean {
  return low !== undefined && high !== undefined && low <= nullValue && nullValue <= high;
}

/** I² at or above which GRADE's inconsistency is usually serious (Cochrane Handbook 10.10.2: 75% to 100% "considerable"). */
export const CONSIDERABLE_I2 = 75;
/** GRADE's rule of thumb for the optimal information size (GRADE guidelines 6, J Clin Epidemiol 2011;64:1283). */
export const MIN_EVENTS = 300;
export const MIN_PARTICIPANTS = 400;

export type InconsistencySignal = { kind: 'i2'; i2: number } | { kind: 'prediction'; low: number; high: number };
export type ImprecisionSignal = { kind: 'ci'; low: number; high: number } | { kind: 'events'; events: number } | { kind: 'participants'; participants: number };

/** Why a pooled result calls for rating down for inconsistency, or undefined. */
export function inconsistencySignal(pooled: PooledSummary): InconsistencySignal | undefined {
  if (pooled.i2 !== undefined && pooled.i2 >= CONSIDERABLE_I2) return { kind: 'i2', i2: pooled.i2 };
  if (pooled.predictionLow !== undefined && pooled.predictionHigh !== undefined && holdsNull(pooled.predictionLow, pooled.predictionHigh, pooled.nullValue)) {
    return { kind: 'prediction', low: pooled.predictionLow, high: pooled.predictionHigh };
  }
  return undefined;
}

/** Why a pooled result calls for rating down for imprecision, or undefined. */
export function imprecisionSignal(pooled: PooledSummary): ImprecisionSignal | undefined {
  if (holdsNull(pooled.ciLow, pooled.ciHigh, pooled.nullValue)) return { kind: 'ci', low: pooled.ciLow, high: pooled.ciHigh };
  if (pooled.binary && pooled.events !== undefined && pooled.events < MIN_EVENTS) return { kind: 'events', events: pooled.events };
  if (!pooled.binary && pooled.participants !== undefined && pooled.participants < MIN_PARTICIPANTS) return { kind: 'participants', participants: pooled.participants };
  return undefined;
}

/**
 * The studies the start is read from: the analysis's own; none for an id analyses.csv does not have
 * (record/dangling-link reports it); every study of the review when it has no analyses at all.
 */
export function studiesOf(source: AnalysisFactsSource, analysisId: string, index: ReadonlyMap<string, IndexedStudy>): (IndexedStudy | undefined)[] {
  const facts = source.facts(analysisId);
  if (facts) return facts.studyIds.map((id) => index.get(id));
  return source.hasAnalyses() ? [] : [...index.values()];
}

/**
 * The parts of one meta-analysis result the certainty rules read, shaped as the engine's
 * `AnalysisResult` (pipeline/synthesis/analyse.ts on branch meta) gives them, so that result can be passed as it is.
 */
export interface EngineResult {
  target: { id: string; spec: { measure: string }; studies?: ReadonlySet<string> };
  synthesis?: {
    studies: readonly { id: string }[];
    pooled?: {
      ciLow: number;
      ciHigh: number;
      i2: number;
      predictionLow?: number;
      predictionHigh?: number;
      participants?: number;
      totals?: { experimental: { events: number }; control: { events: number } };
    };
  };
}

const RATIOS: ReadonlySet<string> = new Set(['RR', 'OR', 'HR', 'IRR']);
const BINARY: ReadonlySet<string> = new Set(['RR', 'OR', 'RD']);

/** An engine result as the facts the certainty rules need: the pooled studies (else the named ones) and the pooled result. */
export function factsOf(result: EngineResult): AnalysisFacts {
  const measure = result.target.spec.measure;
  const pooled = result.synthesis?.pooled;
  const studyIds = result.synthesis && result.synthesis.studies.length > 0 ? result.synthesis.studies.map((study) => study.id) : [...(result.target.studies ?? [])];
  if (!pooled) return { studyIds };
  const summary: PooledSummary = { ciLow: pooled.ciLow, ciHigh: pooled.ciHigh, nullValue: RATIOS.has(measure) ? 1 : 0, i2: pooled.i2, binary: BINARY.has(measure) };
  if (pooled.predictionLow !== undefined && pooled.predictionHigh !== undefined) {
    summary.predictionLow = pooled.predictionLow;
    summary.predictionHigh = pooled.predictionHigh;
  }
  if (pooled.participants !== undefined) summary.participants = pooled.participants;
  if (pooled.totals) summary.events = pooled.totals.experimental.events + pooled.totals.control.events;
  return { studyIds, pooled: summary };
}
