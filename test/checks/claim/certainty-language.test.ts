// Tests for claim/certainty-language: 证实 / proves / confirms said of one case, one case series or one uncontrolled study.
import { testRule } from '../../helpers/rule-tester.ts';

// Designs as the seed's records/studies.csv gives them; chen-jianfeng's comparator is the control group its sentence names.
const REFERENCES = 'id,status\nkudsi2023,verified\nmanfredi2020,verified\nkhanna2022,verified\nchen-jianfeng,unverified\n';
const STUDIES = [
  'id,reference_id,disease,design,comparator',
  'kudsi2023,kudsi2023,SSc,case-report,',
  'manfredi2020,manfredi2020,RA,cohort-retrospective,',
  'khanna2022,khanna2022,SSc,rct-extension,placebo',
  'chen-jianfeng,chen-jianfeng,SLE,controlled-study,对照组',
].join('\n') + '\n';
const tables = (template: string) => ({ references: REFERENCES, studies: STUDIES, templates: { 'review.hbs': template } });

testRule('claim/certainty-language', {
  valid: [
    { name: 'the seed review: 该结果证实 of a randomised trial and its extension', tables: tables('<p>Khanna D 等人{{cite "khanna2022"}}报告了 FVC 变化。\n该结果证实，TCZ 保护了 SSc 患者的肺功能。</p>') },
    { name: 'a controlled study', tables: tables('<p>陈建锋等{{cite "chen-jianfeng"}}证实 TCZ 可以改善 SLE 患者的整体症状。</p>') },
    { name: 'hedged words are not proof words (表明, 提示, may, suggests)', tables: tables('<p>Kudsi M 等人{{cite "kudsi2023"}}的病例提示 TCZ 可能有效。该病例表明 TCZ 相当安全。This case suggests TCZ may help.</p>') },
    { name: 'a proof still wanted is not a claim (有待证实, 尚未证实, remains to be confirmed)', tables: tables('<p>Kudsi M 等人{{cite "kudsi2023"}}的发现有待证实。</p><p>该病例{{cite "kudsi2023"}}的疗效尚未得到证实。</p><p>The benefit {{cite "kudsi2023"}} remains to be confirmed.</p>') },
    { name: 'several studies together are not judged', tables: tables('<p>多项研究{{cite "kudsi2023" "khanna2022"}}证实了疗效。</p>') },
  ],
  invalid: [
    {
      name: "the seed review: 该研究证实 of Kudsi's single case",
      tables: tables('<p>近期，Kudsi M 等人{{cite "kudsi2023"}}进行了一项研究，发现评分下降。\n该研究证实了 TCZ 可能有效且相当安全。</p>'),
      diagnostics: [{ line: 2, column: 4, message: '证实 but the evidence is one case report (kudsi2023)' }],
    },
    {
      name: 'confirms, of an uncontrolled cohort',
      tables: tables('<p>This cohort {{cite "manfredi2020"}} confirms that TCZ stabilises the lung.</p>'),
      diagnostics: [{ line: 1, column: 40, message: 'confirms but the evidence is one uncontrolled retrospective cohort (manfredi2020)' }],
    },
  ],
});
