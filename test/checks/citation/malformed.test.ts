// Tests for citation/malformed: in-text citations of a hand-numbered manuscript that cannot be read.
import { testRule } from '../../helpers/rule-tester.ts';

/** A manuscript from its lines. */
function manuscript(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

testRule('citation/malformed', {
  valid: [
    {
      name: 'every citation form of the brief',
      tables: {
        manuscript: manuscript(
          '单篇[1]，两篇[2,3]，带空格[4, 5]，范围[6-8]，短横范围[9–11]，跨括号范围[12]–[14]，相邻[15] [16]。',
          '全角［17］与［18，19］，上标<sup>[20]</sup>，顿号[21、22]，全角数字［２３］。',
        ),
      },
    },
    {
      name: 'a sentence broken across lines, with a blank line inside the paragraph (as the published review is)',
      tables: {
        manuscript: manuscript(
          'CTD-ILD 的治疗旨在减轻炎症、控制免疫反应、减缓纤维化进程，并改善患者的呼吸功能和生活质',
          '',
          '量[3]。治疗 CTD-ILD 的常用策略包括：一、免疫抑制剂[4]；以及 SSc-ILD 的下降[37] ',
          '[38]。',
        ),
      },
    },
    {
      name: 'brackets that hold words are not citations',
      tables: { manuscript: manuscript('见[附表 1]、[n=12]、[95% CI] 与 [a]。Markdown 链接 [文献](https://example.org) 也不是。') },
    },
    {
      name: 'the reference list is not read as citations',
      tables: { manuscript: manuscript('正文[1]。', '', '参考文献', '', '[1] ILLEI G G, SHIROTA Y. [J]. 2010, 62(2): 542-552.') },
    },
  ],
  invalid: [
    {
      name: 'a range that runs backwards',
      tables: { manuscript: manuscript('平均生存期为 5~8 年[14–12]。') },
      diagnostics: [{ line: 1, column: 13, message: '[14–12] cannot be read: the range 14–12 runs backwards' }],
    },
    {
      name: 'an empty item between separators, half- and full-width',
      tables: { manuscript: manuscript('危险因素较多[3,,4]。', '另见［3，，4］。') },
      diagnostics: [
        { line: 1, column: 7, message: '[3,,4] cannot be read: an empty item between separators' },
        { line: 2, column: 3, message: '［3，，4］ cannot be read: an empty item between separators' },
      ],
    },
    {
      name: 'a range with no end, and a trailing separator',
      tables: { manuscript: manuscript('RA-ILD 的治疗[3-]，另见[5,]。') },
      diagnostics: [
        { line: 1, column: 11, message: "[3-] cannot be read: '3-' is not a number or a range" },
        { line: 1, column: 18, message: '[5,] cannot be read: an empty item between separators' },
      ],
    },
    {
      name: 'two numbers with only a space between them',
      tables: { manuscript: manuscript('Smith et al. [3 4] found no difference.') },
      diagnostics: [{ line: 1, column: 14, message: "[3 4] cannot be read: '3 4' is not a number or a range" }],
    },
    {
      name: 'a range across two brackets that runs backwards',
      tables: { manuscript: manuscript('导致感染并发症而死亡[14]–[12]。') },
      diagnostics: [{ line: 1, column: 11, message: '[14]–[12] cannot be read: the range 14–12 runs backwards' }],
    },
    {
      name: 'an implausibly long range (a typo for 10–12)',
      tables: { manuscript: manuscript('见<sup>[10-1200]</sup>。') },
      diagnostics: [{ line: 1, column: 7, message: '[10-1200] cannot be read: the range 10–1200 is implausibly long' }],
    },
    {
      name: 'the place is the opening bracket, after a line break and a blank line inside the paragraph',
      tables: {
        manuscript: manuscript(
          '研究显示，RA-ILD的患病率约为 20%，占所有RA患者死亡率的 10%~20%，',
          '',
          '平均生存期为 5~8 年[14] [15,,16]。',
        ),
      },
      diagnostics: [{ line: 3, column: 18, message: '[15,,16] cannot be read: an empty item between separators' }],
    },
  ],
});
