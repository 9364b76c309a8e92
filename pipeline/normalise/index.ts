// The cell parsers and vocabularies in one import: every function here turns raw CSV text into a value or a reason.

export { parsed, rejected } from './types.ts';
export type { Parsed } from './types.ts';

export { decimalPlaces, foldFullWidth, parseCount, parseInteger, parseNumber, parsePercent, parseYear } from './number.ts';
export type { Percent, WrittenNumber } from './number.ts';

export { parseReportedCount } from './reported.ts';
export type { ReportedCount } from './reported.ts';

export { parseInterval } from './interval.ts';
export type { ConfidenceInterval } from './interval.ts';

export { parseDuration } from './duration.ts';
export type { Duration, DurationUnit } from './duration.ts';

export { formatRegimen, parseRegimen } from './regimen.ts';
export type { Dose, DoseUnit, Interval as DosingInterval, Regimen, Route } from './regimen.ts';

export { parseDoi, parsePmid, parseRegistration } from './identifier.ts';

export { nameKey, parseAuthors, parsePersonName, sameAuthor } from './author.ts';
export type { AuthorList, PersonName } from './author.ts';

export { editDistance, nearest } from './nearest.ts';
export type { NearestOptions } from './nearest.ts';

export { VOCABULARY_KINDS, builtinVocabulary, createVocabulary, vocabularyKey } from './vocabulary.ts';
export type { Vocabulary, VocabularyEntry, VocabularyKind } from './vocabulary.ts';
