// The fixed words of rendered documents, in Chinese and English (`--lang`); vocabulary terms carry their own labels.
import type { Lang } from './format.ts';

const LABELS = {
  references: { zh: '参考文献', en: 'References' },
  changes: { zh: '本次更新', en: "What's new" },
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
  baseline: { zh: '基线', en: 'baseline' },
  day: { zh: '天', en: 'day' },
  days: { zh: '天', en: 'days' },
  week: { zh: '周', en: 'week' },
  weeks: { zh: '周', en: 'weeks' },
  month: { zh: '个月', en: 'month' },
  months: { zh: '个月', en: 'months' },
  year: { zh: '年', en: 'year' },
  years: { zh: '年', en: 'years' },
  tableNote: {
    zh: '数值取自原始文献（原始文献未找到时取自综述原文）；“未核实”“未解决”的文献尚未与公开记录核对。例数：纳入例数（括号内为分析例数）。',
    en: 'Figures are taken from the primary papers (from the review itself where the paper was not found); unverified and unresolved references have not been checked against a public record. n: enrolled (analysed).',
  },
  // "What's new" and the versions (changes.ts): {placeholders} are filled in; an English "a|b" is singular|plural.
  firstVersion: { zh: '这是本综述的第一个版本。', en: 'This is the first version of the review.' },
  noChanges: { zh: '与{since}相比，研究、结果与参考文献均无变化。', en: 'Nothing changed since {since}: no study, result or reference.' },
  changesSince: { zh: '与{since}相比：{changes}。', en: 'Since {since}: {changes}.' },
  sinceVersion: { zh: '第 {number} 版（{date}）', en: 'version {number} ({date})' },
  sinceRevision: { zh: '修订 {ref} ', en: 'revision {ref}' },
  sinceFile: { zh: '快照 {path} ', en: 'snapshot {path}' },
  studyAdded: { zh: '新增研究', en: 'New study' },
  studyRemoved: { zh: '删除研究', en: 'Study removed' },
  studyChanged: { zh: '研究更新', en: 'Study updated' },
  resultAdded: { zh: '新增结果', en: 'New result' },
  resultRemoved: { zh: '删除结果', en: 'Result removed' },
  resultChanged: { zh: '结果更新', en: 'Result changed' },
  pooledAdded: { zh: '新增合并分析', en: 'New pooled analysis' },
  pooledChanged: { zh: '合并结果更新', en: 'Pooled result changed' },
  pooledRemoved: { zh: '删除合并分析', en: 'Pooled analysis removed' },
  referenceAdded: { zh: '新增参考文献', en: 'New reference' },
  referenceRemoved: { zh: '删除参考文献', en: 'Reference removed' },
  referenceChanged: { zh: '参考文献更正', en: 'Reference corrected' },
  reportAdded: { zh: '新增报告', en: 'new report' },
  reportRemoved: { zh: '删除报告', en: 'report removed' },
  countStudiesAdded: { zh: '新增研究 {n} 项', en: '{n} study added|{n} studies added' },
  countStudiesRemoved: { zh: '删除研究 {n} 项', en: '{n} study removed|{n} studies removed' },
  countStudiesChanged: { zh: '研究更新 {n} 项', en: '{n} study updated|{n} studies updated' },
  countResultsAdded: { zh: '新增结果 {n} 项', en: '{n} result added|{n} results added' },
  countResultsRemoved: { zh: '删除结果 {n} 项', en: '{n} result removed|{n} results removed' },
  countResultsChanged: { zh: '结果更新 {n} 项', en: '{n} result changed|{n} results changed' },
  countReferencesAdded: { zh: '新增参考文献 {n} 篇', en: '{n} reference added|{n} references added' },
  countReferencesRemoved: { zh: '删除参考文献 {n} 篇', en: '{n} reference removed|{n} references removed' },
  countReferencesChanged: { zh: '参考文献更正 {n} 篇', en: '{n} reference corrected|{n} references corrected' },
  nAnalysed: { zh: '分析例数', en: 'n analysed' },
  authorsField: { zh: '作者', en: 'authors' },
  titleField: { zh: '题名', en: 'title' },
  journalField: { zh: '期刊', en: 'journal' },
  yearField: { zh: '年份', en: 'year' },
  volumeField: { zh: '卷', en: 'volume' },
  issueField: { zh: '期', en: 'issue' },
  pagesField: { zh: '页码', en: 'pages' },
  doiField: { zh: 'DOI', en: 'DOI' },
  pmidField: { zh: 'PMID', en: 'PMID' },
  unidentifiedReference: { zh: '未识别的文献', en: 'unidentified work' },
  version: { zh: '第 {number} 版，{date}', en: 'Version {number}, {date}' },
  draftVersion: { zh: '第 {number} 版草稿（尚未发布）', en: 'Draft of version {number} (not yet published)' },
  versionHistory: { zh: '版本历史', en: 'Version history' },
  historyEntry: { zh: '第 {number} 版，{date}：{what}', en: 'Version {number}, {date}: {what}' },
  historyFirst: { zh: '首个版本，纳入 {n} 项研究', en: 'first version, {n} study included|first version, {n} studies included' },
  historyStudiesAdded: { zh: '新增研究 {names}', en: 'new studies: {names}' },
  historyNoChange: { zh: '研究、结果与参考文献均无变化', en: 'no study, result or reference changed' },
  noVersions: { zh: '尚未发布任何版本。', en: 'No version has been published yet.' },
  page: { zh: '第 {page} 页 / 共 {pages} 页', en: 'Page {page} of {pages}' },
  to: { zh: '至', en: 'to' },
  versus: { zh: '对', en: 'vs' },
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

/** A label with its {placeholders} filled; an English `singular|plural` label is chosen by `n`. */
export function fillLabel(key: LabelKey, lang: Lang, values: Readonly<Record<string, string | number>>): string {
  const forms = label(key, lang).split('|');
  const form = (forms.length > 1 && values.n !== 1 ? forms[1] : forms[0]) as string;
  return form.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function isLabelKey(key: string): key is LabelKey {
  return key in LABELS;
}
