// Controlled vocabularies (diseases, designs, outcomes ...) with English, Chinese and abbreviated aliases, extendable by a review.

import { nearest } from './nearest.ts';
import { parsed, rejected, tooLong } from './types.ts';
import type { Parsed } from './types.ts';

export const VOCABULARY_KINDS = ['disease', 'design', 'outcome', 'category', 'measure', 'analysis'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

/** A canonical term and the other ways papers write it. */
export interface VocabularyEntry {
  kind: VocabularyKind;
  term: string;
  aliases: string[];
  label?: { en: string; zh: string };
  /** For an outcome instrument specific to one disease (mRSS for SSc): that disease's canonical term. */
  disease?: string;
}

/** Resolves what a cell says to a canonical entry. */
export interface Vocabulary {
  /** The entry whose term or alias matches `raw`; on a miss, the reason and the nearest canonical term. */
  lookup(kind: VocabularyKind, raw: string): Parsed<VocabularyEntry>;
  /** Every entry of a kind, built-in first, in definition order. */
  entries(kind: VocabularyKind): readonly VocabularyEntry[];
}

type Label = { en: string; zh: string };

function entry(kind: VocabularyKind, term: string, aliases: string[], label?: Label, disease?: string): VocabularyEntry {
  const result: VocabularyEntry = { kind, term, aliases };
  if (label !== undefined) result.label = label;
  if (disease !== undefined) result.disease = disease;
  return result;
}

const disease = (term: string, aliases: string[], en: string, zh: string) => entry('disease', term, aliases, { en, zh });
const design = (term: string, aliases: string[], en: string, zh: string) => entry('design', term, aliases, { en, zh });
const outcome = (term: string, aliases: string[], en: string, zh: string, forDisease?: string) =>
  entry('outcome', term, aliases, { en, zh }, forDisease);
const category = (term: string, aliases: string[], en: string, zh: string) => entry('category', term, aliases, { en, zh });
const measure = (term: string, aliases: string[], en: string, zh: string) => entry('measure', term, aliases, { en, zh });
const analysis = (term: string, aliases: string[], en: string, zh: string) => entry('analysis', term, aliases, { en, zh });

/** The vocabularies every review starts with. */
export const builtinVocabulary: readonly VocabularyEntry[] = [
  disease('RA', ['rheumatoid arthritis', '类风湿关节炎', '类风湿性关节炎'], 'rheumatoid arthritis', '类风湿关节炎'),
  disease('SSc', ['systemic sclerosis', 'scleroderma', '系统性硬化症', '系统性硬化病', '硬皮病', 'dcSSc', 'lcSSc'], 'systemic sclerosis', '系统性硬化症'),
  disease('SLE', ['systemic lupus erythematosus', 'lupus', '系统性红斑狼疮', '红斑狼疮'], 'systemic lupus erythematosus', '系统性红斑狼疮'),
  disease(
    'IIM',
    ['idiopathic inflammatory myopathy', 'idiopathic inflammatory myopathies', 'myositis', 'dermatomyositis', 'polymyositis', 'DM', 'PM', '皮肌炎', '多发性肌炎', '特发性炎性肌病'],
    'idiopathic inflammatory myopathy',
    '特发性炎性肌病',
  ),
  disease('SjS', ["Sjögren's syndrome", 'Sjögren syndrome', 'Sjogren', 'pSS', 'primary Sjögren syndrome', '干燥综合征'], "Sjögren's syndrome", '干燥综合征'),
  disease('MCTD', ['mixed connective tissue disease', '混合性结缔组织病'], 'mixed connective tissue disease', '混合性结缔组织病'),
  disease('AAV', ['ANCA-associated vasculitis', '血管炎', 'ANCA相关性血管炎'], 'ANCA-associated vasculitis', 'ANCA相关性血管炎'),
  disease('CTD', ['connective tissue disease', '结缔组织病', 'unspecified'], 'connective tissue disease', '结缔组织病'),

  design('rct', ['randomised controlled trial', 'randomized controlled trial', 'RCT', '随机对照试验'], 'randomised controlled trial', '随机对照试验'),
  design('rct-extension', ['open-label extension', 'OLE', '开放标签扩展'], 'open-label extension of a randomised trial', '随机对照试验的开放标签扩展'),
  design('phase-1', ['phase I', 'phase 1', 'open-label phase I', 'dose-escalation', 'I期'], 'phase I trial', 'I期试验'),
  design('controlled-study', ['controlled study', 'non-randomised controlled', 'non-randomized controlled', '对照研究'], 'non-randomised controlled study', '非随机对照研究'),
  design('cohort-prospective', ['prospective cohort', 'prospective', '前瞻性研究', '前瞻性队列'], 'prospective cohort', '前瞻性队列研究'),
  design(
    'cohort-retrospective',
    ['retrospective', 'retrospective cohort', 'multicentre retrospective', 'multicenter retrospective', '回顾性研究', '回顾性队列'],
    'retrospective cohort',
    '回顾性队列研究',
  ),
  design('case-series', ['case series', '病例系列'], 'case series', '病例系列'),
  design('case-report', ['case report', 'single case', '病例报告', '个案报道'], 'case report', '病例报告'),
  design('cross-sectional', ['cross-sectional study', '横断面研究'], 'cross-sectional study', '横断面研究'),
  design('meta-analysis', ['systematic review', '系统综述', 'meta分析', 'Meta分析'], 'systematic review or meta-analysis', '系统综述或Meta分析'),
  design('unknown', ['not reported', 'NR', '未知', '未报告'], 'not reported', '未报告'),

  outcome('fvc', ['FVC', 'FVC % predicted', 'FVC%pred', 'forced vital capacity', '用力肺活量'], 'forced vital capacity', '用力肺活量'),
  outcome('dlco', ['DLCO', 'DLco % predicted', 'DLCO%pred', 'diffusing capacity', '肺一氧化碳弥散能力', '弥散功能'], 'diffusing capacity for carbon monoxide', '肺一氧化碳弥散量'),
  outcome('hrct', ['HRCT', 'high-resolution CT', '高分辨率CT'], 'high-resolution CT', '高分辨率CT'),
  outcome('lung_function', ['pulmonary function', 'lung function', '肺功能'], 'lung function', '肺功能'),
  outcome('ild_progression', ['ILD progression', 'ILD进展'], 'ILD progression', 'ILD进展'),
  outcome('mrss', ['mRSS', 'modified Rodnan skin score', '改良Rodnan皮肤评分', '改良罗德曼皮肤评分', '罗德曼评分'], 'modified Rodnan skin score', '改良Rodnan皮肤评分', 'SSc'),
  outcome('sledai', ['SLEDAI', 'SELENA-SLEDAI', 'SLEDAI-2K', 'SLE疾病活动指数'], 'SLE disease activity index', 'SLE疾病活动指数', 'SLE'),
  outcome('das28', ['DAS28', 'DAS28-ESR', 'DAS28-CRP'], 'disease activity score in 28 joints', '28个关节疾病活动度评分', 'RA'),
  outcome('cdai', ['CDAI', 'clinical disease activity index'], 'clinical disease activity index', '临床疾病活动指数', 'RA'),
  outcome('arthritis', ['关节炎'], 'arthritis', '关节炎'),
  outcome('musculoskeletal', ['musculoskeletal involvement', '肌肉骨骼受累'], 'musculoskeletal involvement', '肌肉骨骼受累'),
  outcome('joint', ['joint involvement', '关节受累'], 'joint involvement', '关节受累'),
  outcome('disease_activity', ['disease activity', '疾病活动度'], 'disease activity', '疾病活动度'),
  outcome('overall_improvement', ['overall improvement', 'clinical improvement', '病情改善'], 'overall improvement', '病情改善'),
  outcome('fever', ['发热', '体温'], 'fever', '发热'),
  outcome('sae', ['serious adverse events', 'serious adverse event', 'SAE', '严重不良事件'], 'serious adverse events', '严重不良事件'),
  outcome('adverse_events', ['adverse events', 'adverse event', 'AE', '不良事件', '副作用'], 'adverse events', '不良事件'),
  outcome('neutropenia', ['中性粒细胞减少'], 'neutropenia', '中性粒细胞减少'),
  outcome('infection', ['infections', '感染'], 'infection', '感染'),
  outcome('remission', ['缓解'], 'remission', '缓解'),
  outcome('completion', ['completed', '完成'], 'completion', '完成'),
  outcome('quality_of_life', ['quality of life', 'QoL', '生活质量'], 'quality of life', '生活质量'),

  category('stable', ['稳定', 'unchanged'], 'stable', '稳定'),
  category('improved', ['改善', 'better', '好转'], 'improved', '改善'),
  category('worse', ['worsened', 'deteriorated', '恶化', '加重'], 'worse', '恶化'),
  category('remission', ['缓解'], 'remission', '缓解'),
  category('resolved', ['消退', '痊愈'], 'resolved', '消退'),
  category('responder', ['response', '应答'], 'responder', '应答'),
  category('non-responder', ['non-response', '无应答'], 'non-responder', '无应答'),

  measure('mean_change', ['change from baseline', '平均变化'], 'mean change', '平均变化'),
  measure('mean', ['均值', '平均值'], 'mean', '均值'),
  measure('median', ['中位数'], 'median', '中位数'),
  measure('median_change', ['中位变化'], 'median change', '中位变化'),
  measure('count', ['n', 'number', '例数'], 'count', '例数'),
  measure('percent', ['%', 'proportion', '百分比'], 'percent', '百分比'),
  measure('rate_per_100py', ['per 100 patient-years', '/100PY', '每100患者年'], 'rate per 100 patient-years', '每100患者年发生率'),
  measure('value', ['数值'], 'value', '数值'),
  // Contrasts a paper reports between two arms (arm `EXPERIMENTAL vs CONTROL`); ratios as printed, not logged.
  measure('hr', ['hazard_ratio', 'hazard ratio', '风险比'], 'hazard ratio', '风险比'),
  measure('or', ['odds_ratio', 'odds ratio', '比值比'], 'odds ratio', '比值比'),
  measure('rr', ['risk_ratio', 'risk ratio', 'relative risk', '相对危险度', '相对风险'], 'risk ratio', '相对危险度'),
  measure('irr', ['incidence rate ratio', 'rate ratio', '发病率比'], 'incidence rate ratio', '发病率比'),
  measure('rd', ['risk difference', '率差', '危险差'], 'risk difference', '率差'),
  measure('md', ['mean_difference', 'mean difference', '均数差', '均差'], 'mean difference', '均数差'),
  measure('smd', ['standardised mean difference', 'standardized mean difference', '标准化均数差'], 'standardised mean difference', '标准化均数差'),

  analysis('itt', ['intention to treat', 'ITT', '意向性分析'], 'intention to treat', '意向性分析'),
  analysis('mitt', ['modified intention to treat', 'modified ITT'], 'modified intention to treat', '改良意向性分析'),
  analysis('completers', ['completer', '完成者'], 'completers', '完成者'),
  analysis('per_protocol', ['per protocol', 'PP', '符合方案分析'], 'per protocol', '符合方案分析'),
  analysis('post_hoc', ['post hoc', 'post-hoc', '事后分析'], 'post hoc', '事后分析'),
  analysis('safety', ['safety population', 'safety set', '安全性人群'], 'safety population', '安全性人群'),
  analysis('as_reported', ['unspecified', 'as reported'], 'as reported', '按原文'),
];

// Spaces, hyphens, underscores and apostrophes vary between papers without changing the term.
const KEY_NOISE = /[\s\-_'’‐‑–]+/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7F]/;
// The longest text looked up as a term: 1,000 characters (the longest built-in term is a few dozen).
const MAX_TERM_LENGTH = 1_000;

/**
 * The form terms are compared in: compatibility-decomposed (full-width → ASCII), diacritics and
 * noise characters removed, lower-cased. "Sjögren's syndrome" and "SJOGRENS-SYNDROME" share a key.
 */
export function vocabularyKey(raw: string): string {
  // Decomposition is the costly step and changes nothing in ASCII text, which most cells are.
  const decomposed = NON_ASCII.test(raw) ? raw.normalize('NFKD').replace(COMBINING_MARKS, '') : raw;
  return decomposed.toLowerCase().replace(KEY_NOISE, '');
}

/** One kind's index, built once per vocabulary so that a lookup is one or two Map reads. */
interface KindIndex {
  entries: VocabularyEntry[];
  /** Terms and aliases exactly as defined, which spares normalising cells written canonically. */
  byText: Map<string, VocabularyEntry>;
  byKey: Map<string, VocabularyEntry>;
  /** All keys, for suggestions; only used on a miss. */
  keys: string[];
}

/**
 * Builds a vocabulary from the built-in entries and a review's own. An extra entry whose term
 * (by key) is already defined for its kind adds its aliases to that entry, and supplies a label or
 * disease only where the entry has none. When two entries claim the same alias, the later one wins,
 * so a review can redirect a built-in alias; a canonical term always resolves to its own entry.
 */
/** A term's English label, for a message: the term itself when the vocabulary does not know it or has no label. */
export function englishLabel(vocabulary: Vocabulary, kind: VocabularyKind, term: string): string {
  const entry = vocabulary.lookup(kind, term);
  return entry.ok ? (entry.value.label?.en ?? term) : term;
}

export function createVocabulary(extra: readonly VocabularyEntry[] = []): Vocabulary {
  const indexes = new Map<VocabularyKind, KindIndex>();
  for (const kind of VOCABULARY_KINDS) indexes.set(kind, indexKind(mergedEntries(kind, extra)));

  return {
    lookup(kind, raw) {
      const index = indexes.get(kind);
      if (index === undefined) return rejected(`'${kind}' is not a vocabulary kind`);
      // Before any key is made: decomposing and comparing a 10 MB cell took seconds, and its reason quoted all of it.
      const long = tooLong(raw, MAX_TERM_LENGTH, 'a term is a few words');
      if (long !== undefined) return long;
      const found = index.byText.get(raw) ?? index.byKey.get(vocabularyKey(raw));
      return found === undefined ? miss(index, kind, raw) : parsed(found);
    },
    entries(kind) {
      return indexes.get(kind)?.entries ?? [];
    },
  };
}

function mergedEntries(kind: VocabularyKind, extra: readonly VocabularyEntry[]): VocabularyEntry[] {
  const byTerm = new Map<string, VocabularyEntry>();
  for (const source of [...builtinVocabulary, ...extra]) {
    if (source.kind !== kind) continue;
    const termKey = vocabularyKey(source.term);
    const existing = byTerm.get(termKey);
    if (existing === undefined) byTerm.set(termKey, { ...source, aliases: [...source.aliases] });
    else mergeInto(existing, source);
  }
  return [...byTerm.values()];
}

// Entries here are the vocabulary's own copies, so filling them in does not touch the caller's objects.
function mergeInto(target: VocabularyEntry, source: VocabularyEntry): void {
  const known = new Set(target.aliases.map(vocabularyKey));
  for (const alias of source.aliases) {
    const key = vocabularyKey(alias);
    if (known.has(key)) continue;
    known.add(key);
    target.aliases.push(alias);
  }
  if (target.label === undefined && source.label !== undefined) target.label = source.label;
  if (target.disease === undefined && source.disease !== undefined) target.disease = source.disease;
}

function indexKind(entries: VocabularyEntry[]): KindIndex {
  const byText = new Map<string, VocabularyEntry>();
  const byKey = new Map<string, VocabularyEntry>();
  for (const item of entries) {
    for (const alias of item.aliases) {
      byText.set(alias, item);
      byKey.set(vocabularyKey(alias), item);
    }
  }
  // Terms last, so that no alias can shadow a canonical term.
  for (const item of entries) {
    byText.set(item.term, item);
    byKey.set(vocabularyKey(item.term), item);
  }
  return { entries, byText, byKey, keys: [...byKey.keys()] };
}

function miss(index: KindIndex, kind: VocabularyKind, raw: string): Parsed<VocabularyEntry> {
  const reason = `'${raw.trim()}' is not a known ${kind}`;
  const key = nearest(vocabularyKey(raw), index.keys);
  const suggestion = key === undefined ? undefined : index.byKey.get(key)?.term;
  return rejected(reason, suggestion);
}
