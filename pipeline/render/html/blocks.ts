// HTML of the blocks the templates place: the evidence table, the reference list and the "what changed" list. Everything escaped.
import Handlebars from 'handlebars';
import type { BibliographyLine } from '../../citations/bibliography.ts';
import type { EvidenceTable, TableCell } from '../evidence-table.ts';
import type { ChangeList } from '../changes.ts';

const escape = (text: string): string => Handlebars.escapeExpression(text);

export function evidenceTableHtml(table: EvidenceTable): string {
  const head = table.columns.map((column) => `<th scope="col">${escape(column)}</th>`).join('');
  const body = table.groups
    .map((group) => {
      const heading = `<tr class="group"><th scope="rowgroup" colspan="${table.columns.length}">${escape(group.heading)}</th></tr>`;
      const rows = group.rows.map((cells) => `<tr>${cells.map((cell, i) => cellHtml(cell, i === 0)).join('')}</tr>`);
      return `<tbody>${heading}${rows.join('')}</tbody>`;
    })
    .join('');
  return (
    `<figure class="evidence"><div class="table-scroll" tabindex="0" role="region" aria-label="${escape(table.caption)}">` +
    `<table class="evidence"><caption>${escape(table.caption)}</caption><thead><tr>${head}</tr></thead>${body}</table></div>` +
    `<figcaption>${escape(table.note)}</figcaption></figure>`
  );
}

function cellHtml(cell: TableCell, isRowHeader: boolean): string {
  let content = cell.lines.map(escape).join('<br>');
  if (cell.status) content = `<span class="status status-${cell.status}">${content}</span>`;
  if (cell.cite !== undefined) content += ` <a class="cite" href="#ref-${cell.cite}">[${cell.cite}]</a>`;
  return isRowHeader ? `<th scope="row">${content}</th>` : `<td>${content}</td>`;
}

/** The numbered list; each entry's HTML is citeproc's escaped output or an escaped placeholder. */
export function bibliographyHtml(lines: readonly BibliographyLine[]): string {
  const items = lines.map((line) => `<li id="ref-${line.number}" value="${line.number}">${line.html}</li>`).join('');
  return `<ol class="references">${items}</ol>`;
}

export function changesHtml(changes: ChangeList): string {
  if (changes.items.length === 0) return `<p class="changes-summary">${escape(changes.summary)}</p>`;
  const items = changes.items.map((item) => `<li>${escape(item)}</li>`).join('');
  return `<p class="changes-summary">${escape(changes.summary)}</p><ul class="changes">${items}</ul>`;
}
