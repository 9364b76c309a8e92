// Tests for study/possible-overlap: two studies of one disease from one first author or centre, close in time.
import { testRule } from '../../helpers/rule-tester.ts';

const REFERENCES =
  'id,authors,year,status\n' +
  'manfredi2018,Manfredi A; Sebastiani M,2018,unverified\n' +
  'manfredi2020,Manfredi A; Cassone G,2020,verified\n' +
  'manfredi2021,Manfredi A,2021,verified\n' +
  'manfredi2026,Manfredi A,2026,verified\n' +
  'manfredi-b,Manfredi B,2019,verified\n' +
  'smith2019,Smith J,2019,verified\n' +
  'jones2020,Jones K,2020,verified\n' +
  'noyear,Manfredi A,,unresolved\n' +
  'bare2019,Manfredi,2019,unresolved\n';

const STUDIES = 'id,reference_id,disease,design,centre,period\n';

testRule('study/possible-overlap', {
  valid: [
    {
      name: 'same first author, another disease',
      tables: { references: REFERENCES, studies: STUDIES + 'manfredi2018,manfredi2018,RA,case-series,,\nmanfredi2020,manfredi2020,SSc,cohort-retrospective,,\n' },
    },
    {
      name: 'same first author, recruitment periods that do not overlap',
      tables: { references: REFERENCES, studies: STUDIES + 'manfredi2018,manfredi2018,RA,case-series,,2010-2013\nmanfredi2020,manfredi2020,RA,cohort-retrospective,,2014-2018\n' },
    },
    {
      name: 'no periods, publications more than 5 years apart',
      tables: { references: REFERENCES, studies: STUDIES + 'manfredi2018,manfredi2018,RA,case-series,,\nmanfredi2026,manfredi2026,RA,case-series,,\n' },
    },
    {
      name: 'no periods and a publication year unknown',
      tables: { references: REFERENCES, studies: STUDIES + 'manfredi2018,manfredi2018,RA,case-series,,\nnoyear,noyear,RA,case-series,,\n' },
    },
    {
      name: 'same family name, other first initial: another person',
      tables: { references: REFERENCES, studies: STUDIES + 'manfredi2018,manfredi2018,RA,case-series,,\nmanfredi-b,manfredi-b,RA,case-series,,\n' },
    },
    {
      name: 'other authors and other centres',
      tables: { references: REFERENCES, studies: STUDIES + 'smith2019,smith2019,RA,rct,Pisa,2015-2018\njones2020,jones2020,RA,rct,Modena,2015-2018\n' },
    },
  ],
  invalid: [
    {
      name: 'same first author, publication years close, periods not recorded',
      tables: { references: REFERENCES, studies: STUDIES + 'manfredi2018,manfredi2018,RA,case-series,,\nmanfredi2020,manfredi2020,RA,cohort-retrospective,,\n' },
      diagnostics: [
        {
          line: 3,
          column: 1,
          field: 'id',
          message:
            'study manfredi2020 may include the patients of manfredi2018: same first author (Manfredi), publication years 2018 and 2020; recruitment periods not recorded',
        },
      ],
    },
    {
      name: 'same centre, in other case and spacing, overlapping periods',
      tables: { references: REFERENCES, studies: STUDIES + 'smith2019,smith2019,SSc,rct,Pisa University Hospital,2012-2016\njones2020,jones2020,SSc,rct, pisa university hospital ,2015-2018\n' },
      diagnostics: [
        {
          line: 3,
          column: 1,
          message: 'study jones2020 may include the patients of smith2019: same centre (pisa university hospital), recruitment periods 2012-2016 and 2015-2018 overlap',
        },
      ],
    },
    {
      name: 'author and centre shared: one report for the pair; one period missing',
      tables: { references: REFERENCES, studies: STUDIES + 'manfredi2018,manfredi2018,RA,case-series,Modena,2010-2014\nmanfredi2020,manfredi2020,RA,cohort-retrospective,Modena,\n' },
      diagnostics: [
        {
          line: 3,
          column: 1,
          message:
            'study manfredi2020 may include the patients of manfredi2018: same first author (Manfredi) and centre (Modena), publication years 2018 and 2020; recruitment period of manfredi2020 not recorded',
        },
      ],
    },
    {
      name: 'a study is compared with each earlier one of its groups, at its true line after a quoted CRLF',
      tables: {
        references: REFERENCES,
        studies:
          'id,reference_id,disease,design,note\r\n' +
          'manfredi2018,manfredi2018,RA,case-series,"two\r\nlines"\r\nsmith2019,smith2019,RA,rct,\r\nmanfredi2020,manfredi2020,RA,rct,\r\nnoyear,noyear,RA,rct,\r\nmanfredi2021,manfredi2021,RA,rct,\r\n',
      },
      diagnostics: [
        {
          line: 5,
          column: 1,
          message:
            'study manfredi2020 may include the patients of manfredi2018: same first author (Manfredi), publication years 2018 and 2020; recruitment periods not recorded',
        },
        {
          line: 7,
          column: 1,
          message:
            'study manfredi2021 may include the patients of manfredi2018: same first author (Manfredi), publication years 2018 and 2021; recruitment periods not recorded',
        },
        {
          line: 7,
          column: 1,
          message:
            'study manfredi2021 may include the patients of manfredi2020: same first author (Manfredi), publication years 2020 and 2021; recruitment periods not recorded',
        },
      ],
    },
    {
      name: 'a first author without initials may be either Manfredi',
      tables: {
        references: REFERENCES,
        studies: STUDIES + 'manfredi2018,manfredi2018,RA,case-series,,\nbare2019,bare2019,RA,case-series,,\nmanfredi-b,manfredi-b,RA,case-series,,\n',
      },
      diagnostics: [
        {
          line: 3,
          column: 1,
          message: 'study bare2019 may include the patients of manfredi2018: same first author (Manfredi), publication years 2018 and 2019; recruitment periods not recorded',
        },
        {
          line: 4,
          column: 1,
          message: 'study manfredi-b may include the patients of bare2019: same first author (Manfredi), publication years 2019 and 2019; recruitment periods not recorded',
        },
      ],
    },
    {
      name: 'Chinese first authors',
      tables: {
        references: 'id,authors,year,status\nchen2019,陈建锋; 李明,2019,unverified\nchen2021,陈建锋; 等,2021,unverified\n',
        studies: STUDIES + 'chen2019,chen2019,SLE,case-series,,\nchen2021,chen2021,SLE,case-series,,\n',
      },
      diagnostics: [
        {
          line: 3,
          column: 1,
          message: 'study chen2021 may include the patients of chen2019: same first author (陈建锋), publication years 2019 and 2021; recruitment periods not recorded',
        },
      ],
    },
  ],
});
