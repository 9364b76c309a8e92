// Every rule, registered once under its id; sorted by id. The id is also the rule's file, test and doc path.
import biasMissingDomain from './bias/missing-domain.ts';
import biasOverallJudgement from './bias/overall-judgement.ts';
import certaintyImprecision from './certainty/imprecision.ts';
import certaintyInconsistency from './certainty/inconsistency.ts';
import certaintyRating from './certainty/rating.ts';
import citationAuthorMismatch from './citation/author-mismatch.ts';
import citationFirstAppearanceOrder from './citation/first-appearance-order.ts';
import citationMalformed from './citation/malformed.ts';
import citationNumberingGap from './citation/numbering-gap.ts';
import citationOutOfRange from './citation/out-of-range.ts';
import citationUnknownKey from './citation/unknown-key.ts';
import claimAnalysisPopulation from './claim/analysis-population.ts';
import claimCertaintyLanguage from './claim/certainty-language.ts';
import claimDenominator from './claim/denominator.ts';
import claimDesign from './claim/design.ts';
import claimSignificance from './claim/significance.ts';
import consistencyCiContainsEstimate from './consistency/ci-contains-estimate.ts';
import consistencyCiSymmetry from './consistency/ci-symmetry.ts';
import consistencyCountExceedsN from './consistency/count-exceeds-n.ts';
import consistencyOutcomeDisease from './consistency/outcome-disease.ts';
import consistencyPValue from './consistency/p-value.ts';
import consistencyPercentage from './consistency/percentage.ts';
import consistencySeCi from './consistency/se-ci.ts';
import consistencySubgroupSum from './consistency/subgroup-sum.ts';
import flowArithmetic from './flow/arithmetic.ts';
import flowIncludedStudies from './flow/included-studies.ts';
import recordCsvSyntax from './record/csv-syntax.ts';
import recordDanglingLink from './record/dangling-link.ts';
import recordDuplicateId from './record/duplicate-id.ts';
import recordEncoding from './record/encoding.ts';
import recordInvalidValue from './record/invalid-value.ts';
import recordMissingColumn from './record/missing-column.ts';
import recordMissingValue from './record/missing-value.ts';
import recordUnknownColumn from './record/unknown-column.ts';
import recordUnknownTerm from './record/unknown-term.ts';
import referenceDuplicate from './reference/duplicate.ts';
import referenceUncited from './reference/uncited.ts';
import referenceUnverified from './reference/unverified.ts';
import studyDuplicateTrial from './study/duplicate-trial.ts';
import studyPossibleOverlap from './study/possible-overlap.ts';
import synthesisInvalidAnalysis from './synthesis/invalid-analysis.ts';
import synthesisMixedRows from './synthesis/mixed-rows.ts';
import synthesisUnusableStudy from './synthesis/unusable-study.ts';
import templateUnresolved from './template/unresolved.ts';
import type { RuleModule } from './types.ts';

export const registry: Readonly<Record<string, RuleModule>> = {
  'bias/missing-domain': biasMissingDomain,
  'bias/overall-judgement': biasOverallJudgement,
  'certainty/imprecision': certaintyImprecision,
  'certainty/inconsistency': certaintyInconsistency,
  'certainty/rating': certaintyRating,
  'citation/author-mismatch': citationAuthorMismatch,
  'citation/first-appearance-order': citationFirstAppearanceOrder,
  'citation/malformed': citationMalformed,
  'citation/numbering-gap': citationNumberingGap,
  'citation/out-of-range': citationOutOfRange,
  'citation/unknown-key': citationUnknownKey,
  'claim/analysis-population': claimAnalysisPopulation,
  'claim/certainty-language': claimCertaintyLanguage,
  'claim/denominator': claimDenominator,
  'claim/design': claimDesign,
  'claim/significance': claimSignificance,
  'consistency/ci-contains-estimate': consistencyCiContainsEstimate,
  'consistency/ci-symmetry': consistencyCiSymmetry,
  'consistency/count-exceeds-n': consistencyCountExceedsN,
  'consistency/outcome-disease': consistencyOutcomeDisease,
  'consistency/p-value': consistencyPValue,
  'consistency/percentage': consistencyPercentage,
  'consistency/se-ci': consistencySeCi,
  'consistency/subgroup-sum': consistencySubgroupSum,
  'flow/arithmetic': flowArithmetic,
  'flow/included-studies': flowIncludedStudies,
  'record/csv-syntax': recordCsvSyntax,
  'record/dangling-link': recordDanglingLink,
  'record/duplicate-id': recordDuplicateId,
  'record/encoding': recordEncoding,
  'record/invalid-value': recordInvalidValue,
  'record/missing-column': recordMissingColumn,
  'record/missing-value': recordMissingValue,
  'record/unknown-column': recordUnknownColumn,
  'record/unknown-term': recordUnknownTerm,
  'reference/duplicate': referenceDuplicate,
  'reference/uncited': referenceUncited,
  'reference/unverified': referenceUnverified,
  'study/duplicate-trial': studyDuplicateTrial,
  'study/possible-overlap': studyPossibleOverlap,
  'synthesis/invalid-analysis': synthesisInvalidAnalysis,
  'synthesis/mixed-rows': synthesisMixedRows,
  'synthesis/unusable-study': synthesisUnusableStudy,
  'template/unresolved': templateUnresolved,
};
