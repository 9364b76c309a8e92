// What a claim in a sentence is about: the rows drawn near its words, the clause it stands in, and its template place.
import type { OutcomeRecord } from '../schema/tables.ts';
import type { Place } from '../checks/types.ts';
import type { ClaimKind, ClaimMatch, ClaimVocabulary } from './claim-words.ts';
import type { Draw, ProseDocument, ProseSentence } from './draws.ts';

/** Characters that end a clause: a claim in one clause says nothing of a number in the next. */
const CLAUSE_END = /[，。；：,;:！？!?]/;

/** The template place of a claim's words. */
export function claimPlace(file: string, sentence: ProseSentence, claim: ClaimMatch): Place {
  const start = sentence.sentence.positionOf(claim.start);
  const end = sentence.sentence.positionOf(claim.end);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The template place of a helper call. */
export function drawPlace(file: string, draw: Draw): Place {
  return { file, line: draw.call.line, column: draw.call.column };
}

/** The draws after the claim's words in its sentence, or, when none follow, those before them ("… 分别为 X 和 Y，在随机分析中"). */
export function drawsAfterOrBefore(sentence: ProseSentence, claim: ClaimMatch): readonly Draw[] {
  const after = sentence.draws.filter((draw) => draw.call.offset >= claim.end);
  return after.length > 0 ? after : sentence.draws.filter((draw) => draw.call.offset < claim.start);
}

/**
 * The draws in the claim's clause; when it draws nothing, those of the clause before or after it
 * ("X (CI …)，显著低于 B 组", "FVC 显著下降，平均变化为 X (CI …)"), unless that clause makes a claim of
 * its own (negated or not): its numbers are that claim's.
 */
export function drawsOfClause(sentence: ProseSentence, claim: ClaimMatch, claims: ClaimVocabulary): readonly Draw[] {
  const text = sentence.sentence.text;
  const [start, end] = clauseAround(text, claim.start, claim.end);
  const inClause = drawsBetween(sentence, start, end);
  if (inClause.length > 0) return inClause;
  const neighbours: [number, number][] = [];
  if (start > 0) neighbours.push(clauseAround(text, start - 1, start - 1));
  if (end < text.length) neighbours.push(clauseAround(text, end + 1, end + 1));
  for (const [from, to] of neighbours) {
    const draws = drawsBetween(sentence, from, to);
    if (draws.length > 0 && claims.find(text.slice(from, to), claim.term.kind, true).length === 0) return draws;
  }
  return [];
}

function clauseAround(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && !CLAUSE_END.test(text[start - 1] as string)) start -= 1;
  let end = to;
  while (end < text.length && !CLAUSE_END.test(text[end] as string)) end += 1;
  return [start, end];
}

function drawsBetween(sentence: ProseSentence, start: number, end: number): Draw[] {
  return sentence.draws.filter((draw) => draw.call.offset >= start && draw.call.offset < end);
}

/** The distinct outcome rows of some draws, in order. */
export function rowsOf(draws: readonly Draw[]): OutcomeRecord[] {
  const seen = new Set<OutcomeRecord>();
  const rows: OutcomeRecord[] = [];
  for (const draw of draws) for (const row of draw.rows) if (!seen.has(row)) seen.add(row), rows.push(row);
  return rows;
}

/** Calls `visit` for every claim of a kind in a document, in reading order, with its sentence and paragraph index. */
export function forEachClaim(
  document: ProseDocument,
  kind: ClaimKind,
  visit: (sentence: ProseSentence, claim: ClaimMatch, paragraph: number) => void,
): void {
  document.paragraphs.forEach((paragraph, index) => {
    for (const sentence of paragraph.sentences) for (const claim of document.claims.find(sentence.sentence.text, kind)) visit(sentence, claim, index);
  });
}
