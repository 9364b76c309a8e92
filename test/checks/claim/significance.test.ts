// Tests for claim/significance: 显著 / significantly said of a result whose CI includes the value of no effect.
import { testRule } from '../../helpers/rule-tester.ts';

const REFERENCES = 'id,status\nkhanna2022,verified\n';
const STUDIES = 'id,reference_id,disease,design\nkhanna2022,khanna2022,SSc,rct-extension\n';
// The seed's Khanna 2022 rows (records/outcomes.csv): the continuous-TCZ FVC change's CI includes 0, the placebo→TCZ one does not.
const OUTCOMES = [
  'study_id,outcome,measure,arm,timepoint,analysis,n,value,unit,ci_low,ci_high',
  'khanna2022,fvc,mean_change,placebo→TCZ,96 weeks,completers,82,-3.3,% predicted,-5.1,-1.5',
  'khanna2022,fvc,mean_change,continuous TCZ,96 weeks,completers,85,-0.5,% predicted,-2.4,1.3',
  'khanna2022,mrss,value,TCZ,baseline,as_reported,1,18,points,,',
].join('\n') + '\n';
// Made up for the test: a difference printed with its p and no interval.
const WITH_P = 'study_id,outcome,measure,arm,timepoint,analysis,value,p\nkhanna2022,fvc,md,TCZ vs placebo,48 weeks,itt,1.2,0.21\nkhanna2022,mrss,md,TCZ vs placebo,48 weeks,itt,-2.0,<0.001\n';
const tables = (template: string) => ({ references: REFERENCES, studies: STUDIES, outcomes: OUTCOMES, templates: { 'review.hbs': template } });
const CONTINUOUS = '{{outcome "khanna2022" "fvc" arm="continuous TCZ" field="value"}}（{{outcome "khanna2022" "fvc" arm="continuous TCZ" field="ci"}}）';
const PLACEBO = '{{outcome "khanna2022" "fvc" arm="placebo→TCZ" field="value"}}（{{outcome "khanna2022" "fvc" arm="placebo→TCZ" field="ci"}}）';

// Made up for the test: two small trials whose pooled risk ratio's CI includes 1 (metafor, rma FE: RR 0.857, 0.471 to 1.558).
const POOLED = {
  references: 'id,status\na,verified\nb,verified\n',
  studies: 'id,reference_id,disease,design\na,a,SSc,rct\nb,b,SSc,rct\n',
  analyses: 'id,title,outcome,measure,experimental,control,model\nae,Adverse events,adverse_events,RR,TCZ,placebo,common\n',
  outcomes: [
    'study_id,outcome,measure,arm,count,denominator',
    'a,adverse_events,count,TCZ,10,100',
    'a,adverse_events,count,placebo,12,100',
    'b,adverse_events,count,TCZ,8,100',
    'b,adverse_events,count,placebo,9,100',
  ].join('\n') + '\n',
};

testRule('claim/significance', {
  valid: [
    { name: 'significant, and the CI excludes 0', tables: tables(`<p>安慰剂-TCZ 组 FVC 显著下降 ${PLACEBO}。</p>`) },
    { name: '无显著差异 with a CI that includes 0', tables: tables(`<p>连续 TCZ 组 FVC 变化 ${CONTINUOUS}，无显著差异。</p>`) },
    { name: '未显著 / 不显著 / 没有显著', tables: tables(`<p>连续 TCZ 组 FVC 未显著下降 ${CONTINUOUS}。</p><p>其变化 ${CONTINUOUS} 不显著。</p><p>没有显著变化 ${CONTINUOUS}。</p>`) },
    { name: 'English negations', tables: tables(`<p>FVC did not change significantly, ${CONTINUOUS}. There was no significant change ${CONTINUOUS}. The change was not statistically significant ${CONTINUOUS}.</p>`) },
    { name: 'a level (not a change) has no null to include', tables: tables('<p>基线 mRSS 显著升高，为 {{outcome "khanna2022" "mrss" field="value"}} 分。</p>') },
    { name: 'a claim in another clause says nothing of a number that a negated claim owns', tables: tables(`<p>连续 TCZ 组 FVC 没有显著差异 ${CONTINUOUS}，安慰剂组显著下降。</p>`) },
    { name: 'significant, and p < 0.001', tables: { ...tables('<p>mRSS 显著降低（{{outcome "khanna2022" "mrss" field="value"}}）。</p>'), outcomes: WITH_P } },
    { name: 'a pooled result called not significant', tables: { ...POOLED, templates: { 'review.hbs': '<p>不良事件风险无显著差异（RR {{pooled "ae" "estimate"}}，{{pooled "ae" "ci"}}）。</p>' } } },
    { name: 'a claim with no number drawn is not judged', tables: tables('<p>TCZ 可显著改善 RA 的疾病活动性{{cite "khanna2022"}}。</p>') },
  ],
  invalid: [
    {
      name: 'significantly, of a difference printed with p = 0.21',
      tables: { ...tables('<p>FVC was significantly higher ({{outcome "khanna2022" "fvc" field="value"}}).</p>'), outcomes: WITH_P },
      diagnostics: [{ line: 1, column: 12, message: 'significantly but p is 0.21' }],
    },
    {
      name: '显著 of a pooled risk ratio whose CI includes 1',
      tables: { ...POOLED, templates: { 'review.hbs': '<p>TCZ 显著降低不良事件风险（RR {{pooled "ae" "estimate"}}，{{pooled "ae" "ci"}}）。</p>' } },
      diagnostics: [{ line: 1, column: 8, message: '显著 but the 95% CI 0.47 to 1.56 includes 1' }],
    },
    {
      name: '显著 of a change whose CI includes 0',
      tables: tables(`<p>连续 TCZ 组的 FVC 显著下降，平均变化为${CONTINUOUS}。</p>`),
      diagnostics: [{ line: 1, column: 18, message: '显著 but the 95% CI −2.4 to 1.3 includes 0' }],
    },
    {
      name: 'significantly, in English, reported at the word',
      tables: tables(`<p>FVC fell\nsignificantly with continuous TCZ, ${CONTINUOUS}.</p>`),
      diagnostics: [{ line: 2, column: 1, message: 'significantly but the 95% CI −2.4 to 1.3 includes 0' }],
    },
    {
      name: 'the claim in the clause after the number ("…，显著低于…")',
      tables: tables(`<p>连续 TCZ 组 FVC 变化为${CONTINUOUS}，显著低于安慰剂组。</p>`),
      diagnostics: [{ line: 1, column: 150, message: '显著 but the 95% CI −2.4 to 1.3 includes 0' }],
    },
  ],
});
