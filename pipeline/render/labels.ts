// The fixed words of rendered documents, in Chinese and English (`--lang`); vocabulary terms carry their own labels.
import type { Lang } from './format.ts';

const LABELS = {
  references: { zh: '参考文献', en: 'References' },
  changes: { zh: '本次更新', en: 'What changed' },
  evidenceTable: { zh: '纳入研究的证据表', en: 'Evidence table of the included studies' },
  tableNumber: { zh: '表 1', en: 'Table 1' },
  study: { zh: '研究', en: 'Study' },
  design: { zh: '设计', en: 'Design' },
  n: { zh: '例数', en: 'n' },
  regimen: { zh: '用法用量', en: 'Regimen' },
  comparator: { zh: '对照', en: 'Comparator' },
  followUp: { zh: '随访', en: 'Follow-up' },
  lungOutcomes: { zh: '肺部结局 (FVC, DLCO, HRCT)', en: 'Lung outcomes (FVC, DLCO, HRCT)' },
  otherOutcomes: { zh: '其他结局', en: 'Other outcomes' },
  safety: { zh: '安全性', en: 'Safety' },
  conclusion: { zh: '综述结论', en: "Review's conclusion" },
  status: { zh: '核实状态', en: 'Verification' },
  verified: { zh: '已核实', en: 'verified' },
  unverified: { zh: '未核实', en: 'unverified' },
  unresolved: { zh: '未解决', en: 'unresolved' },
  notReported: { zh: '未报告', en: 'not reported' },
  unidentified: { zh: '未识别的研究', en: 'Unidentified study' },
  tableNote: {
    zh: '数值取自原始文献（原始文献未找到时取自综述原文）；“未核实”“未解决”的文献尚未与公开记录核对。n：纳入例数（括号内为分析例数）。',
    en: 'Figures are taken from the primary papers (from the review itself where the paper was not found); unverified and unresolved references have not been checked against a public record. n: enrolled (analysed).',
  },
  firstBuild: { zh: '首次生成：没有可比较的上一版本。', en: 'First build: there is no earlier version to compare with.' },
  noChanges: { zh: '与上一版本相比，研究、结局与参考文献均无变化。', en: 'No study, outcome or reference changed since the last version.' },
  added: { zh: '新增', en: 'Added' },
  removed: { zh: '删除', en: 'Removed' },
  changed: { zh: '修改', en: 'Changed' },
  studyNoun: { zh: '研究', en: 'study' },
  outcomeNoun: { zh: '结局', en: 'outcome' },
  referenceNoun: { zh: '参考文献', en: 'reference' },
  page: { zh: '第 {page} 页 / 共 {pages} 页', en: 'Page {page} of {pages}' },
  to: { zh: '至', en: 'to' },
  versus: { zh: '对', en: 'vs' },
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

export function isLabelKey(key: string): key is LabelKey {
  return key in LABELS;
}
