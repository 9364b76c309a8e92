// certainty/imprecision: a CI across the null, or fewer than 300 events (400 patients), while imprecision is rated not serious.
import { imprecisionSignal, MIN_EVENTS, MIN_PARTICIPANTS, type AnalysisFactsSource } from '../../appraisal/certainty.ts';
import { signalRule } from '../../appraisal/signal-rule.ts';
import type { RuleModule } from '../types.ts';
import { engineAnalyses } from '../../appraisal/engine-analyses.ts';

/** The rule, reading pooled results from `source` (the meta-analysis engine's by default). */
export function createImprecisionRule(source: () => AnalysisFactsSource): RuleModule {
  return signalRule({
    column: 'imprecision',
    description: `A CI across the null (or fewer than ${MIN_EVENTS} events / ${MIN_PARTICIPANTS} patients), with imprecision not serious`,
    messages: {
      ci: "{{analysis}}: the 95% CI {{low}} to {{high}} includes {{null}} (no effect), but imprecision is 'not serious'",
      events: `{{analysis}}: {{events}} events, fewer than the ${MIN_EVENTS} of GRADE's optimal information size, but imprecision is 'not serious'`,
      participants: `{{analysis}}: {{participants}} patients, fewer than the ${MIN_PARTICIPANTS} of GRADE's optimal information size, but imprecision is 'not serious'`,
    },
    signal: imprecisionSignal,
    source,
  });
}

export default createImprecisionRule(engineAnalyses);
