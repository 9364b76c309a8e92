// claim/significance: the prose calls a result significant (显著, significantly) while the CI it draws includes the value of no effect.
import type { OutcomeRecord } from '../../schema/tables.ts';
import { decimalsOf, formatInterval, formatNumber } from '../../render/format.ts';
import type { ClaimVocabularyData } from '../../prose/claim-words.ts';
import { claimPlace, drawsOfClause, rowsOf } from '../../prose/scope.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'Prose calls a result significant (显著, significantly) whose 95% CI includes the value of no effect',
    messages: {
      ciIncludesNull: '{{claim}} but the 95% CI {{ci}} includes {{null}}',
    },
  },
  create(context) {
    return {
      prose(document) {
        for (const paragraph of document.paragraphs) {
          for (const sentence of paragraph.sentences) {
            for (const claim of document.claims.find(sentence.sentence.text, 'significance')) {
              // Only results with an interval can be judged; every one the clause draws must include the null.
              const results = rowsOf(drawsOfClause(sentence, claim, document.claims)).flatMap((row) => intervalOf(row, document.claims.data) ?? []);
              if (results.length === 0 || !results.every((result) => result.includesNull)) continue;
              const first = results[0] as Interval;
              context.report(claimPlace(document.file, sentence, claim), {
                messageId: 'ciIncludesNull',
                data: { claim: claim.text, ci: first.text, null: first.nullValue },
                actual: first.text,
              });
            }
          }
        }
      },
    };
  },
});

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
