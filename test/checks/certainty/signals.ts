// Made-up inputs for the certainty rules' tests (no real analysis): a source that answers for analysis a1 alone, and two made-up trials for the engine.
import type { AnalysisFactsSource, PooledSummary } from '../../../pipeline/appraisal/certainty.ts';

export function madeUpSource(pooled: PooledSummary): () => AnalysisFactsSource {
  return () => ({ visitors: {}, facts: (id) => (id === 'a1' ? { studyIds: ['s1', 's2'], pooled } : undefined), hasAnalyses: () => true });
}

export const HEADER = 'analysis_id,inconsistency,imprecision,certainty\n';

// Made-up trials and results, pooled by the meta-analysis engine (the rule's default source).
export const ENGINE = {
  studies: 'id,reference_id,disease,design\ns1,r1,SSc,rct\ns2,r2,SSc,rct\n',
  analyses: 'id,title,outcome,measure,experimental,control,model,prediction\nsae,Serious adverse events,sae,RR,TCZ,placebo,random,yes\n',
  outcomes: 'study_id,outcome,measure,arm,count,denominator\ns1,sae,count,TCZ,2,50\ns1,sae,count,placebo,20,50\ns2,sae,count,TCZ,20,50\ns2,sae,count,placebo,3,50\n',
};
