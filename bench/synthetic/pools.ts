// Word pools the synthetic records draw from: names, journals, diseases, designs, regimens and durations as papers write them.

export const CHINESE_FAMILY_NAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈',
] as const;

/** The family names above in pinyin, in the same order: reference ids are ASCII (`chen2016`). */
export const CHINESE_FAMILY_PINYIN = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'gao', 'lin', 'luo',
  'zheng', 'liang', 'xie', 'song', 'tang', 'xu', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'yuan', 'pan', 'yu', 'jiang', 'cai',
  'yu', 'du', 'ye', 'cheng', 'su', 'wei', 'lv', 'ding', 'ren', 'shen',
] as const;

export const CHINESE_GIVEN_CHARACTERS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '建', '锋', '华', '红', '玲', '文', '辉', '鹏', '飞',
] as const;

export const LATIN_FAMILY_NAMES = [
  'Smith', 'Lee', 'Khanna', 'Manfredi', 'Otsuji', 'Mihai', 'Kudsi', 'Illei', 'Shirota', 'Wang', 'Zhang', 'Müller',
  'García', 'Rossi', 'Tanaka', 'Suzuki', 'Kim', 'Park', 'Nguyen', 'Johnson', 'Brown', 'Dubois', 'Martin', 'Schmidt',
  'Kowalski', 'Novak', 'Silva', 'Santos', 'Cohen', 'Levi', 'Andersson', 'Nielsen', 'Jensen', 'Hansen', "O'Brien",
  'Murphy', 'Kelly', 'Walsh', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Bianchi', 'Romano', 'Colombo',
  'Ricci', 'Marino', 'Yamamoto', 'Watanabe', 'Ito', 'Nakamura', 'Kobayashi', 'Sato', 'Takahashi', 'Choi', 'Jung',
  'Kang', 'Cho', 'Patel', 'Shah', 'Singh', 'Kumar', 'Gupta', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez',
  'Gómez', 'Ivanov', 'Petrov', 'Smirnov', 'Popescu', 'Horváth', 'Nagy', 'Costa', 'Ferreira', 'Pereira', 'Oliveira',
] as const;

export const INITIALS = [...'ABCDEFGHJKLMNPRSTWY'];

export const ENGLISH_JOURNALS = [
  'Ann Rheum Dis', 'Arthritis Rheumatol', 'Rheumatology (Oxford)', 'Clin Rheumatol', 'Lancet Respir Med', 'Intern Med J',
  'J Rheumatol', 'Semin Arthritis Rheum', 'Respir Med', 'Mod Rheumatol', 'Arthritis Res Ther', 'Front Immunol',
  'BMC Pulm Med', 'Chest', 'Eur Respir J',
] as const;

export const CHINESE_JOURNALS = ['中华风湿病学杂志', '中华结核和呼吸杂志', '中华内科杂志', '中国实用内科杂志', '临床肺科杂志', '中华医学杂志'] as const;

export const COUNTRIES = ['Italy', 'Japan', 'USA', 'France', 'Germany', 'Spain', 'Korea', 'UK', 'Brazil', 'Poland'] as const;

export const CITIES = [
  'Beijing', 'Shanghai', 'Guangzhou', 'Chengdu', 'Wuhan', 'Hangzhou', 'Nanjing', "Xi'an", 'Tianjin', 'Shenyang',
  'Milan', 'Rome', 'Tokyo', 'Osaka', 'Seoul', 'Paris', 'Lyon', 'Berlin', 'Munich', 'Madrid', 'Boston', 'Pittsburgh',
  'London', 'Manchester', 'São Paulo', 'Warsaw', 'Modena', 'Saitama', 'Bucharest', 'Zurich',
] as const;

export const CENTRE_KINDS = ['University Hospital', 'Medical Center', "People's Hospital", 'General Hospital', 'Rheumatology Institute'] as const;

export interface DiseaseInfo {
  term: string;
  en: string;
  zh: string;
  /** The disease-specific instrument reported as a mean change, if the disease has one (consistency/outcome-disease). */
  instrument?: string;
}

/** Diseases with weights: RA and SSc dominate the CTD-ILD literature. */
export const DISEASES: readonly (readonly [DiseaseInfo, number])[] = [
  [{ term: 'RA', en: 'rheumatoid arthritis', zh: '类风湿关节炎', instrument: 'das28' }, 30],
  [{ term: 'SSc', en: 'systemic sclerosis', zh: '系统性硬化症', instrument: 'mrss' }, 30],
  [{ term: 'SLE', en: 'systemic lupus erythematosus', zh: '系统性红斑狼疮', instrument: 'sledai' }, 15],
  [{ term: 'IIM', en: 'idiopathic inflammatory myopathy', zh: '特发性炎性肌病' }, 12],
  [{ term: 'SjS', en: "Sjögren's syndrome", zh: '干燥综合征' }, 7],
  [{ term: 'MCTD', en: 'mixed connective tissue disease', zh: '混合性结缔组织病' }, 6],
];

export type DesignTerm =
  | 'rct'
  | 'rct-extension'
  | 'phase-1'
  | 'controlled-study'
  | 'cohort-prospective'
  | 'cohort-retrospective'
  | 'case-series'
  | 'case-report';

export interface DesignInfo {
  term: DesignTerm;
  /** How a title names the design. */
  words: string;
  enrolled: readonly [number, number];
  /** Arms as outcomes.csv names them, `DRUG` standing for the study's drug; the first is the treated arm. */
  arms: readonly string[];
  comparator?: string;
  registered: boolean;
  hasPeriod: boolean;
}

export const DESIGNS: readonly (readonly [DesignInfo, number])[] = [
  [{ term: 'rct', words: 'randomised controlled trial', enrolled: [60, 700], arms: ['DRUG', 'placebo'], comparator: 'placebo', registered: true, hasPeriod: true }, 12],
  [{ term: 'rct-extension', words: 'open-label extension', enrolled: [40, 300], arms: ['placebo→DRUG', 'continuous DRUG'], registered: true, hasPeriod: true }, 5],
  [{ term: 'phase-1', words: 'phase I trial', enrolled: [12, 60], arms: ['DRUG'], registered: true, hasPeriod: true }, 3],
  [{ term: 'controlled-study', words: 'controlled study', enrolled: [30, 200], arms: ['DRUG', 'control'], comparator: 'conventional therapy', registered: false, hasPeriod: true }, 10],
  [{ term: 'cohort-prospective', words: 'prospective cohort study', enrolled: [20, 300], arms: ['DRUG'], registered: false, hasPeriod: true }, 15],
  [{ term: 'cohort-retrospective', words: 'multicentre retrospective study', enrolled: [10, 400], arms: ['DRUG'], registered: false, hasPeriod: true }, 30],
  [{ term: 'case-series', words: 'case series', enrolled: [2, 12], arms: ['DRUG'], registered: false, hasPeriod: false }, 15],
  [{ term: 'case-report', words: 'case report', enrolled: [1, 1], arms: ['DRUG'], registered: false, hasPeriod: false }, 10],
];

export interface DrugInfo {
  code: string;
  en: string;
  zh: string;
  regimens: readonly string[];
}

export const DRUGS: readonly (readonly [DrugInfo, number])[] = [
  [{ code: 'TCZ', en: 'Tocilizumab', zh: '托珠单抗', regimens: ['TCZ 162 mg SC qw', 'TCZ 162 mg SC q2w', 'TCZ 8 mg/kg IV q4w', 'TCZ 4 mg/kg IV q4w', '每4周静脉注射8 mg/kg', 'TCZ'] }, 70],
  [{ code: 'SAR', en: 'Sarilumab', zh: '沙利鲁单抗', regimens: ['SAR 200 mg SC q2w', 'SAR 150 mg SC q2w'] }, 15],
  [{ code: 'RTX', en: 'Rituximab', zh: '利妥昔单抗', regimens: ['RTX 1000 mg IV', 'RTX 375 mg/m2 IV qw'] }, 15],
];

/** Follow-up and timepoints as papers write them, in English and Chinese. */
export const DURATIONS = ['24 weeks', '52 周', '96 weeks', '48 weeks', '12 months', '30 个月', '6 个月', '2 years', '第52周', '16 weeks'] as const;

export const SOURCES = ['Table 2', 'Table 3', 'Figure 2', 'p. 5', 'reference-notes', 'supplementary Table S1', 'review §3'] as const;

export const ANALYSES = ['itt', 'completers', 'post_hoc', 'as_reported'] as const;
