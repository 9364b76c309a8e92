// Tests for record/unknown-column: header cells that name no column of the table, with the near name suggested.
import { testRule } from '../../helpers/rule-tester.ts';

testRule('record/unknown-column', {
  valid: [
    { name: 'documented optional columns', tables: { studies: 'id,reference_id,disease,design,country,centre,period\ns1,r1,RA,rct,Italy,Pisa,2010-2014\n' } },
    { name: 'English and Chinese aliases', tables: { studies: 'id,reference,疾病,design,center,样本量\ns1,r1,RA,rct,Pisa,12\n' } },
    { name: 'an empty header cell (a trailing comma)', tables: { references: 'id,status,\nr1,verified,\n' } },
    {
      name: 'a misspelt required column is left to record/missing-column',
      tables: { studies: 'id,refrence_id,disease,design\ns1,r1,RA,rct\n' },
    },
    {
      name: 'a misspelt optional column whose column is absent is left to record/missing-column (an error: its values would be lost)',
      tables: { studies: 'id,reference_id,disease,design,contry\ns1,r1,RA,rct,Italy\n' },
    },
  ],
  invalid: [
    {
      name: 'a cell near a column the header already has: an extra column, with the near name suggested',
      tables: { studies: 'id,reference_id,disease,design,country,contry\ns1,r1,RA,rct,Italy,Italy\n' },
      diagnostics: [{ line: 1, column: 40, message: "column 'contry' is not a column of studies; did you mean 'country'", suggestion: 'country' }],
    },
    {
      name: 'a column nothing is near to',
      tables: { references: 'id,status,colour\nr1,verified,red\n' },
      diagnostics: [{ line: 1, column: 11, message: "column 'colour' is not a column of references; its values are ignored" }],
    },
    {
      name: 'quoted header cells in a CRLF file',
      tables: { outcomes: 'study_id,outcome,measure,"unit, raw","commentary"\r\ns1,fvc,mean,%,x\r\n' },
      diagnostics: [
        { line: 1, column: 26, message: "column 'unit, raw' is not a column of outcomes; its values are ignored" },
        { line: 1, column: 38, message: "column 'commentary' is not a column of outcomes; its values are ignored" },
      ],
    },
  ],
});
