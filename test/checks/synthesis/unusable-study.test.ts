// Tests for synthesis/unusable-study: a study of an analysis whose rows lack a number its measure needs, or a named study without rows.
import { testRule } from '../../helpers/rule-tester.ts';

const ANALYSES = 'id,title,outcome,measure,experimental,control,model,studies\n';
const OUTCOMES = 'study_id,outcome,measure,arm,n,value,sd,se,ci_low,ci_high,count,denominator\n';
const analyses = (...rows: string[]) => ANALYSES + rows.map((row) => `${row}\n`).join('');
const outcomes = (...rows: string[]) => OUTCOMES + rows.map((row) => `${row}\n`).join('');

const SAE = 'sae,SAE,sae,RR,TCZ,placebo,random,';
const FVC = 'fvc,FVC,fvc,MD,TCZ,placebo,random,';

testRule('synthesis/unusable-study', {
  valid: [
    {
      name: 'events per arm, means per arm, and a contrast with its CI',
      tables: {
        analyses: analyses(SAE, FVC, 'inf,Infection,infection,HR,TCZ,placebo,common,'),
        outcomes: outcomes(
          's1,sae,count,TCZ,,,,,,,3,20', 's1,sae,count,placebo,,,,,,,5,21',
          's1,fvc,mean_change,TCZ,20,-1.2,3.1,,,,,', 's1,fvc,mean,placebo,21,-3.0,3.5,,,,,',
          's2,infection,hr,TCZ vs placebo,,0.7,,,0.5,0.98,,',
        ),
      },
    },
    { name: 'rows of other arms and outcomes are not the analysis\'s', tables: { analyses: analyses(SAE), outcomes: outcomes('s1,sae,count,TCZ+MTX,,,,,,,3,', 's1,fvc,count,TCZ,,,,,,,3,') } },
    { name: 'no analyses.csv: nothing to check', tables: { outcomes: outcomes('s1,sae,count,TCZ,,,,,,,3,') } },
  ],
  invalid: [
    {
      name: 'events without a denominator',
      tables: { analyses: analyses(SAE), outcomes: outcomes('s2,sae,count,TCZ,,,,,,,3,', 's2,sae,count,placebo,,,,,,,4,20') },
      diagnostics: [{ line: 2, column: 26, file: 'outcomes.csv', field: 'denominator', message: 'study s2 cannot be pooled in sae (RR): arm TCZ has events but no denominator or n' }],
    },
    {
      name: 'one arm only',
      tables: { analyses: analyses(SAE), outcomes: outcomes('s2,sae,count,placebo,,,,,,,4,20') },
      diagnostics: [{ line: 2, column: 1, message: 'study s2 cannot be pooled in sae (RR): no row for the experimental arm (tcz)' }],
    },
    {
      name: 'a mean without its SD',
      tables: { analyses: analyses(FVC), outcomes: outcomes('s3,fvc,mean_change,TCZ,20,-1.2,,,,,,', 's3,fvc,mean_change,placebo,21,-3.0,3.5,,,,,') },
      diagnostics: [{ line: 2, column: 32, field: 'sd', message: 'study s3 cannot be pooled in fvc (MD): arm TCZ has a mean but no sd' }],
    },
    {
      name: 'a hazard ratio with neither SE nor CI',
      tables: { analyses: analyses('inf,Infection,infection,HR,TCZ,placebo,common,'), outcomes: outcomes('s4,infection,hr,TCZ vs placebo,,0.7,,,,,,') },
      diagnostics: [{ line: 2, column: 38, field: 'se', message: 'study s4 cannot be pooled in inf (HR): hr 0.7 has neither se nor a 95% CI' }],
    },
    {
      name: 'a study named in studies without rows',
      tables: { analyses: analyses('sae,SAE,sae,RR,TCZ,placebo,random,s1;s9'), outcomes: outcomes('s1,sae,count,TCZ,,,,,,,3,20', 's1,sae,count,placebo,,,,,,,5,21') },
      diagnostics: [{ line: 2, column: 35, file: 'analyses.csv', field: 'studies', message: 'study s9 is named for sae but has no sae rows for its arms' }],
    },
  ],
});
