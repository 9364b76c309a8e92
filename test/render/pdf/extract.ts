// Test helper: reads a PDF back with pdfjs (text per page in drawing order, info, outline, links), as a reader would.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ExtractedPdf {
  pages: string[];
  info: Record<string, unknown>;
  outline: string[];
  /** Named destinations of the link annotations, per page (1-based page n at index n - 1). */
  links: string[][];
}

interface TextItemLike {
  str?: unknown;
  hasEOL?: unknown;
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
    const outline = ((await pdf.getOutline()) ?? []).map((item) => item.title);
    return { pages, info: metadata.info as Record<string, unknown>, outline, links };
  } finally {
    await pdf.destroy();
  }
}

/** Text with all white space removed: line breaks may fall between any two CJK characters. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
