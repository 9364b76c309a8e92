// Tests for citation/numbering-gap: in the order of first citation, the numbering jumps over numbers that are never cited.
import { testRule } from '../../helpers/rule-tester.ts';

/** A manuscript from its lines. */
function manuscript(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

testRule('citation/numbering-gap', {
  valid: [
    {
      name: 'in order through every citation form of the brief',
      tables: {
        manuscript: manuscript(
          '单篇[1]，两篇[2,3]，带空格[4, 5]，范围[6-8]，短横范围[9–11]，跨括号范围[12]–[14]，相邻[15] [16]。',
          '全角［17］与［18，19］，上标<sup>[20]</sup>，顿号[21、22]。',
        ),
      },
    },
    {
      name: 'repeated citations of earlier numbers',
      tables: { manuscript: manuscript('CTD-ILD 的治疗旨在减轻炎症[1]。常用策略包括免疫抑制剂[2]、支持性治疗[1]', '', '与抗纤维化治疗[1] [3]。') },
    },
    {
      name: 'a number cited before a smaller one that appears later is an order problem, not a gap',
      tables: { manuscript: manuscript('见[1]，随后[3]，再后[2]。') },
    },
    {
      name: 'numbers within one citation may be written in any order',
      tables: { manuscript: manuscript('见[1]，以及[3,2]。') },
    },
    {
      name: 'numbers cited after the last one are not a gap (reference/uncited reports list entries never cited)',
      tables: { manuscript: manuscript('见[1] [2]。', '', '参考文献', '[1] A', '[2] B', '[3] C') },
    },
    {
      name: 'a template cites ids, not numbers',
      tables: { templates: { 'review.hbs': 'Manfredi 等人{{cite "manfredi2018"}}报告了 4 例。\n' } },
    },
  ],
  invalid: [
    {
      name: 'a jump over a number never cited',
      tables: { manuscript: manuscript('ILD 是 RA 常见的表现之一[1]，一旦发生，将导致感', '', '染并发症而死亡[3] [4]。') },
      diagnostics: [{ line: 3, column: 8, message: '[3] jumps to 3 after 1; 2 is never cited' }],
    },
    {
      name: 'several numbers skipped, compacted into a range',
      tables: { manuscript: manuscript('Smith et al. [1] and Jones and colleagues [2, 7] disagreed.') },
      diagnostics: [{ line: 1, column: 43, message: '[2, 7] jumps to 7 after 2; 3–6 are never cited' }],
    },
    {
      name: 'a jump that is both: the skipped numbers cited later are left to citation/first-appearance-order',
      tables: { manuscript: manuscript('见[1]，随后[4]，再后[2]。') },
      diagnostics: [{ line: 1, column: 8, message: '[4] jumps to 4 after 1; 3 is never cited' }],
    },
    {
      name: 'the place is the opening bracket of a range across two brackets',
      tables: { manuscript: manuscript('见［1］，再见[3]–[5]。') },
      diagnostics: [{ line: 1, column: 8, message: '[3]–[5] jumps to 3 after 1; 2 is never cited' }],
    },
    {
      name: 'a jump from the start',
      tables: { manuscript: manuscript('<sup>[3]</sup> 之后是 [4]。') },
      diagnostics: [{ line: 1, column: 6, message: '[3] starts the numbering at 3; 1, 2 are never cited' }],
    },
  ],
});
