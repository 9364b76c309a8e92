// Test helper: reads a PDF back with pdfjs (text per page in drawing order, info, outline, links), as a reader would.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { langOf, readMarkup } from '../../../pipeline/render/document/markup.ts';
import type { DocumentModel } from '../../../pipeline/render/document/model.ts';

export interface ExtractedPdf {
  pages: string[];
  info: Record<string, unknown>;
  /** Bookmark titles in order, nested ones indented two spaces a level. */
  outline: string[];
  /** Each bookmark's destination as pdfjs gives it (a name for a named destination). */
  outlineDestinations: unknown[];
  /** Named destinations of the link annotations, per page (1-based page n at index n - 1). */
  links: string[][];
}

interface TextItemLike {
  str?: unknown;
  hasEOL?: unknown;
}

interface OutlineLike {
  title: string;
  dest: unknown;
  items?: OutlineLike[];
}

interface LinkLike {
  subtype?: unknown;
  dest?: unknown;
}

/** Text of each page: items in content order, line ends as newlines. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  // pdfjs takes ownership of the buffer it is given: pass a copy.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const links: string[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        (content.items as TextItemLike[])
          .map((item) => (typeof item.str === 'string' ? item.str : '') + (item.hasEOL === true ? '\n' : ''))
          .join(''),
      );
      const annotations = (await page.getAnnotations()) as LinkLike[];
      links.push(annotations.filter((a) => a.subtype === 'Link' && typeof a.dest === 'string').map((a) => a.dest as string));
    }
    const metadata = await pdf.getMetadata();
    const outline: string[] = [];
    const destinations: unknown[] = [];
    const visit = (items: readonly OutlineLike[], depth: number): void => {
      for (const item of items) {
        outline.push(`${'  '.repeat(depth)}${item.title}`);
        destinations.push(item.dest);
        visit(item.items ?? [], depth + 1);
      }
    };
    visit(((await pdf.getOutline()) ?? []) as OutlineLike[], 0);
    return { pages, info: metadata.info as Record<string, unknown>, outline, outlineDestinations: destinations, links };
  } finally {
    await pdf.destroy();
  }
}

/** Text with all white space removed: line breaks may fall between any two CJK characters. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A page of template-like markup read into a document model, as the builder reads template output. */
export function documentOf(html: string): DocumentModel {
  const lang = langOf(/<html[^>]*\blang="([^"]*)"/.exec(html)?.[1]) ?? 'zh';
  return { lang, title: '', blocks: readMarkup(html, () => []) };
}
