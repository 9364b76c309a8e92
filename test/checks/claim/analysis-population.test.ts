// Tests for claim/analysis-population: 随机分析 / ITT said of rows that are post hoc, completers or per protocol.
import { testRule } from '../../helpers/rule-tester.ts';

const REFERENCES = 'id,status\nkhanna2022,verified\n';
const STUDIES = 'id,reference_id,disease,design\nkhanna2022,khanna2022,SSc,rct-extension\n';
// The seed's Khanna 2022 FVC rows (records/outcomes.csv): completers, post hoc, and one row as reported.
const OUTCOMES = [
  'study_id,outcome,measure,arm,timepoint,analysis,n,value,unit,ci_low,ci_high',
  'khanna2022,fvc,mean_change,placebo→TCZ,96 weeks,completers,82,-3.3,% predicted,-5.1,-1.5',
  'khanna2022,fvc,mean_change,continuous TCZ,96 weeks,completers,85,-0.5,% predicted,-2.4,1.3',
  'khanna2022,fvc,mean_change,placebo→TCZ,96 weeks,post_hoc,,-4.1,% predicted,-6.7,-1.6',
  'khanna2022,fvc,mean_change,continuous TCZ,96 weeks,post_hoc,,-0.6,% predicted,-3.1,2.0',
  'khanna2022,mrss,mean_change,placebo→TCZ,96 weeks,itt,,-8.4,points,-10.0,-6.8',
  'khanna2022,mrss,mean_change,continuous TCZ,96 weeks,as_reported,,-9.6,points,-10.9,-8.4',
].join('\n') + '\n';
const tables = (template: string) => ({ references: REFERENCES, studies: STUDIES, outcomes: OUTCOMES, templates: { 'review.hbs': template } });
const row = (arm: string, analysis: string, outcome = 'fvc') => `{{outcome "khanna2022" "${outcome}" arm="${arm}" analysis="${analysis}" field="value"}}`;

testRule('claim/analysis-population', {
  valid: [
    { name: 'ITT said of an ITT row', tables: tables(`<p>意向性分析中，mRSS 平均变化为${row('placebo→TCZ', 'itt', 'mrss')}。</p>`) },
    { name: 'completers called completers', tables: tables(`<p>在完成者中，FVC 平均变化为${row('placebo→TCZ', 'completers')}。</p>`) },
    { name: '非随机 is not a claim of randomisation', tables: tables(`<p>在非随机分析中，FVC 平均变化为${row('placebo→TCZ', 'post_hoc')}。</p>`) },
    { name: 'a row whose analysis the paper does not state is not judged', tables: tables(`<p>In the ITT population, mRSS changed by ${row('continuous TCZ', 'as_reported', 'mrss')}.</p>`) },
    { name: 'a claim with no row drawn is not judged', tables: tables('<p>该研究采用随机分析{{cite "khanna2022"}}。</p>') },
  ],
  invalid: [
    {
      name: 'the seed review: 在随机分析中 of the post hoc rows (the completers rows before it are not what it governs)',
      tables: tables(`<p>安慰剂-TCZ 组的 FVC 平均变化为${row('placebo→TCZ', 'completers')}，在随机分析中，弥漫性 ILD 的 FVC 平均变化分别为${row('placebo→TCZ', 'post_hoc')} 和${row('continuous TCZ', 'post_hoc')}。</p>`),
      diagnostics: [{ line: 1, column: 110, message: '随机分析 but the rows drawn are post hoc' }],
    },
    {
      name: 'intention-to-treat said of completers, in English; the rows before the words when none follow',
      tables: tables(`<p>FVC changed by ${row('placebo→TCZ', 'completers')} and ${row('continuous TCZ', 'completers')} in the intention-to-treat analysis.</p>`),
      diagnostics: [{ line: 1, column: 203, message: 'intention-to-treat but the rows drawn are completers' }],
    },
  ],
});
