// Tests for consistency/p-value: a printed p that the estimate and its 95% CI can give (Wald), allowing for rounding.
import { testRule } from '../../helpers/rule-tester.ts';

const HEADER = 'study_id,outcome,measure,arm,value,ci_low,ci_high,p\n';
const outcomes = (...rows: string[]): { outcomes: string } => ({ outcomes: HEADER + rows.map((row) => `${row}\n`).join('') });

testRule('consistency/p-value', {
  valid: [
    { name: 'p < 0.001 for a CI far from the null', tables: outcomes('s1,fvc,hr,TCZ vs placebo,0.65,0.55,0.77,<0.001') },
    { name: 'p as printed, within the rounding of the CI (z = 2.1, p = 0.037)', tables: outcomes('s1,fvc,md,TCZ vs placebo,2.1,0.14,4.06,0.04') },
    { name: 'a CI across the null and a large p', tables: outcomes('s1,sae,rr,TCZ vs placebo,1.10,0.80,1.51,0.56', 's1,sae,or,TCZ vs placebo,1.1,0.8,1.5,>0.05') },
    { name: 'a p for a row that is no contrast is not read', tables: outcomes('s1,fvc,mean_change,TCZ,-3.3,-5.1,-1.5,0.9') },
    { name: 'P = .03 written as papers do', tables: outcomes('s1,fvc,md,TCZ vs placebo,2.2,0.2,4.2,P = .03') },
  ],
  invalid: [
    {
      name: 'a significant p for a CI across the null',
      tables: outcomes('s1,sae,rr,TCZ vs placebo,1.10,0.80,1.51,0.01'),
      diagnostics: [{ line: 2, column: 41, field: 'p', message: 'p 0.01 cannot come from rr 1.10 (95% CI 0.80 to 1.51), which gives p 0.56' }],
    },
    {
      name: 'p < 0.05 written for a CI that touches nothing near the null',
      tables: outcomes('s1,fvc,hr,TCZ vs placebo,0.65,0.55,0.77,0.04'),
      diagnostics: [{ line: 2, column: 41, message: 'p 0.04 cannot come from hr 0.65 (95% CI 0.55 to 0.77), which gives p < 0.001' }],
    },
    {
      name: 'p > 0.05 for a CI that excludes the null',
      tables: outcomes('s1,fvc,md,TCZ vs placebo,2.1,0.5,3.7,>0.05'),
      diagnostics: [{ line: 2, column: 38, message: 'p >0.05 cannot come from md 2.1 (95% CI 0.5 to 3.7), which gives p 0.01' }],
    },
  ],
});
