// Tests for consistency/ci-symmetry: a contrast or mean centred in its CI (log scale for ratios), allowing for the printed digits.
import { testRule } from '../../helpers/rule-tester.ts';

const HEADER = 'study_id,outcome,measure,arm,value,ci_low,ci_high\n';
const outcomes = (...rows: string[]): { outcomes: string } => ({ outcomes: HEADER + rows.map((row) => `${row}\n`).join('') });

testRule('consistency/ci-symmetry', {
  valid: [
    { name: 'a hazard ratio centred on the log scale', tables: outcomes('s1,fvc,hr,TCZ vs placebo,0.65,0.55,0.77') },
    { name: 'a risk ratio centred on the log scale, not on the ratio scale', tables: outcomes('s1,sae,rr,TCZ vs placebo,1.2,0.9,1.6') },
    { name: 'a mean difference centred', tables: outcomes('s1,fvc,md,TCZ vs placebo,-3.3,-5.1,-1.5') },
    { name: 'a mean change off centre by less than its digits hide', tables: outcomes('s1,fvc,mean_change,TCZ,-4.1,-6.7,-1.6') },
    { name: 'rates, percents and medians have skewed intervals', tables: outcomes('s1,infection,rate_per_100py,TCZ,2.1,0.5,9.0', 's1,fvc,median,TCZ,3,1,12') },
    { name: 'a ratio with a bound printed as 0.00', tables: outcomes('s1,sae,or,TCZ vs placebo,0.02,0.00,0.31') },
    { name: 'an estimate outside its CI is left to consistency/ci-contains-estimate', tables: outcomes('s1,fvc,md,TCZ vs placebo,9.0,-5.1,-1.5') },
  ],
  invalid: [
    {
      name: 'a hazard ratio far from the centre of its CI',
      tables: outcomes('s1,fvc,hr,TCZ vs placebo,0.65,0.40,0.77'),
      diagnostics: [{ line: 2, column: 26, field: 'value', message: 'hr 0.65 is not centred in its 95% CI 0.40 to 0.77 on the log scale; the centre is 0.55' }],
    },
    {
      name: 'a mean difference beyond the rounding of its digits',
      tables: outcomes('s1,fvc,md,TCZ vs placebo,2.0,1.0,3.4'),
      diagnostics: [{ line: 2, column: 26, message: 'md 2.0 is not centred in its 95% CI 1.0 to 3.4; the centre is 2.2' }],
    },
  ],
});
