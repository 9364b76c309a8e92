// Risk-of-bias tools (RoB 2, ROBINS-I, RoB 1): their domains, judgement scales and the words (English, Chinese) that name them.
import { foldWord as fold, wordParser } from './words.ts';

export const BIAS_TOOLS = ['rob2', 'robins-i', 'rob1'] as const;
export type BiasTool = (typeof BIAS_TOOLS)[number];

export const parseBiasTool = wordParser<BiasTool>(
  {
    rob2: ['RoB 2', 'RoB 2.0', 'RoB2', 'Cochrane RoB 2', 'ROB 2 tool', 'ROB2'],
    'robins-i': ['ROBINS-I', 'ROBINS I', 'ROBINSI', 'robins'],
    rob1: ['RoB 1', 'RoB', 'Cochrane RoB', 'Cochrane risk of bias tool', 'Cochrane risk-of-bias tool', 'ROB1'],
  },
  'a risk-of-bias tool',
);

/** Every judgement word of the three tools; which a tool uses is `BIAS_SCALES[tool]`. */
export const JUDGEMENTS = ['low', 'some concerns', 'high', 'moderate', 'serious', 'critical', 'no information', 'unclear'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

export const parseJudgement = wordParser<Judgement>(
  {
    low: ['low risk', 'low risk of bias', '低', '低风险', '低偏倚风险', '低风险偏倚'],
    'some concerns': ['some concern', 'concerns', '存在一定风险', '有一定风险', '一定风险', '存在一些担忧', '部分担忧', '一些担忧', 'some'],
    high: ['high risk', 'high risk of bias', '高', '高风险', '高偏倚风险', '高风险偏倚'],
    moderate: ['moderate risk', '中等', '中等风险', '中度风险', '中风险'],
    serious: ['serious risk', '严重', '严重风险'],
    critical: ['critical risk', '极严重', '极严重风险', '危急风险', '关键风险'],
    'no information': ['no info', 'NI', '无信息', '信息不足', '缺乏信息'],
    unclear: ['unclear risk', '不清楚', '风险不清楚', '不确定', '不清楚风险', '未知风险'],
  },
  'a risk-of-bias judgement',
);

/** A tool's judgements from best to worst; words outside it (ROBINS-I's `no information`) rank nowhere. */
export const BIAS_SCALES: Readonly<Record<BiasTool, readonly Judgement[]>> = {
  rob2: ['low', 'some concerns', 'high'],
  'robins-i': ['low', 'moderate', 'serious', 'critical'],
  rob1: ['low', 'unclear', 'high'],
};

/** Judgements a tool allows besides its ranked scale. */
const UNRANKED: Readonly<Record<BiasTool, readonly Judgement[]>> = { rob2: [], 'robins-i': ['no information'], rob1: [] };

export function judgementsOf(tool: BiasTool): readonly Judgement[] {
  return [...BIAS_SCALES[tool], ...UNRANKED[tool]];
}

/** A domain of a tool: its key (`D1` …) and names (the tool's English wording; the Chinese in common use). */
export interface BiasDomain {
  id: string;
  en: string;
  zh: string;
}

/** The key of the overall judgement in `domain`. */
export const OVERALL = 'overall';
const OVERALL_NAMES = ['overall', 'overall bias', 'overall risk of bias', 'overall risk', '总体', '总体偏倚', '总体风险', '总体偏倚风险', '整体', '整体偏倚'];

export const BIAS_DOMAINS: Readonly<Record<BiasTool, readonly BiasDomain[]>> = {
  // Sterne JAC et al. RoB 2: a revised tool for assessing risk of bias in randomised trials. BMJ 2019;366:l4898.
  rob2: [
    { id: 'D1', en: 'Bias arising from the randomisation process', zh: '随机化过程产生的偏倚' },
    { id: 'D2', en: 'Bias due to deviations from intended interventions', zh: '偏离既定干预的偏倚' },
    { id: 'D3', en: 'Bias due to missing outcome data', zh: '结局数据缺失的偏倚' },
    { id: 'D4', en: 'Bias in measurement of the outcome', zh: '结局测量的偏倚' },
    { id: 'D5', en: 'Bias in selection of the reported result', zh: '选择性报告结果的偏倚' },
  ],
  // Sterne JAC et al. ROBINS-I: a tool for assessing risk of bias in non-randomised studies of interventions. BMJ 2016;355:i4919.
  'robins-i': [
    { id: 'D1', en: 'Bias due to confounding', zh: '混杂偏倚' },
    { id: 'D2', en: 'Bias in selection of participants into the study', zh: '研究对象选择偏倚' },
    { id: 'D3', en: 'Bias in classification of interventions', zh: '干预分类偏倚' },
    { id: 'D4', en: 'Bias due to deviations from intended interventions', zh: '偏离既定干预的偏倚' },
    { id: 'D5', en: 'Bias due to missing data', zh: '数据缺失偏倚' },
    { id: 'D6', en: 'Bias in measurement of outcomes', zh: '结局测量偏倚' },
    { id: 'D7', en: 'Bias in selection of the reported result', zh: '选择性报告结果的偏倚' },
  ],
  // Higgins JPT et al. The Cochrane Collaboration's tool for assessing risk of bias in randomised trials. BMJ 2011;343:d5928.
  rob1: [
    { id: 'D1', en: 'Random sequence generation', zh: '随机序列产生' },
    { id: 'D2', en: 'Allocation concealment', zh: '分配隐藏' },
    { id: 'D3', en: 'Blinding of participants and personnel', zh: '对受试者和研究人员施盲' },
    { id: 'D4', en: 'Blinding of outcome assessment', zh: '结局评价者施盲' },
    { id: 'D5', en: 'Incomplete outcome data', zh: '结局数据不完整' },
    { id: 'D6', en: 'Selective reporting', zh: '选择性报告' },
    { id: 'D7', en: 'Other bias', zh: '其他偏倚' },
  ],
};

/** A domain cell of a tool as its key (`D3`, or `overall`): the key itself, or one of the domain's names; undefined when the tool has no such domain. */
export function resolveDomain(tool: BiasTool, raw: string): string | undefined {
  const value = fold(raw);
  if (OVERALL_NAMES.includes(value)) return OVERALL;
  const found = BIAS_DOMAINS[tool].find((domain) => fold(domain.id) === value || fold(domain.en) === value || fold(domain.zh) === value);
  return found?.id;
}

/** The rank of a judgement on its tool's scale (0 best), or undefined for a word outside it. */
export function rankOf(tool: BiasTool, judgement: Judgement): number | undefined {
  const rank = BIAS_SCALES[tool].indexOf(judgement);
  return rank < 0 ? undefined : rank;
}
