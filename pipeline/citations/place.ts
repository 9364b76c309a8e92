// Where a citation stands, as a rule reports it: from its opening bracket to just past its closing one.
import type { Place } from '../checks/types.ts';
import type { CitationUse } from './types.ts';

export function citationPlace(file: string, citation: CitationUse): Place {
  return { file, line: citation.line, column: citation.column, endLine: citation.endLine, endColumn: citation.endColumn };
}
