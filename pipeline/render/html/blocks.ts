// HTML of the blocks the templates place: the evidence table, the reference list, "what's new" and the version history. Everything escaped.
import Handlebars from 'handlebars';
import type { BibliographyLine } from '../../citations/bibliography.ts';
import type { EvidenceTable, TableCell } from '../evidence-table.ts';
import type { ChangeList } from '../changes.ts';
import { formatNumberList } from '../../citations/number-list.ts';
import { label } from '../labels.ts';
import type { Lang } from '../format.ts';
import { minOf } from '../../arrays.ts';

const escape = (text: string): string => Handlebars.escapeExpression(text);

/** The table's HTML. Ten thousand rows make megabytes: every piece goes into one list, joined once, rather than joining rows, then groups, then the table. */
export function evidenceTableHtml(table: EvidenceTable): string {
  const html: string[] = [
    `<figure class="evidence"><div class="table-scroll" tabindex="0" role="region" aria-label="${escape(table.caption)}">`,
    `<table class="evidence"><caption>${escape(table.caption)}</caption><thead><tr>`,
  ];
  for (const column of table.columns) html.push('<th scope="col">', escape(column), '</th>');
  html.push('</tr></thead>');
  for (const group of table.groups) {
    html.push(`<tbody><tr class="group"><th scope="rowgroup" colspan="${table.columns.length}">`, escape(group.heading), '</th></tr>');
    for (const cells of group.rows) {
      html.push('<tr>');
      for (let i = 0; i < cells.length; i++) pushCell(html, cells[i] as TableCell, i === 0);
      html.push('</tr>');
    }
    html.push('</tbody>');
  }
  html.push(`</table></div><figcaption>${escape(table.note)}</figcaption></figure>`);
  return html.join('');
}

function pushCell(html: string[], cell: TableCell, isRowHeader: boolean): void {
  html.push(isRowHeader ? '<th scope="row">' : '<td>');
  if (cell.status) html.push(`<span class="status status-${cell.status}">`);
  for (let i = 0; i < cell.lines.length; i++) {
    if (i > 0) html.push('<br>');
    html.push(escape(cell.lines[i] as string));
  }
  if (cell.status) html.push('</span>');
  if (cell.cite !== undefined) html.push(` <a class="cite" href="#ref-${minOf(cell.cite)}">[${formatNumberList(cell.cite, ',')}]</a>`);
  html.push(isRowHeader ? '</th>' : '</td>');
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

/** The published versions, oldest first; a review never published says so. */
export function versionHistoryHtml(lines: readonly string[], lang: Lang): string {
  if (lines.length === 0) return `<p class="versions-none">${escape(label('noVersions', lang))}</p>`;
  return `<ol class="versions">${lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ol>`;
}
