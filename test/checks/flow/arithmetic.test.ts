// Tests for flow/arithmetic: PRISMA 2020 boxes that do not follow from the boxes before them. Every flow here is made up.
import { testRule } from '../../helpers/rule-tester.ts';

const HEADER = 'key,n,reasons\n';
const GOOD = [
  'database_results,450,',
  'register_results,50,',
  'duplicates,80,',
  'records_screened,420,',
  'records_excluded,380,',
  'dbr_sought_reports,40,',
  'dbr_notretrieved_reports,2,',
  'dbr_assessed,38,',
  '"dbr_excluded",30,"Wrong population, 20; Wrong design, 10"',
  'other_sought_reports,5,',
  'other_assessed,5,',
  'other_excluded,3,',
  'new_reports,10,',
].join('\n') + '\n';

testRule('flow/arithmetic', {
  valid: [
    { name: 'a flow whose every box follows', tables: { flow: HEADER + GOOD } },
    { name: 'no flow.csv', tables: {} },
    { name: 'boxes that do not make a sum are not checked', tables: { flow: HEADER + 'records_screened,420,\ndbr_assessed,38,\n' } },
    { name: 'reasons alone give the box its number', tables: { flow: HEADER + 'dbr_assessed,38,\ndbr_excluded,,"Wrong population, 20; Wrong design, 8"\nnew_reports,10,\n' } },
    {
      name: 'the PRISMA2020 template shape: data and n, reasons in n, title rows ignored',
      tables: {
        flow:
          'data,node,box,description,boxtext,tooltips,url,n\n' +
          'NA,node4,prevstud,Grey title box,Previous studies,NA,prevstud.html,0\n' +
          'dbr_assessed,node13,box8,Reports assessed,Reports assessed,NA,NA,38\n' +
          'dbr_excluded,node14,box9,Reports excluded,Reports excluded,NA,NA,"Wrong population, 20; Wrong design, 8"\n' +
          'new_reports,node15,box10,New,New,NA,NA,10\n' +
          'identification,node1,identification,Blue,Identification,NA,identification.html,0\n',
      },
    },
  ],
  invalid: [
    {
      name: 'records screened is not identified minus removed',
      tables: { flow: HEADER + GOOD.replace('records_screened,420,', 'records_screened,410,').replace('records_excluded,380', 'records_excluded,370') },
      diagnostics: [{ line: 5, column: 18, field: 'n', message: 'records_screened is 410, but database_results 450 + register_results 50 − duplicates 80 is 420' }],
    },
    {
      name: 'every box that does not follow, each at its own n',
      tables: { flow: HEADER + GOOD.replace('dbr_sought_reports,40', 'dbr_sought_reports,41').replace('new_reports,10', 'new_reports,11') },
      diagnostics: [
        { line: 7, column: 20, message: 'dbr_sought_reports is 41, but records_screened 420 − records_excluded 380 is 40' },
        { line: 9, column: 14, message: 'dbr_assessed is 38, but dbr_sought_reports 41 − dbr_notretrieved_reports 2 is 39' },
        { line: 14, column: 13, message: 'new_reports is 11, but dbr_assessed 38 + other_assessed 5 − dbr_excluded 30 − other_excluded 3 is 10' },
      ],
    },
    {
      name: 'reasons that do not add up to their box',
      tables: { flow: HEADER + 'dbr_excluded,30,"Wrong population, 20; Wrong design, 5"\n' },
      diagnostics: [{ line: 2, column: 14, field: 'n', message: 'dbr_excluded is 30, but its reasons add up to 25 (Wrong population 20 + Wrong design 5)' }],
    },
    {
      name: 'reasons on a box that excludes nothing, and a box given twice',
      tables: { flow: HEADER + 'records_screened,420,"Wrong population, 20"\nrecords_screened,421,\n' },
      diagnostics: [
        { line: 2, column: 22, message: 'records_screened lists reasons, but only an excluded box (records_excluded, dbr_excluded, other_excluded …) has reasons for exclusion' },
        { line: 3, column: 1, message: 'records_screened is given twice; the first (line 2) is used' },
      ],
    },
  ],
});
