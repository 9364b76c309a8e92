// Tests for record/invalid-value: fields that do not parse as their column's type.
import { testRule } from '../../helpers/rule-tester.ts';

testRule('record/invalid-value', {
  valid: [
    {
      name: 'numbers with Unicode minus, full-width digits and a percent sign',
      tables: {
        outcomes: 'study_id,outcome,measure,value,count,percent\ns1,fvc,mean_change,−3.3,１４,56%\n',
      },
    },
    { name: 'empty optional fields', tables: { references: 'id,year,doi,status\nr1,,,unresolved\n' } },
  ],
  invalid: [
    {
      name: 'a word where a number belongs',
      tables: { studies: 'id,reference_id,disease,design,n_enrolled\ns1,r1,RA,case-series,twelve\n' },
      diagnostics: [{ line: 2, column: 22, field: 'n_enrolled', message: "n_enrolled: 'twelve' is not a number" }],
    },
    {
      name: 'a status outside the allowed words, with the near one suggested',
      tables: { references: 'id,status\nr1,verifed\n' },
      diagnostics: [{ line: 2, column: 4, message: "status: 'verifed' is not one of verified, unverified, unresolved", suggestion: 'verified' }],
    },
    {
      name: 'every bad field of a row is reported, not only the first',
      tables: { references: 'id,year,doi,status\nr1,3024,abc,verified\n' },
      diagnostics: [
        { line: 2, column: 4, field: 'year', message: 'year: 3024 is out of range; a year is 1800–2100' },
        { line: 2, column: 9, field: 'doi', message: "doi: 'abc' is not a DOI (10.NNNN/suffix)" },
      ],
    },
  ],
});
