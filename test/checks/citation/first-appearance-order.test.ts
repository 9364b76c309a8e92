// Tests for citation/first-appearance-order: a reference number is first cited before a smaller one.
import { testRule } from '../../helpers/rule-tester.ts';

/** A manuscript from its lines. */
function manuscript(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

testRule('citation/first-appearance-order', {
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
      name: 'repeated citations of earlier numbers, across lines and a blank line inside the paragraph',
      tables: { manuscript: manuscript('导致 RA-ILD 的危险因素较多[1] [2]。近年来研究还发现，血清抗 CarP 抗体[3]', '', '等在 RA-ILD 的发病中起到一定作用[1] [2] [4]。') },
    },
    {
      name: 'a jump over a number never cited is a gap, not an order problem',
      tables: { manuscript: manuscript('见[1]，随后[3]，再后[4]。') },
    },
    {
      name: 'numbers within one citation may be written in any order',
      tables: { manuscript: manuscript('Smith et al. [1] and later trials [3, 2] agreed.') },
    },
    {
      name: 'a malformed citation is left to citation/malformed',
      tables: { manuscript: manuscript('见[1]，[14–12]，[2]。') },
    },
  ],
  invalid: [
    {
      name: 'a number cited before a smaller one that appears later',
      tables: { manuscript: manuscript('ILD 是 RA 常见的表现之一[1]，一旦发生，将导致感', '', '染并发症而死亡[3]。研究显示，RA-ILD的患病率约为 20% [2]。') },
      diagnostics: [{ line: 3, column: 8, message: '[3] cites 3 before 2 first appears; numbers should follow the order of first citation' }],
    },
    {
      name: 'several smaller numbers appear later',
      tables: { manuscript: manuscript('见[1]，随后［5］，再后[2]–[4]。') },
      diagnostics: [{ line: 1, column: 8, message: '［5］ cites 5 before 2–4 first appear; numbers should follow the order of first citation' }],
    },
    {
      name: 'a jump that is both: the numbers never cited are left to citation/numbering-gap',
      tables: { manuscript: manuscript('见[1]，随后[4]，再后[2]。') },
      diagnostics: [{ line: 1, column: 8, message: '[4] cites 4 before 2 first appears; numbers should follow the order of first citation' }],
    },
    {
      name: 'a number inserted at the front, as when a citation is added to a hand-numbered manuscript',
      tables: { manuscript: manuscript('Tocilizumab is an IL-6 receptor antagonist [3].', 'It was first tested in RA [1] and later in SSc [2].') },
      diagnostics: [{ line: 1, column: 44, message: '[3] cites 3 before 1, 2 first appear; numbers should follow the order of first citation' }],
    },
    {
      name: 'one citation holding a number that runs ahead',
      tables: { manuscript: manuscript('见[1]，以及<sup>[2, 5]</sup>，另见[3、4]。') },
      diagnostics: [{ line: 1, column: 13, message: '[2, 5] cites 5 before 3, 4 first appear; numbers should follow the order of first citation' }],
    },
  ],
});
