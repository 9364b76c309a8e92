// Tests for claim/denominator: a paragraph gives a study's patients, then its percentages over another denominator without saying so.
import { testRule } from '../../helpers/rule-tester.ts';

// The seed's Manfredi 2020 rows (records/): 28 enrolled; the FVC split is of the 25 with lung-function data.
const REFERENCES = 'id,status\nmanfredi2020,verified\n';
const STUDIES = 'id,reference_id,disease,design,n_enrolled\nmanfredi2020,manfredi2020,RA,cohort-retrospective,28\n';
const OUTCOMES = [
  'study_id,outcome,measure,arm,category,timepoint,analysis,n,unit,count,denominator,percent',
  'manfredi2020,fvc,count,TCZ,stable,30 months,as_reported,25,patients,14,25,56',
  'manfredi2020,fvc,count,TCZ,improved,30 months,as_reported,25,patients,5,25,20',
  'manfredi2020,hrct,count,TCZ,stable,30 months,as_reported,28,patients,25,28,89.3',
].join('\n') + '\n';
const tables = (template: string) => ({ references: REFERENCES, studies: STUDIES, outcomes: OUTCOMES, templates: { 'review.hbs': template } });
const N = '{{study "manfredi2020" "n_enrolled"}}';
const pct = (category: string, outcome = 'fvc') => `{{outcome "manfredi2020" "${outcome}" category="${category}" field="percent"}}`;
const count = (category: string) => `{{outcome "manfredi2020" "fvc" category="${category}" field="count"}}`;

testRule('claim/denominator', {
  valid: [
    { name: 'the denominator is said before the percentages', tables: tables(`<p>Manfredi 等招募了 ${N} 名患者。其中 25 例有肺功能数据，${count('stable')} 例(${pct('stable')}%)稳定。</p>`) },
    { name: 'the denominator is drawn before the percentages', tables: tables(`<p>招募了 ${N} 名患者，{{outcome "manfredi2020" "fvc" category="stable" field="denominator"}} 例有肺功能数据，其中 ${pct('stable')}% 稳定。</p>`) },
    { name: 'percentages of the enrolled patients', tables: tables(`<p>招募了 ${N} 名患者，${pct('stable', 'hrct')}% HRCT 稳定。</p>`) },
    { name: 'percentages in another paragraph', tables: tables(`<p>招募了 ${N} 名患者。</p><p>${count('stable')} 例(${pct('stable')}%)稳定。</p>`) },
  ],
  invalid: [
    {
      name: 'the seed review: 28 recruited, then percentages of 25 (reported once, at the first percentage)',
      tables: tables(`<p>Manfredi 等{{cite "manfredi2020"}}招募了 ${N} 名 RA-ILD 患者。\n随访结束后，${count('stable')} 例(${pct('stable')}%)患者保持稳定，${count('improved')} 例(${pct('improved')}%)改善。</p>`),
      diagnostics: [{ line: 2, column: 74, message: 'percentages of 25 patients, but the paragraph gave 28 patients for manfredi2020 on line 1 and does not say 25' }],
    },
  ],
});
