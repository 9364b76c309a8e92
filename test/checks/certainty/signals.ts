// Made-up pooled results for the certainty rules' tests (no engine, no real analysis): a source that answers for analysis a1 alone.
import type { AnalysisFactsSource, PooledSummary } from '../../../pipeline/appraisal/certainty.ts';

export function madeUpSource(pooled: PooledSummary): () => AnalysisFactsSource {
  return () => ({ visitors: {}, facts: (id) => (id === 'a1' ? { studyIds: ['s1', 's2'], pooled } : undefined), hasAnalyses: () => true });
}

export const HEADER = 'analysis_id,inconsistency,imprecision,certainty\n';
