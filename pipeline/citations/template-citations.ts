// The citations of a review's templates: every `{{cite "id" …}}` with its place, and the author its sentence credits.
import { findHelperCalls, findUnknownHelper, parseTemplate } from '../render/handlebars.ts';
import { TEMPLATE_HELPERS } from '../render/helpers.ts';
import { ReviewError } from '../errors.ts';
import { findCreditedAuthors } from './credited-author.ts';
import type { CitationUse, CitedDocument } from './types.ts';

const CITE = new Set(['cite']);

/** The citations of one template; a syntax error or a call of an unknown helper stops the run (exit 2) with its place. */
export function templateCitations(source: string, file: string): CitedDocument {
  const program = parseTemplate(source, file);
  const unknown = findUnknownHelper(program, TEMPLATE_HELPERS);
  if (unknown) throw new ReviewError('TEMPLATE', `${file}:${unknown.line}:${unknown.column}: unknown helper '${unknown.name}'`, { path: file });
  const starts = [0];
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  const citations = findHelperCalls(program, CITE).map((call) => {
    const citation: CitationUse & { offset: number } = {
      raw: source.slice(offsetOf(starts, call.line, call.column), offsetOf(starts, call.endLine, call.endColumn)),
      line: call.line,
      column: call.column,
      endLine: call.endLine,
      endColumn: call.endColumn,
      numbers: [],
      keys: call.strings,
      offset: offsetOf(starts, call.line, call.column),
    };
    // Only quoted ids can be checked before rendering: a variable or a number is reported, not guessed.
    if (call.argumentCount === 0) citation.malformed = 'it names no reference; write {{cite "id"}}';
    else if (call.strings.length !== call.argumentCount) citation.malformed = 'reference ids must be quoted strings, as in {{cite "smith2020"}}';
    return citation;
  });
  for (const { citation, author } of findCreditedAuthors(source, citations)) citation.credited = author;
  return { file, kind: 'template', citations: citations.map(({ offset: _offset, ...citation }): CitationUse => citation), references: undefined };
}

function offsetOf(starts: readonly number[], line: number, column: number): number {
  return (starts[line - 1] ?? 0) + column - 1;
}
