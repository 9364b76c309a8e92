// claim/significance: the prose calls a result significant (显著, significantly) while the CI it draws includes the value of no effect.
import type { OutcomeRecord } from '../../schema/tables.ts';
import { decimalsOf, formatInterval, formatNumber } from '../../render/format.ts';
import type { ClaimVocabularyData } from '../../prose/claim-words.ts';
import type { PooledDraw } from '../../prose/draws.ts';
import { claimPlace, drawsOfClause, forEachClaim, rowsOf } from '../../prose/scope.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'Prose calls a result significant (显著, significantly) whose 95% CI includes the value of no effect, or whose p is 0.05 or more',
    messages: {
      ciIncludesNull: '{{claim}} but the 95% CI {{ci}} includes {{null}}',
      pNotSignificant: '{{claim}} but p is {{p}}',
    },
  },
  create(context) {
    return {
      prose(document) {
        forEachClaim(document, 'significance', (sentence, claim) => {
          // Only results with an interval or a printed p can be judged; every one the clause draws must say "not significant".
          const draws = drawsOfClause(sentence, claim, document.claims);
          const results = [
            ...rowsOf(draws).flatMap((row) => judgementOf(row, document.claims.data) ?? []),
            ...draws.flatMap((draw) => (draw.pooled ? [pooledJudgement(draw.pooled, document.claims.data)] : [])),
          ];
          if (results.length === 0 || !results.every((result) => result.notSignificant)) return;
          const first = results[0] as Judgement;
          const place = claimPlace(document.file, sentence, claim);
          if (first.interval?.includesNull) {
            const { text, nullValue } = first.interval;
            context.report(place, { messageId: 'ciIncludesNull', data: { claim: claim.text, ci: text, null: nullValue }, actual: text });
          } else if (first.p !== undefined) {
            context.report(place, { messageId: 'pNotSignificant', data: { claim: claim.text, p: first.p }, actual: first.p });
          }
        });
      },
    };
  },
});

interface Judgement {
  interval: Interval | undefined;
  /** The p as printed, when it says 0.05 or more. */
  p: string | undefined;
  notSignificant: boolean;
}

/** What a row says of significance: its interval of an effect, and its printed p; undefined when it says neither. */
function judgementOf(row: OutcomeRecord, data: ClaimVocabularyData): Judgement | undefined {
  const interval = intervalOf(row, data);
  const p = row.p;
  const pAtLeast5 = p !== undefined && p.relation !== '<' && p.relation !== '<=' && p.value >= 0.05;
  if (interval === undefined && p === undefined) return undefined;
  const shownP = pAtLeast5 ? (row.source.cell('p')?.raw.trim() ?? String(p.value)) : undefined;
  return { interval, p: shownP, notSignificant: (interval?.includesNull ?? false) || pAtLeast5 };
}

/** A pooled result's judgement: its CI against no effect, and its p (unrounded, shown to three decimals). */
function pooledJudgement(pooled: PooledDraw, data: ClaimVocabularyData): Judgement {
  const nullValue = isRatio(pooled.measure, data) ? 1 : 0;
  const shown = (value: number): string => formatNumber(value, 2);
  const includesNull = pooled.ciLow <= nullValue && nullValue <= pooled.ciHigh;
  const pAtLeast5 = pooled.p >= 0.05;
  return {
    interval: { text: formatInterval(shown(pooled.ciLow), shown(pooled.ciHigh), 'en'), nullValue, includesNull },
    p: pAtLeast5 ? formatNumber(pooled.p, 3) : undefined,
    notSignificant: includesNull || pAtLeast5,
  };
}

function isRatio(measure: string, data: ClaimVocabularyData): boolean {
  return data.effectMeasures.ratio.includes(measure.toLowerCase());
}

interface Interval {
  text: string;
  nullValue: number;
  includesNull: boolean;
}

/** A row's CI and whether it includes no effect (1 for a ratio, 0 for a difference or change); undefined for a level or no CI. */
function intervalOf(row: OutcomeRecord, data: ClaimVocabularyData): Interval | undefined {
  const measure = row.measure ?? '';
  const nullValue = data.effectMeasures.ratio.includes(measure) ? 1 : data.effectMeasures.difference.includes(measure) ? 0 : undefined;
  if (nullValue === undefined || row.ci_low === undefined || row.ci_high === undefined) return undefined;
  const shown = (field: 'ci_low' | 'ci_high', value: number): string => formatNumber(value, decimalsOf(row.source.cell(field)?.raw));
  return {
    text: formatInterval(shown('ci_low', row.ci_low), shown('ci_high', row.ci_high), 'en'),
    nullValue,
    includesNull: row.ci_low <= nullValue && nullValue <= row.ci_high,
  };
}
