// Tests for citation/out-of-range: a manuscript cites 0 or a number beyond the end of its reference list.
import { testRule } from '../../helpers/rule-tester.ts';

/** A manuscript from its lines. */
function manuscript(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A GB/T 7714 list of three references under a `参考文献` heading. */
const CHINESE_LIST = [
  '参考文献',
  '',
  '[1] 文献信息未找到 〔未解决〕',
  '[2] MANFREDI A, SEBASTIANI M, CASSONE G, et al. Tocilizumab for the treatment of patients with rheumatoid arthritis',
  '    and interstitial lung diseases: a case series[J]. Clin Exp Rheumatol, 2018, 36(2): 342.',
  '[3] 陈建锋, 等. [Z].',
];

/** A Vancouver list of three references under a Markdown `References` heading. */
const ENGLISH_LIST = [
  '## References',
  '',
  '1. Manfredi A, Sebastiani M, Cassone G, et al. Tocilizumab for the treatment of patients with rheumatoid arthritis.',
  '2. Khanna D, Lin CJF, Furst DE, et al. Long-term safety and efficacy of tocilizumab.',
  '3. Illei GG, Shirota Y, Yarboro CH, et al. Tocilizumab in systemic lupus erythematosus.',
];

testRule('citation/out-of-range', {
  valid: [
    {
      name: 'every citation form within a 参考文献 list',
      tables: {
        manuscript: manuscript('见[1]，[1,2]，[1–3]，[1]–[3]，[2] [3]，［3］，［1，2］，<sup>[2]</sup>，[1、3]。', '', ...CHINESE_LIST),
      },
    },
    {
      name: 'within a References list of `n.` entries',
      tables: { manuscript: manuscript('Manfredi et al. [1] and Khanna et al. [2, 3] reported.', '', ...ENGLISH_LIST) },
    },
    {
      name: 'no report when no list is known',
      tables: { manuscript: manuscript('Otsuji 等人[28]研究发现，12 例 RA-ILD 患者给予 TCZ 治疗[99]。') },
    },
    {
      name: 'no report when the heading has no numbered entry under it (an author–year list)',
      tables: { manuscript: manuscript('See [4].', '', 'References', '', 'Illei GG, Shirota Y (2010) Tocilizumab in SLE. Arthritis Rheum 62:542.') },
    },
  ],
  invalid: [
    {
      name: 'number 0',
      tables: { manuscript: manuscript('IL-6 是一种多效细胞因子[0]。', '', ...CHINESE_LIST) },
      diagnostics: [{ line: 1, column: 15, message: '[0] cites 0, but reference numbers start at 1' }],
    },
    {
      name: 'number 0 is reported even when no list is known',
      tables: { manuscript: manuscript('见[0-2]。') },
      diagnostics: [{ line: 1, column: 2, message: '[0-2] cites 0, but reference numbers start at 1' }],
    },
    {
      name: 'a number beyond a 参考文献 list, in half- and full-width brackets',
      tables: { manuscript: manuscript('CTD-ILD 的发病率约', '为 12.4%至 34% [4]。另见［5］。', '', ...CHINESE_LIST) },
      diagnostics: [
        { line: 2, column: 14, message: '[4] cites 4, but the reference list ends at 3' },
        { line: 2, column: 20, message: '［5］ cites 5, but the reference list ends at 3' },
      ],
    },
    {
      name: 'a number beyond a References list of `n.` entries',
      tables: { manuscript: manuscript('Smith et al. [3, 7] found no difference.', '', ...ENGLISH_LIST) },
      diagnostics: [{ line: 1, column: 14, message: '[3, 7] cites 7, but the reference list ends at 3' }],
    },
    {
      name: 'a range that runs past the end is one finding, not one per number',
      tables: { manuscript: manuscript('见[2-6]与[2]–[5]，以及[1,4,6]。', '', ...CHINESE_LIST) },
      diagnostics: [
        { line: 1, column: 2, message: '[2-6] cites 4–6, but the reference list ends at 3' },
        { line: 1, column: 8, message: '[2]–[5] cites 4, 5, but the reference list ends at 3' },
        { line: 1, column: 18, message: '[1,4,6] cites 4, 6, but the reference list ends at 3' },
      ],
    },
    {
      name: 'a superscript citation on a line after a blank line inside the paragraph',
      tables: { manuscript: manuscript('RA-ILD 的治疗一般优先选择阿巴西普', '', '和利妥昔单抗<sup>[12]</sup>。', '', ...ENGLISH_LIST) },
      diagnostics: [{ line: 3, column: 12, message: '[12] cites 12, but the reference list ends at 3' }],
    },
  ],
});

testRule('citation/out-of-range', {
  valid: [
    {
      name: 'a wrapped entry line starting with a year is not entry 2010',
      tables: { manuscript: 'As shown [2].\n\nReferences\n\n1. Smith J. A trial. J Test.\n2010. 62(2):542.\n2. Lee A. Another. J Test. 2021.\n' },
    },
  ],
  invalid: [
    {
      name: 'so a citation past the real end is still found',
      tables: { manuscript: 'As shown [3].\n\nReferences\n\n1. Smith J. A trial. J Test.\n2010. 62(2):542.\n2. Lee A. Another. J Test. 2021.\n' },
      diagnostics: [{ line: 1, column: 10, message: '[3] cites 3, but the reference list ends at 2' }],
    },
  ],
});
