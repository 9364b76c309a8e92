// certainty/inconsistency: I² ≥ 75% or a prediction interval across the null, while inconsistency is rated not serious.
import { inconsistencySignal, type AnalysisFactsSource } from '../../appraisal/certainty.ts';
import { signalRule } from '../../appraisal/signal-rule.ts';
import type { RuleModule } from '../types.ts';
import { engineAnalyses } from '../../appraisal/engine-analyses.ts';

/** The rule, reading pooled results from `source` (the meta-analysis engine's by default). */
export function createInconsistencyRule(source: () => AnalysisFactsSource): RuleModule {
  return signalRule({
    column: 'inconsistency',
    description: 'I² ≥ 75% or a prediction interval across the null, with inconsistency not serious',
    messages: {
      i2: "{{analysis}}: I² is {{i2}}% (75% or more), but inconsistency is 'not serious'",
      prediction: "{{analysis}}: the 95% prediction interval {{low}} to {{high}} includes {{null}} (no effect), but inconsistency is 'not serious'",
    },
    signal: inconsistencySignal,
    source,
  });
}

export default createInconsistencyRule(engineAnalyses);
