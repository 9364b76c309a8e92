// Tests for record/csv-syntax: broken CSV (quotes, ragged rows, empty files, repeated columns, NUL bytes), located where the editor must look.
import { testRule } from '../../helpers/rule-tester.ts';

testRule('record/csv-syntax', {
  valid: [
    {
      name: 'quoted fields with commas, doubled quotes and line breaks',
      tables: { references: 'id,status,note\nr1,verified,"Cited for A, B and ""C"""\nr2,verified,"two\nlines"\n' },
    },
    {
      name: 'CRLF line ends, a quoted CRLF and blank lines',
      tables: { references: 'id,status,note\r\nr1,verified,"two\r\nlines"\r\n\r\nr2,unresolved,\r\n' },
    },
    { name: 'a header without data rows', tables: { references: 'id,status\n' } },
  ],
  invalid: [
    {
      name: 'an unclosed quote is located at its opening quote, and the rows after it are still read',
      tables: { references: 'id,status,note\nr1,verified,"never closed\nr2,verified,ok\n' },
      diagnostics: [{ line: 2, column: 13, message: 'this quoted field is never closed' }],
    },
    {
      name: 'an unclosed quote after a multi-line field is at its true line',
      tables: { references: 'id,status,note\r\nr1,verified,"a\r\nb"\r\nr2,verified,"open\r\nr3,verified,x\r\n' },
      diagnostics: [{ line: 4, column: 13, message: 'this quoted field is never closed' }],
    },
    {
      name: 'a stray quote inside an unquoted field',
      tables: { references: 'id,status,note\nr1,verified,a "quoted" word\n' },
      diagnostics: [{ line: 2, column: 15, message: 'a quote inside an unquoted field; quote the whole field and double inner quotes ("")' }],
    },
    {
      name: 'text after a closing quote is located at that quote',
      tables: { references: 'id,status,note\nr1,verified,"closed" then text\n' },
      diagnostics: [{ line: 2, column: 20, message: 'text after a closing quote; double quotes inside a quoted field ("")' }],
    },
    {
      name: 'ragged rows: an extra field at the field, a short row at its last field, after a quoted CRLF',
      tables: { references: 'id,status,note\r\nr1,verified,"two\r\nlines"\r\nr2,verified,x,extra\r\nr3,verified\r\n' },
      diagnostics: [
        { line: 4, column: 15, message: 'row has 4 fields, but the header has 3' },
        { line: 5, column: 4, message: 'row has 2 fields, but the header has 3' },
      ],
    },
    {
      name: 'an empty file',
      tables: { references: '' },
      diagnostics: [{ line: 1, column: 1, file: 'references.csv', message: 'the file is empty; expected a header row with id, status' }],
    },
    {
      name: 'a file of blank lines is empty too',
      tables: { studies: '\n\r\n' },
      diagnostics: [{ line: 1, column: 1, file: 'studies.csv', message: 'the file is empty; expected a header row with id, reference_id, disease, design' }],
    },
    {
      name: 'a column named twice, also through a Chinese alias',
      tables: { references: 'id,status,备注,note\nr1,verified,a,b\n' },
      diagnostics: [{ line: 1, column: 14, message: "column 'note' appears twice" }],
    },
    {
      name: 'a NUL byte, as in a binary file renamed .csv',
      tables: { references: 'id,status\nr1,verified\u0000\n' },
      diagnostics: [{ line: 2, column: 12, message: 'the file contains NUL bytes, as binary files do' }],
    },
  ],
});
