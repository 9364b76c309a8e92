// Tests for reference/uncited: a manuscript list entry, or a references.csv row, that the review never cites.
import { testRule } from '../../helpers/rule-tester.ts';

/** A manuscript from its lines. */
function manuscript(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

const REFERENCES_CSV = 'id,number,authors,status\nillei2010,44,Illei GG; Shirota Y,verified\nmanfredi2018,27,Manfredi A; Sebastiani M,unverified\notsuji,28,Otsuji N,unresolved\n';

testRule('reference/uncited', {
  valid: [
    {
      name: 'every list entry cited, through the citation forms of the brief',
      tables: {
        manuscript: manuscript(
          '见[1]，[2,3]，[4–6]，[7]–[9]，[10] [11]，［12］，［13，14］，<sup>[15]</sup>，[16、17]。',
          '',
          '参考文献',
          ...Array.from({ length: 17 }, (_, i) => `[${i + 1}] 文献信息未找到 〔未解决〕`),
        ),
      },
    },
    {
      name: 'a References list of `n.` entries, every entry cited',
      tables: { manuscript: manuscript('Smith et al. [1] and Jones and colleagues [2] disagreed.', '', 'References', '1. Smith J. A trial.', '2. Jones B. A cohort.') },
    },
    {
      name: 'a manuscript without a list',
      tables: { manuscript: manuscript('见[1]。') },
    },
    {
      name: 'no templates at all: references.csv rows are not judged',
      tables: { references: REFERENCES_CSV },
    },
    {
      name: 'no templates: a manuscript does not cite references.csv ids',
      tables: { references: REFERENCES_CSV, manuscript: manuscript('见[44]。') },
    },
    {
      name: 'every row cited by one template or another, inside blocks and several ids per {{cite}}',
      tables: {
        references: REFERENCES_CSV,
        templates: {
          'review.hbs': '{{#if detailed}}Manfredi 等人{{cite "manfredi2018"}}{{else}}{{cite "otsuji"}}{{/if}}\n',
          'table.hbs': '<td>{{cite "illei2010" "otsuji"}}</td>\n',
        },
      },
    },
  ],
  invalid: [
    {
      name: 'manuscript list entries never cited, reported at their labels',
      tables: {
        manuscript: manuscript(
          '结节病(Sarcoidosis) [1]、结缔组织病相关的肺间质性病变等。据报道，CTD-ILD 的发病率约',
          '',
          '为 12.4%至 34% [3]。',
          '',
          '参考文献',
          '',
          '[1] 文献信息未找到 〔未解决〕',
          '  [2] MANFREDI A, SEBASTIANI M, CASSONE G, et al. Tocilizumab for the treatment of patients with rheumatoid arthritis',
          '  and interstitial lung diseases: a case series[J]. Clin Exp Rheumatol, 2018, 36(2): 342.',
          '[3] 陈建锋, 等. [Z].',
          '［4］ MA C, 等. [Z].',
        ),
      },
      diagnostics: [
        { line: 8, column: 3, message: 'reference [2] is in the list but never cited' },
        { line: 11, column: 1, message: 'reference [4] is in the list but never cited' },
      ],
    },
    {
      name: 'a References list of `n.` entries',
      tables: { manuscript: manuscript('Smith et al. [1] found no difference.', '', '## References', '', '1. Smith J. A trial.', '2. Jones B. A cohort.') },
      diagnostics: [{ line: 6, column: 1, file: 'manuscript.md', message: 'reference [2] is in the list but never cited' }],
    },
    {
      name: 'references.csv rows the templates never cite, reported at the id cell',
      tables: {
        references: 'status,number,id\nverified,44,illei2010\nunverified,27,manfredi2018\nunresolved,28,otsuji\n',
        templates: { 'review.hbs': '早期，Gabor G Illei 等人{{cite "illei2010"}}发现……\n' },
      },
      diagnostics: [
        { line: 3, column: 15, file: 'references.csv', field: 'id', message: 'reference manfredi2018 is never cited in the templates' },
        { line: 4, column: 15, file: 'references.csv', field: 'id', message: 'reference otsuji is never cited in the templates' },
      ],
    },
    {
      name: 'a template that cites nothing',
      tables: { references: 'id,status\nillei2010,verified\n', templates: { 'review.hbs': '<h1>托珠单抗治疗 CTD-ILD</h1>\n' } },
      diagnostics: [{ line: 2, column: 1, message: 'reference illei2010 is never cited in the templates' }],
    },
  ],
});
