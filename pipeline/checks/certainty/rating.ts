// certainty/rating: a GRADE certainty that does not follow from the start (high for randomised studies, low for others), the downgrades and the upgrades.
import { rateCertainty, startOf, studiesOf, type AnalysisFactsSource, type Move } from '../../appraisal/certainty.ts';
import type { CertaintyRecord } from '../../schema/tables.ts';
import { engineAnalyses } from '../../appraisal/engine-analyses.ts';
import { defineRule, type RuleModule } from '../types.ts';

type MessageId = 'rating';

const moves = (list: Move[], sign: string) => (list.length === 0 ? '' : ` ${sign} ${list.reduce((n, move) => n + move.levels, 0)} (${list.map((move) => `${move.column} ${move.word}`).join(', ')})`);

/** The rule, reading the analyses' studies from `source` (the meta-analysis engine's by default). */
export function createRatingRule(source: () => AnalysisFactsSource): RuleModule<MessageId> {
  return defineRule<MessageId>({
    meta: {
      severity: 'error',
      description: 'A GRADE certainty that does not follow from the start (high for randomised studies, low for others), the downgrades and the upgrades',
      messages: {
        rating: "{{analysis}}: certainty is '{{actual}}', but {{start}} ({{studies}}){{down}}{{up}} gives '{{expected}}'",
      },
    },
    create(context) {
      const analyses = source();
      const rows: CertaintyRecord[] = [];
      return {
        ...analyses.visitors,
        certainty: (record) => void rows.push(record),
        end() {
          for (const row of rows) {
            if (row.analysis_id === undefined || row.certainty === undefined) continue;
            const studies = studiesOf(analyses, row.analysis_id, context.index.studies);
            const start = startOf(studies.map((study) => study?.design));
            if (start === undefined) continue;
            const rating = rateCertainty(start, row);
            if (rating.certainty === row.certainty) continue;
            context.reportField(row.source, 'certainty', {
              messageId: 'rating',
              data: {
                analysis: row.analysis_id,
                actual: row.certainty,
                start,
                studies: start === 'high' ? 'randomised studies' : 'non-randomised studies',
                down: moves(rating.down, '−'),
                up: moves(rating.up, '+'),
                expected: rating.certainty,
              },
              actual: row.certainty,
              expected: rating.certainty,
            });
          }
        },
      };
    },
  });
}

export default createRatingRule(engineAnalyses);
