// The words with which prose claims something of its data (significance, proof, design, analysis population), as data a review can extend, and their matcher.

/** What a word claims. `anaphor` words ("该研究", "this study") point back to the sentence before. */
export const CLAIM_KINDS = ['significance', 'proof', 'population', 'design', 'anaphor'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * A claim word or phrase. `…` in a phrase stands for up to 12 characters within one clause
 * ("一项…研究" reads "一项开放标签 I 期剂量递增研究"). Latin phrases match whole words, any case.
 */
export interface ClaimTerm {
  kind: ClaimKind;
  phrase: string;
  /** `design`: the study designs (vocabulary terms) that bear the claim out. */
  designs?: readonly string[];
  /** `population`: the analyses (vocabulary terms) that contradict the claim. */
  contradictedBy?: readonly string[];
}

/**
 * A word that takes a claim back when it stands shortly before it, with no clause break between:
 * "未显著", "无显著差异", "not significantly", "有待证实", "has not been confirmed", "非随机".
 */
export interface ClaimNegation {
  kind: ClaimKind;
  phrase: string;
  /** Only right before the claim, nothing between. */
  adjacent?: boolean;
}

/** Text that holds a claim word without making the claim ("试验组" is the experimental arm, not a trial). */
export interface ClaimException {
  kind: ClaimKind;
  phrase: string;
}

export interface ClaimVocabularyData {
  terms: readonly ClaimTerm[];
  negations: readonly ClaimNegation[];
  exceptions: readonly ClaimException[];
  /** Designs that show what one case or an uncontrolled series shows: 证实 / proves is too strong for them. */
  uncontrolledDesigns: readonly string[];
  /** Designs that are uncontrolled when the study names no comparator (a cohort of treated patients only). */
  uncontrolledWithoutComparator: readonly string[];
  /** Measures of an effect, by the value that means no effect: 1 for ratios, 0 for differences and changes. */
  effectMeasures: { ratio: readonly string[]; difference: readonly string[] };
}

// A meta-analysis is described by the designs it pools ("纳入了 7 项随机对照试验"): it bears out every design word.
const RANDOMISED = ['rct', 'rct-extension', 'meta-analysis'];
const TRIALS = [...RANDOMISED, 'phase-1', 'controlled-study'];
const PROSPECTIVE = [...TRIALS, 'cohort-prospective'];
const COHORTS = [...TRIALS, 'cohort-prospective', 'cohort-retrospective'];
const STUDIES = [...COHORTS, 'case-series', 'cross-sectional', 'meta-analysis'];
const NOT_RANDOMISED_ANALYSES = ['post_hoc', 'completers', 'per_protocol'];

const term = (kind: ClaimKind, phrases: readonly string[], extra: Omit<ClaimTerm, 'kind' | 'phrase'> = {}): ClaimTerm[] =>
  phrases.map((phrase) => ({ kind, phrase, ...extra }));
const negation = (kind: ClaimKind, phrases: readonly string[]): ClaimNegation[] => phrases.map((phrase) => ({ kind, phrase }));

/** The built-in vocabulary, Chinese and English. */
export const DEFAULT_CLAIM_WORDS: ClaimVocabularyData = {
  terms: [
    ...term('significance', ['显著', '有统计学意义', '具有统计学意义', '有统计学差异', 'significant', 'significantly', 'statistically significant']),
    ...term('proof', ['证实', '证明', '确证', 'prove', 'proves', 'proved', 'proven', 'confirm', 'confirms', 'confirmed', 'confirming']),
    ...term('population', ['随机分析', '随机化分析', '随机人群', '随机化人群', '意向性分析', '意向治疗', '意向性治疗', 'ITT', 'randomised analysis', 'randomized analysis', 'randomised population', 'randomized population', 'intention-to-treat', 'intention to treat', 'all randomised', 'all randomized'], { contradictedBy: NOT_RANDOMISED_ANALYSES }),
    ...term('design', ['随机对照试验', '随机对照临床试验', '随机临床试验', '随机对照研究', '随机试验', '随机双盲', 'RCT', 'randomised controlled trial', 'randomized controlled trial', 'randomised trial', 'randomized trial', 'randomised, double-blind', 'randomized, double-blind', 'randomised, placebo-controlled', 'randomized, placebo-controlled'], { designs: RANDOMISED }),
    ...term('design', ['临床试验', '试验', 'clinical trial', 'trial'], { designs: TRIALS }),
    ...term('design', ['前瞻性', 'prospective'], { designs: PROSPECTIVE }),
    ...term('design', ['队列研究', 'cohort study', 'cohort'], { designs: COHORTS }),
    ...term('design', ['一项…研究', '该研究', '这项研究', '此项研究', '本研究', 'a study', 'this study', 'the study', 'one study'], { designs: STUDIES }),
    ...term('anaphor', ['该研究', '这项研究', '此项研究', '该试验', '该结果', '这一结果', '上述结果', '该病例', '该报告', '此研究', 'this study', 'the study', 'this trial', 'these results', 'this result', 'this case', 'the trial']),
  ],
  negations: [
    ...negation('significance', ['未', '无', '不', '没有', '并无', '并未', 'not', 'no', 'non', 'without', 'never', 'nor']),
    // "非显著" is not significant, but "非常显著" is very significant: 非 negates only right before the claim.
    { kind: 'significance', phrase: '非', adjacent: true },
    ...negation('proof', ['未', '尚未', '未能', '有待', '待', '需', '仍需', '尚需', '需要', '能否', '是否', '无法', '不能', 'not', 'yet to be', 'remains to be', 'remain to be', 'needs to be', 'need to be', 'to be', 'whether', 'if']),
    ...negation('population', ['非', 'non', 'not']),
    // A design named for evidence still to come ("有待来自随机对照试验的证据") is not said of the cited study.
    ...negation('design', ['非', '不是', '有待', '尚需', '仍需', '需要', 'non', 'not', 'future', 'needed', 'await']),
  ],
  exceptions: [
    { kind: 'design', phrase: '试验组' },
    { kind: 'design', phrase: '试验药' },
    { kind: 'design', phrase: '试验室' },
    { kind: 'design', phrase: 'trial arm' },
  ],
  uncontrolledDesigns: ['case-report', 'case-series'],
  uncontrolledWithoutComparator: ['phase-1', 'cohort-prospective', 'cohort-retrospective', 'cross-sectional'],
  effectMeasures: {
    ratio: ['risk_ratio', 'odds_ratio', 'hazard_ratio', 'rr', 'or', 'hr', 'irr'],
    difference: ['mean_change', 'median_change', 'mean_difference', 'md', 'smd', 'rd'],
  },
};

/** A review's additions (review.json `claimWords`): more terms, negations and exceptions, added to the built-in ones. */
export type ClaimWordsAddition = Partial<Pick<ClaimVocabularyData, 'terms' | 'negations' | 'exceptions'>>;

/** A claim found in a text: the term, and its 0-based offsets. */
export interface ClaimMatch {
  term: ClaimTerm;
  start: number;
  end: number;
  /** The words as written. */
  text: string;
}

/** The compiled vocabulary: finds the claims of a kind in a sentence's text. */
export interface ClaimVocabulary {
  readonly data: ClaimVocabularyData;
  /** The claims of a kind in a text, in order; negated ones too when `withNegated` is set. */
  find(text: string, kind: ClaimKind, withNegated?: boolean): ClaimMatch[];
}

/** Characters a claim and its negation cannot span: a clause break or a helper call. */
const CLAUSE_BREAK = '，。；：！？,;:!?\\uFFFC';
/** How far before a claim a negation may stand: "未达到统计学显著", "not statistically significant". */
const NEGATION_REACH = { cjk: 6, latinWords: 2 };

export function createClaimVocabulary(addition: ClaimWordsAddition = {}): ClaimVocabulary {
  const data: ClaimVocabularyData = {
    ...DEFAULT_CLAIM_WORDS,
    terms: [...DEFAULT_CLAIM_WORDS.terms, ...(addition.terms ?? [])],
    negations: [...DEFAULT_CLAIM_WORDS.negations, ...(addition.negations ?? [])],
    exceptions: [...DEFAULT_CLAIM_WORDS.exceptions, ...(addition.exceptions ?? [])],
  };
  const compiled = new Map<ClaimKind, { terms: { term: ClaimTerm; pattern: RegExp }[]; negations: RegExp[]; exceptions: RegExp[] }>();
  for (const kind of CLAIM_KINDS) {
    compiled.set(kind, {
      terms: data.terms.filter((t) => t.kind === kind).map((t) => ({ term: t, pattern: phrasePattern(t.phrase) })),
      negations: data.negations.filter((n) => n.kind === kind).map(negationPattern),
      exceptions: data.exceptions.filter((e) => e.kind === kind).map((e) => phrasePattern(e.phrase)),
    });
  }
  return {
    data,
    find(text, kind, withNegated = false) {
      const set = compiled.get(kind);
      if (!set) return [];
      const found: ClaimMatch[] = [];
      for (const { term, pattern } of set.terms) {
        pattern.lastIndex = 0;
        for (const match of text.matchAll(pattern)) found.push({ term, start: match.index, end: match.index + match[0].length, text: match[0] });
      }
      const excepted = set.exceptions.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as const));
      excepted.sort((a, b) => a[0] - b[0]);
      // Leftmost, then longest: "随机对照试验" is one claim, not also "试验". A negated claim still holds its
      // words: "有待…随机对照临床试验" must not leave "临床试验" as a claim. One sweep, so a long text stays linear.
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: ClaimMatch[] = [];
      let takenUntil = -1;
      let nextException = 0;
      for (const match of found) {
        if (match.start < takenUntil) continue;
        takenUntil = match.end;
        while (nextException < excepted.length && (excepted[nextException]?.[1] ?? 0) <= match.start) nextException += 1;
        const exception = excepted[nextException];
        if (exception && exception[0] < match.end) continue;
        if (!withNegated && set.negations.some((pattern) => negates(pattern, text, match.start))) continue;
        kept.push(match);
      }
      return kept;
    },
  };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLatin = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** A phrase as a pattern: `…` is a bounded gap inside a clause, Latin words match whole and in any case. */
function phrasePattern(phrase: string): RegExp {
  const body = phrase
    .split('…')
    .map((part) => escape(part.trim()).replace(/\s+/g, '\\s+'))
    .join(`[^${CLAUSE_BREAK}]{0,12}?`);
  return new RegExp(isLatin(phrase) ? `(?<![A-Za-z])${body}(?![A-Za-z])` : body, isLatin(phrase) ? 'gi' : 'g');
}

/** A negation as a pattern anchored at the end of the text before a claim. */
function negationPattern({ phrase, adjacent }: ClaimNegation): RegExp {
  const body = escape(phrase).replace(/\s+/g, '\\s+');
  if (isLatin(phrase)) {
    return new RegExp(`(?<![A-Za-z])${body}(?:[\\s-]+[A-Za-z]+){0,${adjacent ? 0 : NEGATION_REACH.latinWords}}[\\s-]*$`, 'i');
  }
  return new RegExp(`${body}[^${CLAUSE_BREAK}]{0,${adjacent ? 0 : NEGATION_REACH.cjk}}$`);
}

/** Whether a negation ends shortly before `start`; only a short stretch before the claim is looked at. */
function negates(pattern: RegExp, text: string, start: number): boolean {
  return pattern.test(text.slice(Math.max(0, start - 40), start));
}
