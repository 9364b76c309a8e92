// The numbered reference list: citeproc renders what is known of each work; unverified and unresolved ones carry a visible marker.
import type { ReferenceRecord, ReferenceStatus } from '../schema/tables.ts';
import { renderBibliography, type ReferenceStyleName } from './csl.ts';
import { isBibliographicallyEmpty, toCslItem } from './csl-item.ts';

export interface NumberedReference {
  number: number;
  record: ReferenceRecord;
}

export interface BibliographyLine {
  number: number;
  id: string;
  /** Safe HTML: citeproc's escaped output, or an escaped placeholder. */
  html: string;
  /** The same entry as plain text. */
  text: string;
  /** citeproc's HTML of the entry alone (no status marker); undefined when the work was not identified. */
  body: string | undefined;
  status: ReferenceStatus | undefined;
}

/** The words of the reference list's markers in a language. */
export function bibliographyWords(lang: 'zh' | 'en'): (typeof LABELS)['zh' | 'en'] {
  return LABELS[lang];
}

const LABELS = {
  zh: { unverified: '未核实', unresolved: '未解决', empty: '文献信息未找到' },
  en: { unverified: 'unverified', unresolved: 'unresolved', empty: 'reference not identified' },
} as const;

export function buildBibliography(references: readonly NumberedReference[], style: ReferenceStyleName, lang: 'zh' | 'en'): BibliographyLine[] {
  const renderable = references.filter((r) => !isBibliographicallyEmpty(r.record));
  const rendered = new Map(
    renderBibliography(
      renderable.map((r) => toCslItem(r.record, `n${r.number}`, lang)),
      style,
      lang,
    ).map((entry) => [entry.id, entry.html]),
  );
  const labels = LABELS[lang];
  return references.map(({ number, record }) => {
    const status = record.status;
    const entry = rendered.get(`n${number}`);
    const marker = status === 'unverified' || status === 'unresolved' ? ` <span class="ref-status ref-${status}">〔${labels[status]}〕</span>` : '';
    const html = (entry ?? `<span class="ref-missing">${labels.empty}</span>`) + marker;
    return { number, id: record.id ?? '', html, text: htmlToText(html), body: entry, status };
  });
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Plain text of citeproc's HTML: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  // A tag ends at the next '<' too: with [^>]* a run of '<' without '>' was scanned to its end from each '<' (quadratic).
  return html
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|\w{1,32});/gi, (whole, entity: string) => {
      const code = entity.startsWith('#x') || entity.startsWith('#X') ? parseInt(entity.slice(2), 16) : entity.startsWith('#') ? Number(entity.slice(1)) : undefined;
      if (code === undefined) return ENTITIES[entity] ?? whole;
      // Past U+10FFFF there is no character: fromCodePoint would throw.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
