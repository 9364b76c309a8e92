// Tests for claim/design: a design named stronger than the study's (a case report as 一项研究, a cohort as a trial, a non-randomised study as randomised).
import { testRule } from '../../helpers/rule-tester.ts';

// Designs as the seed's records/studies.csv gives them (kudsi2023 a case report, manfredi2020 a retrospective cohort).
const REFERENCES = 'id,status\nkudsi2023,verified\nmanfredi2020,verified\nkhanna2022,verified\notsuji,unverified\nma-chaoyi,verified\n';
const STUDIES = [
  'id,reference_id,disease,design',
  'kudsi2023,kudsi2023,SSc,case-report',
  'manfredi2020,manfredi2020,RA,cohort-retrospective',
  'khanna2022,khanna2022,SSc,rct-extension',
  'otsuji,otsuji,RA,unknown',
  'ma-chaoyi,ma-chaoyi,SLE,case-series',
].join('\n') + '\n';
const tables = (template: string) => ({ references: REFERENCES, studies: STUDIES, templates: { 'review.hbs': template } });

testRule('claim/design', {
  valid: [
    { name: 'a case report called a case', tables: tables('<p>Kudsi M 等人{{cite "kudsi2023"}}报告了一例 SSc-ILD 患者。该病例表明 TCZ 可能有效。</p>') },
    { name: 'a retrospective cohort called a retrospective study', tables: tables('<p>该回顾性研究{{cite "manfredi2020"}}表明，TCZ 在 RA-ILD 患者中表现出良好的安全性。</p>') },
    { name: 'an open-label extension of a randomised trial called a trial', tables: tables('<p>Khanna D 等人{{cite "khanna2022"}}在一项随机对照试验的开放标签扩展中发现 FVC 下降减缓。</p>') },
    { name: 'a case series may be called a study', tables: tables('<p>Ma Chaoyi 等人{{cite "ma-chaoyi"}}报告了 2 例患者。该研究表明，TCZ 可能是替代治疗方法。</p>') },
    { name: 'a design the records do not know is not judged', tables: tables('<p>Otsuji 等人{{cite "otsuji"}}一项随机对照试验发现疾病活动性改善。</p>') },
    { name: '非随机 names no randomised design', tables: tables('<p>一项非随机对照研究{{cite "manfredi2020"}}纳入了 RA-ILD 患者。</p>') },
    { name: '试验组 is an arm, not a trial', tables: tables('<p>试验组{{cite "manfredi2020"}}的 FVC 保持稳定。</p>') },
    { name: 'a sentence with no study is not judged, and 该研究 does not reach past its paragraph', tables: tables('<p>Kudsi M 等人{{cite "kudsi2023"}}报告了一例患者。</p><p>该研究证实了疗效。</p>') },
  ],
  invalid: [
    {
      name: "the seed review: Kudsi's case report as 一项研究, then 该研究 (said once)",
      tables: tables('<p>近期，Kudsi M 等人{{cite "kudsi2023"}}进行了一项研究，发现评分下降。\n该研究证实了 TCZ 可能有效且相当安全。</p>'),
      diagnostics: [{ line: 1, column: 40, message: '一项研究 but kudsi2023 is a case report' }],
    },
    {
      name: 'a sentence without a call takes its study from the sentence before through 该研究',
      tables: tables('<p>Kudsi M 等人{{cite "kudsi2023"}}报告了一例患者。\n该研究发现评分下降。</p>'),
      diagnostics: [{ line: 2, column: 1, message: '该研究 but kudsi2023 is a case report' }],
    },
    {
      name: 'a retrospective cohort called a randomised trial, in English',
      tables: tables('<p>A randomised controlled trial {{cite "manfredi2020"}} followed 28 patients.</p>'),
      diagnostics: [{ line: 1, column: 6, message: 'randomised controlled trial but manfredi2020 is a retrospective cohort' }],
    },
    {
      name: 'a cohort called a trial',
      tables: tables('<p>Manfredi 等{{cite "manfredi2020"}}的临床试验纳入了 28 名患者。</p>'),
      diagnostics: [{ line: 1, column: 38, message: '临床试验 but manfredi2020 is a retrospective cohort' }],
    },
  ],
});
