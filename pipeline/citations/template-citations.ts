// The citations of a review's templates: every `{{cite "id" …}}` with its place, and the author its sentence credits.
import { findHelperCalls, findUnknownHelper, parseTemplate, type TemplateTree } from '../render/handlebars.ts';
import { TEMPLATE_HELPERS } from '../render/helpers.ts';
import { ReviewError } from '../errors.ts';
import { findCreditedAuthors, type LocatedCitation } from './credited-author.ts';
import type { CitationUse, CitedDocument } from './types.ts';
import { LineIndex } from './line-index.ts';

const CITE = new Set(['cite']);

/**
 * The citations of one template; a syntax error or a call of an unknown helper stops the run (exit 2) with its place.
 * `program` is the template already parsed (a build parses each template once, for this check and the render).
 */
export function templateCitations(source: string, file: string, program: TemplateTree = parseTemplate(source, file)): CitedDocument {
  const unknown = findUnknownHelper(program, TEMPLATE_HELPERS);
  if (unknown) throw new ReviewError('TEMPLATE', `${file}:${unknown.line}:${unknown.column}: unknown helper '${unknown.name}'`, { path: file });
  const lines = new LineIndex(source);
  const citations = findHelperCalls(program, CITE).map((call) => {
    const citation: LocatedCitation = {
      raw: source.slice(lines.offsetOf(call.line, call.column), lines.offsetOf(call.endLine, call.endColumn)),
      line: call.line,
      column: call.column,
      endLine: call.endLine,
      endColumn: call.endColumn,
      numbers: [],
      keys: call.strings,
      offset: lines.offsetOf(call.line, call.column),
      endOffset: lines.offsetOf(call.endLine, call.endColumn),
    };
    // Only quoted ids can be checked before rendering: a variable or a number is reported, not guessed.
    if (call.argumentCount === 0) citation.malformed = 'it names no reference; write {{cite "id"}}';
    else if (call.strings.length !== call.argumentCount) citation.malformed = 'reference ids must be quoted strings, as in {{cite "smith2020"}}';
    return citation;
  });
  for (const { citation, author } of findCreditedAuthors(source, citations)) citation.credited = author;
  return { file, kind: 'template', citations: citations.map(({ offset: _offset, endOffset: _end, ...citation }): CitationUse => citation), references: undefined };
}
