// Tests for reference/duplicate: one work entered as two references (same DOI, PMID, or first author + year + title).
import { testRule } from '../../helpers/rule-tester.ts';

const HEADER = 'id,authors,title,year,doi,pmid,status\n';

testRule('reference/duplicate', {
  valid: [
    {
      name: 'distinct identifiers and titles',
      tables: {
        references:
          HEADER +
          'manfredi2018,Manfredi A; Sebastiani M,Tocilizumab in RA-ILD: a case series,2018,10.1111/a.1,11111111,verified\n' +
          'manfredi2020,Manfredi A; Cassone G,Tocilizumab therapy in RA-ILD,2020,10.1111/imj.14670,22222222,verified\n',
      },
    },
    {
      name: 'same title and first author, but another year (an erratum, an update)',
      tables: { references: HEADER + 'a2019,Smith J,Lung function in SSc,2019,,,unverified\na2021,Smith J,Lung function in SSc,2021,,,unverified\n' },
    },
    {
      name: 'same first author and year, another title',
      tables: { references: HEADER + 'a,Smith J,Lung function in SSc,2019,,,unverified\nb,Smith J,Skin scores in SSc,2019,,,unverified\n' },
    },
    {
      name: 'empty titles never match',
      tables: { references: HEADER + 'a,Smith J,,2019,,,unresolved\nb,Smith J,"  ",2019,,,unresolved\n' },
    },
    {
      name: 'a row repeated under its own id is left to record/duplicate-id',
      tables: { references: HEADER + 'r1,,,,10.1000/x,,verified\nr1,,,,10.1000/x,,verified\n' },
    },
  ],
  invalid: [
    {
      name: 'the same DOI, written as a link and in capitals',
      tables: {
        references: HEADER + 'manfredi2020,Manfredi A,Tocilizumab therapy,2020,10.1111/imj.14670,,verified\nmanfredi2020b,,,,https://doi.org/10.1111/IMJ.14670,,unverified\n',
      },
      diagnostics: [{ line: 3, column: 18, field: 'doi', message: 'doi 10.1111/IMJ.14670 is also reference manfredi2020 (line 2)' }],
    },
    {
      name: 'the same PMID, with and without a PMID: prefix',
      tables: { references: HEADER + 'illei2010,,,,,20112381,verified\nshirota2010,,,,,PMID: 20112381,unverified\n' },
      diagnostics: [{ line: 3, column: 17, field: 'pmid', message: 'pmid 20112381 is also reference illei2010 (line 2)' }],
    },
    {
      name: 'same first author, year and title, in other case and punctuation, after a multi-line field',
      tables: {
        references:
          'id,authors,title,year,status,note\r\n' +
          'manfredi2020,Manfredi A; Cassone G,Tocilizumab therapy in rheumatoid arthritis with interstitial lung disease: a multicentre retrospective study,2020,verified,"two\r\nlines"\r\n' +
          'manfredi-a,Manfredi Andreina,"TOCILIZUMAB THERAPY IN RHEUMATOID ARTHRITIS WITH INTERSTITIAL LUNG DISEASE - A MULTICENTRE RETROSPECTIVE STUDY.",2020,unverified,\r\n',
      },
      diagnostics: [
        { line: 4, column: 30, field: 'title', message: 'title, first author (Manfredi) and year (2020) match reference manfredi2020 (line 2)' },
      ],
    },
    {
      name: 'one report per row, DOI first; every copy names the first row',
      tables: {
        references: HEADER + 'a,Smith J,Lung function,2019,10.1000/x,123,verified\nb,Smith J,Lung function,2019,10.1000/x,123,verified\nc,,,,,123,verified\n',
      },
      diagnostics: [
        { line: 3, column: 30, field: 'doi', message: 'doi 10.1000/x is also reference a (line 2)' },
        { line: 4, column: 7, field: 'pmid', message: 'pmid 123 is also reference a (line 2)' },
      ],
    },
    {
      name: 'the first row has no id',
      tables: { references: HEADER + ',,,,10.1000/x,,verified\nb,,,,10.1000/x,,verified\n' },
      diagnostics: [{ line: 3, column: 6, message: 'doi 10.1000/x is also the reference on line 2' }],
    },
    {
      name: 'Chinese titles with full-width punctuation',
      tables: {
        references: HEADER + 'chen2021,陈建锋; 等,托珠单抗治疗结缔组织病相关间质性肺病：病例系列,2021,,,unverified\nchen-jf,陈建锋,托珠单抗治疗结缔组织病相关间质性肺病 病例系列。,2021,,,unresolved\n',
      },
      diagnostics: [{ line: 3, column: 13, message: 'title, first author (陈建锋) and year (2021) match reference chen2021 (line 2)' }],
    },
  ],
});

// A manuscript's own list: entries are free text, and the DOI, PMID, first author, year and title are read out of them.
// The entries are written after the corpus reviews' styles; the works are real, the duplicates are made up for these tests.
testRule('reference/duplicate', {
  valid: [
    {
      name: 'a GB/T 7714 list of different works, one author twice with two titles (chinaxiv-tirzepatide-review.md [16] and [49])',
      tables: {
        manuscript: [
          '参考文献',
          '[16]Frias JP, Nauck M A, Van J,et al. Efficacy and safety of LY3298176,a novel dual GIP and GLP-1 receptor agonist[J].Lancet, 2018,392:2180-2193．DOI: 10.1016/S0140-6736(18)32260-8.',
          '[17]Frias JP, Nauck M A, Van J,et al. Efcacy and tolerabilityof tirzepatide[J].Diabetes Obes Metab,2020,22(6):938-946.DOI: 10.1111/dom.13979.',
          '',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'GB/T 7714: the same DOI with another prefix and case, once broken across a space by the PDF conversion',
      tables: {
        manuscript: [
          '参考文献',
          '[1]Jastreboff A M,Aronne L J,Ahmad N N, et al. Tirzepatide Once Weekly for the Treatment of Obesity[J].N Engl JMed,2022，387(3):205-216.DOI: 10.1056/NEJM oa2206038.',
          '[2]JASTREBOFF A M, ARONNE L J. Tirzepatide once weekly for obesity[J]. N Engl J Med, 2022, 387(3): 205-216. https://doi.org/10.1056/nejmoa2206038',
          '',
        ].join('\n'),
      },
      diagnostics: [{ line: 3, column: 1, message: 'doi 10.1056/nejmoa2206038 is also reference [1] (line 2)' }],
    },
    {
      name: 'Vancouver: the same PMID, n. entries',
      tables: {
        manuscript: [
          'References',
          '1. Illei GG, Shirota Y, Yarboro CH, et al. Tocilizumab in systemic lupus erythematosus. Arthritis Rheum. 2010;62(2):542-52. PMID: 20112381.',
          '2. Illei GG, Shirota Y. Tocilizumab in SLE: safety. Arthritis Rheum. 2010;62(2):542-52. PMID: 20112381.',
          '',
        ].join('\n'),
      },
      diagnostics: [{ line: 3, column: 1, message: 'pmid 20112381 is also reference [1] (line 2)' }],
    },
    {
      name: 'APA and GB/T: the same first author, year and title, without identifiers',
      tables: {
        manuscript: [
          'References',
          '[1] Manfredi, A., Cassone, G., & Furini, F. (2020). Tocilizumab therapy in rheumatoid arthritis with interstitial lung disease. Internal Medicine Journal, 50(9), 1085–1090.',
          '[2] MANFREDI A, CASSONE G, FURINI F, et al. Tocilizumab therapy in rheumatoid arthritis with interstitial lung disease[J]. Intern Med J, 2020, 50(9): 1085-1090.',
          '',
        ].join('\n'),
      },
      diagnostics: [{ line: 3, column: 1, message: 'title, first author (Manfredi) and year (2020) match reference [1] (line 2)' }],
    },
  ],
});
