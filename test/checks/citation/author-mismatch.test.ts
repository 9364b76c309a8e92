// Tests for citation/author-mismatch: the author a sentence names at a citation is not the cited work's first author, or one work is credited to two people.
import { testRule } from '../../helpers/rule-tester.ts';

/** A manuscript from its lines. */
function manuscript(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** The published review's list for the works it credits by name, in GB/T 7714 style (capitals, spaced initials). */
const GBT_LIST = [
  '参考文献',
  '',
  '[27] MANFREDI A, SEBASTIANI M, CASSONE G, et al. Tocilizumab for the treatment of patients with rheumatoid arthritis and',
  'interstitial lung diseases: a case series[J]. Clin Exp Rheumatol, 2018, 36(2): 342.',
  '[41] KHANNA D, LIN C J F, FURST D E, et al. Long-term safety and efficacy of tocilizumab in early systemic sclerosis–interstitial',
  'lung disease[J]. Am J Respir Crit Care Med, 2022, 205(6): 674-684.',
  '[44] ILLEI G G, SHIROTA Y, YARBORO C H, et al. Tocilizumab in systemic lupus erythematosus[J]. Arthritis Rheum, 2010, 62(2): 542-552.',
  '[46] MA C, 等. [Z].',
  '[47] 陈建锋, 等. [Z].',
];

/** A Vancouver list under a Markdown heading, with `n.` entries. */
const ENGLISH_LIST = ['## References', '', '3. Smith J, Doe A. A trial. Lancet. 2020;1:1.', '4. Jones B, Roe C. A cohort. BMJ. 2021;2:2.'];

const REFERENCES_CSV = 'id,number,authors,status\nillei2010,44,Illei GG; Shirota Y; Yarboro CH,verified\nmanfredi2018,27,Manfredi A; Sebastiani M,verified\n';

testRule('citation/author-mismatch', {
  valid: [
    {
      name: 'the published review: Latin and Chinese credits, given-first names, names and markers on two lines',
      tables: {
        manuscript: manuscript(
          '2018 年，Manfredi 等人[27]报告了 4 例接受 TCZ 单药治疗的 RA-ILD 患者。Khanna D 等人[41]招募了患有弥漫性皮肤 SSc 的成人。',
          '早期，Gabor G Illei',
          '等人[44]在一项开放标签 I 期剂量递增研究中发现，15 例患者中，有 8 例患者的 SLEDAI 评分降低。近期，Ma Chaoyi',
          '等人[46]报告了两例持续高热合并 SLE 患者。陈建锋等研究发现，TCZ 可以显著改善 SLE 患者的整体',
          '',
          '症状和生活质量，减轻关节炎和皮疹等症状[47]。',
          '',
          ...GBT_LIST,
        ),
      },
    },
    {
      name: 'English credits: "et al." and "and colleagues"',
      tables: { manuscript: manuscript('Smith et al. [3] found no difference, whereas Jones and colleagues [4] did.', '', ...ENGLISH_LIST) },
    },
    {
      name: 'a credit in one sentence does not leak to a citation in the next',
      tables: {
        manuscript: manuscript(
          'Manfredi 等人报告了 4 例 RA-ILD 患者，ILD 稳定或改善。随后的研究[44]发现 TCZ 可以安全使用。',
          'Smith et al. reported two cases. A later cohort [4] confirmed it.',
          '',
          ...GBT_LIST,
          '[3] SMITH J. [J].',
          '[4] JONES B. [J].',
        ),
      },
    },
    {
      name: '"皮疹等症状" is not a credit',
      tables: { manuscript: manuscript('TCZ 可以减轻关节炎和皮疹等症状[47]。', '', ...GBT_LIST) },
    },
    {
      name: 'a citation of several works is not checked',
      tables: { manuscript: manuscript('Shirota 等人[44,46]的研究表明 TCZ 有效。', '', ...GBT_LIST) },
    },
    {
      name: 'one work credited twice to the same person, spelt two ways, when no list gives its first author',
      tables: { manuscript: manuscript('早期，Gabor G Illei 等人[44]发现关节炎改善。', 'Illei GG 等人[44]还发现浆细胞减少。') },
    },
    {
      name: 'a template credit that names the first author of the cited id',
      tables: { references: REFERENCES_CSV, templates: { 'review.hbs': '早期，Gabor G Illei 等人{{cite "illei2010"}}在一项开放标签 I 期研究中发现……\n' } },
    },
  ],
  invalid: [
    {
      name: 'the published review credits [44] to its second author (GB/T list: capitals, spaced initials)',
      tables: {
        manuscript: manuscript(
          '较对照组明显降低。同时，Shirota 研究表明 TCZ 可以减少 SLE 患者的内脏器官损伤风险，特别是肾炎',
          '',
          '和心脏病变[44]。',
          '',
          ...GBT_LIST,
        ),
      },
      diagnostics: [{ line: 3, column: 6, message: '[44] is credited to Shirota, but the first author of reference 44 is Illei G G' }],
    },
    {
      name: 'a Chinese credit at the end of the sentence, and a family name with the wrong initial',
      tables: {
        manuscript: manuscript('陈建锋等研究发现，TCZ 可以显著改善 SLE 患者的整体症状[46]。Manfredi B 等人[27]招募了 28 名患者。', '', ...GBT_LIST),
      },
      diagnostics: [
        { line: 1, column: 32, message: '[46] is credited to 陈建锋, but the first author of reference 46 is Ma C' },
        { line: 1, column: 50, message: '[27] is credited to Manfredi B, but the first author of reference 27 is Manfredi A' },
      ],
    },
    {
      name: 'English credits against a References list of `n.` entries',
      tables: { manuscript: manuscript('Jones et al. [3] found no difference, whereas Smith and colleagues [4] did.', '', ...ENGLISH_LIST) },
      diagnostics: [
        { line: 1, column: 14, message: '[3] is credited to Jones, but the first author of reference 3 is Smith J' },
        { line: 1, column: 68, message: '[4] is credited to Smith, but the first author of reference 4 is Jones B' },
      ],
    },
    {
      name: 'one number credited to two people when the manuscript has no list (the published review without its list)',
      tables: {
        manuscript: manuscript(
          '早期，Gabor G Illei',
          '等人[44]在一项开放标签 I 期剂量递增研究中发现，15 例患者中有 8 例改善。',
          '同时，Shirota 研究表明 TCZ 可以减少 SLE 患者的内脏器官损伤风险，特别是肾炎',
          '',
          '和心脏病变[44]。',
        ),
      },
      diagnostics: [{ line: 5, column: 6, message: '[44] is credited to Shirota here but to Gabor G Illei on line 2' }],
    },
    {
      name: 'one number credited to two people when its list entry names no author',
      tables: {
        manuscript: manuscript('Otsuji 等人[28]研究发现 TCZ 可显著改善 RA 的疾病活动性。Manfredi 等[28]招募了 28 名患者。', '', '参考文献', '[28] 文献信息未找到 〔未解决〕'),
      },
      diagnostics: [
        { line: 1, column: 49, message: '[28] is credited to Manfredi here but to Otsuji on line 1' },
        { line: 4, column: 1, message: 'author credits at [28] cannot be checked: the reference list gives no first author for it' },
      ],
    },
    {
      name: 'the first author from references.csv by number, when the manuscript has no list',
      tables: { references: REFERENCES_CSV, manuscript: manuscript('Manfredi 等人[27]报告了 4 例。同时，Shirota 研究表明 TCZ 可以减少肾炎[44]。') },
      diagnostics: [{ line: 1, column: 50, message: '[44] is credited to Shirota, but the first author of reference 44 is Illei GG' }],
    },
    {
      name: 'a template credits an id to its second author: reported at the {{cite',
      tables: {
        references: REFERENCES_CSV,
        templates: { 'review.hbs': '<p>同时，Shirota 研究表明 TCZ 可以减少 SLE 患者的内脏器官损伤风险，\n特别是肾炎和心脏病变{{cite "illei2010"}}。</p>\n' },
      },
      diagnostics: [
        {
          line: 2,
          column: 11,
          file: 'review.hbs',
          message: '{{cite "illei2010"}} is credited to Shirota, but the first author of reference illei2010 is Illei GG',
        },
      ],
    },
  ],
});

testRule('citation/author-mismatch', {
  valid: [
    {
      name: 'words before the name ("Recently Smith et al.") still credit Smith',
      tables: { manuscript: 'Recently Smith et al. [1] showed it.\n\nReferences\n\n1. Smith J, Jones K. A trial. J Test. 2020.\n' },
    },
    {
      name: 'a list of conditions ending in 等 is not a person',
      tables: { manuscript: '危险因素包括吸烟、高血压等[1]。\n\n参考文献\n\n[1] 陈建锋, 等. 题目[J]. 期刊, 2020.\n' },
    },
  ],
  invalid: [],
});

/** A GB/T 7714 list with Chinese and Latin first authors, entries written `[n].` as the ChinaXiv reviews write them (made up for these tests). */
const MIXED_LIST = [
  '参考文献',
  '[1]. 马超逸, 陈建锋, 等. 托珠单抗治疗成人斯蒂尔病[J]. 中华风湿病学杂志, 2021, 25(1): 1-5.',
  '[2]. Davis JL， Miller DM， Ruiz p. Diagnostic testing of vitrectomy specimens[J]. Am J Ophthal,2005,140(5):822-829.',
  '[3]. CHEN J F, LI M. Tocilizumab in lupus[J]. Lupus, 2020, 29(1): 1-9.',
  '［4］ Quiroz-Mercado H，Rivera-Sempertegui J. Performing vitreous biopsy[J].AmJ Ophthalmol 2005;140(6):1161-1163.',
  '5. 林海燕，戴荣平等.65例诊断不明的葡萄膜炎患者玻璃体切割标本检查诊断结果分析 [J].中华眼底病杂志，2017,7(33):404-406',
];

testRule('citation/author-mismatch', {
  valid: [
    {
      name: 'Chinese credit forms: 等 without 人, 团队, 课题组, 等开展的……研究, 的研究; Latin names without a space before 等',
      tables: {
        manuscript: manuscript(
          '马超逸等[1]报告了两例。马超逸团队[1]随后又报告一例。Davis 课题组[2]提出 K:λ 比值。',
          '林海燕等开展的一项玻璃体切割研究[5]纳入 65 例。林海燕的研究[5]阳性率为 59.7%。Davis等[2]认为敏感性较高。',
          '',
          ...MIXED_LIST,
        ),
      },
    },
    {
      name: 'a Chinese author credited in pinyin, and a pinyin entry credited in characters, both ways',
      tables: { manuscript: manuscript('Ma Chaoyi 等人[1]报告了两例。Chen Jianfeng 等[3]发现改善。陈建锋等[3]也发现改善。Chaoyi Ma et al. [1] agree.', '', ...MIXED_LIST) },
    },
    {
      name: 'one part of a double family name ("Mercado" for Quiroz-Mercado H), and a name run into its citation ("Davis[2]等人")',
      tables: { manuscript: manuscript('Mercado等[4]提出使用重水。此外Davis[2]等人提出流式细胞分析。', '', ...MIXED_LIST) },
    },
    {
      name: 'conditions and devices before 等 are not people: 高血压等[1], 糖尿病等[1], Apple Watch 等设备[2]',
      tables: { manuscript: manuscript('危险因素包括，高血压等[1]。合并糖尿病等[1]。Apple Watch 等设备[2]可用于筛查。', '', ...MIXED_LIST) },
    },
  ],
  invalid: [
    {
      name: 'a wrong credit in each form',
      tables: {
        manuscript: manuscript('林海燕等[1]报告了两例。Miller等[2]提出比值。Ma Chaoxi 等人[1]报告。Li Ming 等[3]发现。陈建锋团队[4]提出。', '', ...MIXED_LIST),
      },
      diagnostics: [
        { line: 1, column: 5, message: '[1] is credited to 林海燕, but the first author of reference 1 is 马超逸' },
        { line: 1, column: 21, message: '[2] is credited to Miller, but the first author of reference 2 is Davis JL' },
        { line: 1, column: 41, message: '[1] is credited to Ma Chaoxi, but the first author of reference 1 is 马超逸' },
        { line: 1, column: 56, message: '[3] is credited to Li Ming, but the first author of reference 3 is Chen J F' },
        { line: 1, column: 67, message: '[4] is credited to 陈建锋, but the first author of reference 4 is Quiroz-Mercado H' },
      ],
    },
    {
      name: 'a list whose entries give no first author is said once, not silently passed',
      tables: { manuscript: manuscript('Smith 等[1]报告。Jones 等[2]发现。', '', '参考文献', '[1] 中国互联网络发展状况统计报告 [J].', '[2] ClinicalTrials.gov Identifier: NCT04093752.') },
      diagnostics: [{ line: 4, column: 1, message: 'author credits at [1, 2] cannot be checked: the reference list gives no first author for them' }],
    },
    {
      name: 'a list with nothing numbered under its heading is said once, at the first credit',
      tables: { manuscript: manuscript('Smith 等[1]报告。Jones 等[2]发现。', '', 'References', 'Smith J (2020) A trial. Lancet 1:1.') },
      diagnostics: [{ line: 1, column: 8, message: 'author credits at [1, 2] cannot be checked: the reference list has no numbered entries' }],
    },
  ],
});
