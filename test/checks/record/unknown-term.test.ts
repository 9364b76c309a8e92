// Tests for record/unknown-term: vocabulary columns holding a term the review's vocabulary does not know.
import { testRule } from '../../helpers/rule-tester.ts';

testRule('record/unknown-term', {
  valid: [
    {
      name: 'canonical terms, and Chinese and English aliases',
      tables: {
        studies: 'id,reference_id,disease,design\ns1,r1,RA,cohort-retrospective\ns2,r1,类风湿关节炎,回顾性研究\ns3,r1,systemic sclerosis,RCT\n',
        outcomes: 'study_id,outcome,measure,category,analysis\ns1,fvc,mean_change,stable,itt\ns2,用力肺活量,count,,\n',
      },
    },
    {
      name: "a term added by the review's vocabulary.csv",
      tables: {
        vocabulary: 'kind,term,aliases\ndisease,gout,痛风\n',
        studies: 'id,reference_id,disease,design\ns1,r1,gout,rct\ns2,r1,痛风,rct\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a misspelt design, with the term meant suggested',
      tables: { studies: 'id,reference_id,disease,design\ns1,r1,RA,restrospective\n' },
      diagnostics: [
        {
          line: 2,
          column: 10,
          field: 'design',
          message: "design: 'restrospective' is not a known design; did you mean 'cohort-retrospective'",
          suggestion: 'cohort-retrospective',
        },
      ],
    },
    {
      name: 'a term nothing is near to',
      tables: { studies: 'id,reference_id,disease,design\ns1,r1,gout,rct\n' },
      diagnostics: [{ line: 2, column: 7, message: "disease: 'gout' is not a known disease; add it to records/vocabulary.csv if it is meant" }],
    },
    {
      name: 'outcome columns, at their true line after a quoted CRLF',
      tables: { outcomes: 'study_id,outcome,measure,note\r\ns1,fvc,count,"two\r\nlines"\r\ns1,fvc,mean_chnage,\r\n' },
      diagnostics: [
        { line: 4, column: 8, field: 'measure', message: "measure: 'mean_chnage' is not a known measure; did you mean 'mean_change'", suggestion: 'mean_change' },
      ],
    },
  ],
});
