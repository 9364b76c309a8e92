// One synthetic study and the publication that reports it: a references.csv row, a studies.csv row and what its outcome rows need.
import type { Cell } from '../lib/csv-writer.ts';
import type { Random } from '../lib/random.ts';
import {
  CENTRE_KINDS,
  CHINESE_FAMILY_NAMES,
  CHINESE_FAMILY_PINYIN,
  CHINESE_GIVEN_CHARACTERS,
  CHINESE_JOURNALS,
  CITIES,
  COUNTRIES,
  DESIGNS,
  DISEASES,
  DRUGS,
  DURATIONS,
  ENGLISH_JOURNALS,
  INITIALS,
  LATIN_FAMILY_NAMES,
  type DesignInfo,
  type DiseaseInfo,
  type DrugInfo,
} from './pools.ts';

export const REFERENCE_COLUMNS = ['id', 'number', 'type', 'authors', 'title', 'journal', 'year', 'volume', 'issue', 'pages', 'doi', 'pmid', 'language', 'status', 'note'] as const;

export const STUDY_COLUMNS = [
  'id', 'reference_id', 'disease', 'design', 'country', 'centre', 'period', 'n_enrolled', 'n_analysed', 'population',
  'intervention', 'comparator', 'follow_up', 'registration', 'conclusion', 'note',
] as const;

/** What the outcome rows of a study are drawn from. */
export interface StudyPlan {
  id: string;
  disease: DiseaseInfo;
  design: DesignInfo;
  drug: DrugInfo;
  /** Arm names as outcomes.csv writes them, in the order of `armSizes`. */
  arms: string[];
  enrolled: number;
  /** Patients per arm (the denominators of its counts), in the order of `design.arms`. */
  armSizes: number[];
  /** The timepoints its outcomes are reported at. */
  timepoints: string[];
  chinese: boolean;
}

export interface SyntheticStudy {
  plan: StudyPlan;
  reference: Cell[];
  study: Cell[];
}

/** Study `index` (0-based); ids embed the index in base 36, so they are unique however names repeat. */
export function makeStudy(random: Random, index: number): SyntheticStudy {
  const disease = random.weighted(DISEASES);
  const design = random.weighted(DESIGNS);
  const drug = random.weighted(DRUGS);
  const chinese = random.chance(0.35);
  const authors = authorList(random, chinese);
  const year = random.int(2008, 2024);
  const id = `${idStem(authors.firstKey)}${year}-${index.toString(36)}`;
  const enrolled = random.int(design.enrolled[0], design.enrolled[1]);
  const analysed = enrolled <= 2 ? enrolled : enrolled - random.int(0, Math.floor(enrolled / 8));
  const arms = design.arms.map((arm) => arm.replace('DRUG', drug.code));
  const plan: StudyPlan = { id, disease, design, drug, arms, enrolled, armSizes: splitArms(analysed, arms.length), timepoints: timepoints(random), chinese };
  return { plan, reference: referenceRow(random, plan, index, authors.text, year), study: studyRow(random, plan, index, year, analysed) };
}

interface Authors {
  text: string;
  /** The first author's family name in ASCII, for the id. */
  firstKey: string;
}

function authorList(random: Random, chinese: boolean): Authors {
  const count = random.int(1, 6);
  const names: string[] = [];
  let firstKey = '';
  for (let i = 0; i < count; i++) {
    if (chinese) {
      const family = random.int(0, CHINESE_FAMILY_NAMES.length - 1);
      const given = Array.from({ length: random.int(1, 2) }, () => random.pick(CHINESE_GIVEN_CHARACTERS)).join('');
      names.push(`${CHINESE_FAMILY_NAMES[family]}${given}`);
      if (i === 0) firstKey = CHINESE_FAMILY_PINYIN[family] as string;
    } else {
      // Double-barrelled names (García-López) widen the pool, so study/possible-overlap warns about a few studies, not thousands.
      const family = random.chance(0.4) ? `${random.pick(LATIN_FAMILY_NAMES)}-${random.pick(LATIN_FAMILY_NAMES)}` : random.pick(LATIN_FAMILY_NAMES);
      const initials = Array.from({ length: random.int(1, 2) }, () => random.pick(INITIALS)).join('');
      names.push(`${family} ${initials}`);
      if (i === 0) firstKey = family;
    }
  }
  // Long author lists are cut after the first few, as the shipped references are.
  if (count >= 3 && random.chance(0.4)) names.push(chinese ? '等' : 'et al');
  return { text: names.join('; '), firstKey };
}

function idStem(family: string): string {
  return family.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'study';
}

/** Splits the analysed patients over the arms; the first arm takes the odd patient. */
function splitArms(analysed: number, arms: number): number[] {
  const base = Math.floor(analysed / arms);
  return Array.from({ length: arms }, (_, i) => base + (i === 0 ? analysed - base * arms : 0));
}

function timepoints(random: Random): string[] {
  const count = random.int(1, 3);
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(random.pick(DURATIONS));
  return [...chosen];
}

function referenceRow(random: Random, plan: StudyPlan, index: number, authors: string, year: number): Cell[] {
  const { drug } = plan;
  const status = random.weighted([['verified', 85], ['unverified', 10], ['unresolved', 5]] as const);
  const firstPage = random.int(1, 2400);
  return [
    plan.id,
    index + 1,
    'article-journal',
    authors,
    plan.chinese ? chineseTitle(random, plan, drug.zh) : englishTitle(random, plan, drug.en),
    plan.chinese ? random.pick(CHINESE_JOURNALS) : random.pick(ENGLISH_JOURNALS),
    year,
    random.int(1, 80),
    random.int(1, 12),
    `${firstPage}-${firstPage + random.int(3, 12)}`,
    // Index-derived identifiers: unique, so reference/duplicate finds only what the generator meant.
    `10.${random.int(1000, 9999)}/bench.${index.toString(36)}`,
    String(20_000_000 + index),
    plan.chinese ? 'zh' : 'en',
    status,
    status === 'verified' ? undefined : 'Identified from the review text only; the full text was not read',
  ];
}

function englishTitle(random: Random, plan: StudyPlan, drug: string): string {
  const disease = plan.disease.en;
  // Case reports name their patient: "n = 1" alone would make many identical titles.
  if (plan.enrolled === 1) return `${drug} for ${disease}-associated interstitial lung disease in a ${random.int(18, 85)}-year-old ${random.pick(['woman', 'man'])}`;
  return random.pick([
    `${drug} in ${disease}-associated interstitial lung disease: a ${plan.design.words} of ${plan.enrolled} patients`,
    `Efficacy and safety of ${drug} for ${disease} with interstitial lung disease: ${plan.enrolled} patients in a ${plan.design.words}`,
    `Long-term outcomes of ${drug} in ${plan.enrolled} patients with ${disease}-ILD`,
  ]);
}

function chineseTitle(random: Random, plan: StudyPlan, drug: string): string {
  const disease = plan.disease.zh;
  if (plan.enrolled === 1) return `${drug}治疗${disease}相关间质性肺病1例报告（${random.pick(['女', '男'])}，${random.int(18, 85)}岁）`;
  return random.pick([`${drug}治疗${disease}相关间质性肺病${plan.enrolled}例临床分析（随访${random.pick(DURATIONS)}）`, `${drug}对${plan.enrolled}例${disease}合并间质性肺疾病患者肺功能的影响`]);
}

/** A unique NCT number per study: 37 is coprime with 10^7, so index × 37 mod 10^7 never repeats below ten million studies. */
function registration(index: number): string {
  return `NCT0${String((index * 37) % 10_000_000).padStart(7, '0')}`;
}

function studyRow(random: Random, plan: StudyPlan, index: number, year: number, analysed: number): Cell[] {
  const { design, disease, drug } = plan;
  const start = year - random.int(2, 8);
  const followUp = random.pick(DURATIONS);
  return [
    plan.id,
    plan.id,
    disease.term,
    design.term,
    plan.chinese ? 'China' : random.pick(COUNTRIES),
    // Most papers name no centre; a large pool keeps study/possible-overlap to the occasional real suspicion.
    random.chance(0.2) ? `${random.pick(CITIES)} ${random.pick(CENTRE_KINDS)} ${random.int(1, 15)}` : undefined,
    design.hasPeriod && random.chance(0.6) ? `${start}-${start + random.int(1, 4)}` : undefined,
    plan.enrolled,
    analysed,
    population(random, plan),
    random.pick(drug.regimens),
    design.comparator,
    followUp,
    design.registered ? registration(index) : undefined,
    conclusion(random, plan, drug.code),
    studyNote(random, followUp),
  ];
}

function population(random: Random, plan: StudyPlan): string {
  const women = random.int(0, plan.enrolled);
  const age = random.decimal(38, 68, 1);
  const ild = `${plan.disease.term}-ILD`;
  return plan.chinese ? `${ild}；女 ${women} 例，男 ${plan.enrolled - women} 例；平均年龄 ${age} 岁` : `${ild}; ${women} F / ${plan.enrolled - women} M; mean age ${age}`;
}

function conclusion(random: Random, plan: StudyPlan, drug: string): string {
  if (plan.chinese) return `${drug} 可改善${plan.disease.zh}相关 ILD 患者的肺功能，且安全性良好`;
  return random.pick([
    `${drug} stabilised lung function in ${plan.disease.term}-ILD over follow-up`,
    `The review concludes ${drug} may be effective and fairly safe in ${plan.disease.term}-ILD`,
    `No new safety signal with ${drug} in ${plan.disease.term}-ILD`,
  ]);
}

function studyNote(random: Random, followUp: string): string | undefined {
  const roll = random.next();
  // A few notes span lines and quote the review, as real extraction notes do: the CSV must quote them.
  if (roll < 0.05) return `Review says "follow-up ${followUp}";\nthe paper reports a mean treatment duration of ${followUp}`;
  if (roll < 0.3) return 'Dose as reported in the methods; n_analysed = patients with lung-function data';
  return undefined;
}
