// Tests for citation/unknown-key: a template cites an id that no row of references.csv has.
import { testRule } from '../../helpers/rule-tester.ts';

const REFERENCES_CSV = 'id,status\nillei2010,verified\nmanfredi2018,unverified\nmanfredi2020,verified\n';

testRule('citation/unknown-key', {
  valid: [
    {
      name: 'every cited id is in references.csv, one or several per {{cite}}, inside blocks',
      tables: {
        references: REFERENCES_CSV,
        templates: {
          'review.hbs': [
            '<p>2018 年，Manfredi 等人{{cite "manfredi2018"}}报告了 4 例。</p>',
            '{{#if showDetails}}',
            '  <p>回顾性研究{{cite "manfredi2020" "illei2010"}}表明 TCZ 安全。</p>',
            '{{else}}',
            '  <p>{{cite "illei2010"}}</p>',
            '{{/if}}',
            '',
          ].join('\n'),
        },
      },
    },
    {
      name: 'a row rejected for another field still defines its id',
      tables: { references: 'id,year,status\nillei2010,twenty-ten,verified\n', templates: { 'review.hbs': '{{cite "illei2010"}}\n' } },
    },
    {
      name: 'a manuscript cites numbers, not ids',
      tables: { references: REFERENCES_CSV, manuscript: 'Manfredi 等人[27]报告了 4 例。\n' },
    },
  ],
  invalid: [
    {
      name: 'an unknown id with a near id suggested',
      tables: { references: REFERENCES_CSV, templates: { 'review.hbs': '<p>早期，Gabor G Illei 等人{{cite "ilei2010"}}发现……</p>\n' } },
      diagnostics: [
        { line: 1, column: 23, file: 'review.hbs', suggestion: 'illei2010', message: "no reference has the id 'ilei2010'; did you mean 'illei2010'" },
      ],
    },
    {
      name: 'ids are case-sensitive; a wrong year finds its neighbour',
      tables: { references: REFERENCES_CSV, templates: { 'review.hbs': '{{cite "Illei2010"}} 与 {{cite "manfredi2019"}}\n' } },
      diagnostics: [
        { line: 1, column: 1, message: "no reference has the id 'Illei2010'; did you mean 'illei2010'" },
        { line: 1, column: 24, message: "no reference has the id 'manfredi2019'; did you mean 'manfredi2018'" },
      ],
    },
    {
      name: 'an unknown id with nothing near',
      tables: { references: REFERENCES_CSV, templates: { 'review.hbs': 'Otsuji 等人{{cite "otsuji"}}研究发现……\n' } },
      diagnostics: [{ line: 1, column: 10, message: "no reference has the id 'otsuji'" }],
    },
    {
      name: 'several ids in one {{cite}}: each unknown one is reported at the {{cite (same place: sorted by message)',
      tables: { references: REFERENCES_CSV, templates: { 'review.hbs': '见{{cite "illei2010" "otsuji" "kudsi2023"}}。\n' } },
      diagnostics: [
        { line: 1, column: 2, message: "no reference has the id 'kudsi2023'" },
        { line: 1, column: 2, message: "no reference has the id 'otsuji'" },
      ],
    },
    {
      name: 'cites inside {{#if}} and {{else}} blocks, on their own lines, in two templates',
      tables: {
        references: REFERENCES_CSV,
        templates: {
          'review.hbs': ['{{#if showDetails}}', '  <p>{{cite "manfredi2021"}}</p>', '{{else}}', '  {{#if short}}{{cite "ref01"}}{{/if}}', '{{/if}}', ''].join('\n'),
          'table.hbs': '<td>{{cite "ilei2010"}}</td>\n',
        },
      },
      diagnostics: [
        { line: 2, column: 6, file: 'review.hbs', message: "no reference has the id 'manfredi2021'; did you mean 'manfredi2020'" },
        { line: 4, column: 16, file: 'review.hbs', message: "no reference has the id 'ref01'" },
        { line: 1, column: 5, file: 'table.hbs', message: "no reference has the id 'ilei2010'; did you mean 'illei2010'" },
      ],
    },
    {
      name: 'no references.csv rows at all',
      tables: { templates: { 'review.hbs': '{{cite "illei2010"}}\n' } },
      diagnostics: [{ line: 1, column: 1, message: "no reference has the id 'illei2010'" }],
    },
  ],
});
