// Tests for record/duplicate-id: two rows of one table with one id, the later one pointing at the earlier's line.
import { testRule } from '../../helpers/rule-tester.ts';

testRule('record/duplicate-id', {
  valid: [
    { name: 'distinct ids', tables: { references: 'id,status\nr1,verified\nr2,verified\n' } },
    {
      name: 'a study may share its reference id (tables are separate)',
      tables: { references: 'id,status\nmanfredi2020,verified\n', studies: 'id,reference_id,disease,design\nmanfredi2020,manfredi2020,RA,rct\n' },
    },
    { name: 'ids differ in case', tables: { references: 'id,status\nr1,verified\nR1,verified\n' } },
  ],
  invalid: [
    {
      name: 'a reference entered twice, the copy with spaces around its id',
      tables: { references: 'id,status\nr1,verified\nr2,verified\n r1 ,unresolved\n' },
      diagnostics: [{ line: 4, column: 1, field: 'id', message: "id 'r1' is already used on line 2" }],
    },
    {
      name: 'every later copy names the first, after a multi-line field in a CRLF file',
      tables: { studies: 'id,reference_id,disease,design,note\r\ns1,r1,RA,rct,"two\r\nlines"\r\ns2,r1,RA,rct,\r\ns1,r1,RA,rct,\r\ns1,r1,RA,rct,\r\n' },
      diagnostics: [
        { line: 5, column: 1, message: "id 's1' is already used on line 2" },
        { line: 6, column: 1, message: "id 's1' is already used on line 2" },
      ],
    },
    {
      name: 'a ragged row still claims its id',
      tables: { references: 'id,status\nr1,verified,extra\nr1,verified\n' },
      diagnostics: [{ line: 3, column: 1, message: "id 'r1' is already used on line 2" }],
    },
  ],
});
