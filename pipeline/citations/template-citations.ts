// The citations of a review's templates: every `{{cite "id" …}}` with its place, and the author its sentence credits.
import { findHelperCalls, parseTemplate } from '../render/handlebars.ts';
import { findCreditedAuthors } from './credited-author.ts';
import type { CitationUse, CitedDocument } from './types.ts';

const CITE = new Set(['cite']);

export function templateCitations(source: string, file: string): CitedDocument {
  const program = parseTemplate(source, file);
  const starts = [0];
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  const citations = findHelperCalls(program, CITE).map((call) => ({
    raw: source.slice(offsetOf(starts, call.line, call.column), offsetOf(starts, call.endLine, call.endColumn)),
    line: call.line,
    column: call.column,
    endLine: call.endLine,
    endColumn: call.endColumn,
    numbers: [],
    keys: call.strings,
    offset: offsetOf(starts, call.line, call.column),
  }));
  for (const { citation, author } of findCreditedAuthors(source, citations)) citation.credited = author;
  return { file, kind: 'template', citations: citations.map(({ offset: _offset, ...citation }): CitationUse => citation), references: undefined };
}

function offsetOf(starts: readonly number[], line: number, column: number): number {
  return (starts[line - 1] ?? 0) + column - 1;
}
