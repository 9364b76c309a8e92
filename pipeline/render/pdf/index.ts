// The PDF renderer: walks the document model onto typeset, tagged, deterministic A4 pages with embedded Noto Sans SC.
import { ReviewError, isReviewError } from '../../errors.ts';
import { setBlocks } from './blocks.ts';
import { Canvas } from './canvas.ts';
import { drawChrome } from './chrome.ts';
import { Flow, tagGroup, type FlowContext } from './flow.ts';
import { anchorsOf, type DocumentModel } from '../document/model.ts';
import { createStyler, themeFor } from './style.ts';

export interface PdfOptions {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** Document language (catalog /Lang zh-CN or en) and the wording of page footers and continued-table captions. */
  lang: 'zh' | 'en';
  /** A4 landscape (the evidence-table handout) instead of A4 portrait (the review). */
  landscape: boolean;
  /** Written as both CreationDate and ModDate; fixed by the caller (SOURCE_DATE_EPOCH) so output is byte-identical. */
  creationDate: Date;
}

/**
 * Renders a document model. Asynchronous only because PDFKit streams its output; the same input and options always
 * give the same bytes. Failures are ReviewErrors with code INTERNAL.
 */
export async function renderPdf(model: DocumentModel, options: PdfOptions): Promise<Uint8Array> {
  try {
    const theme = themeFor(options.landscape);
    const canvas = new Canvas({
      size: [theme.width, theme.height],
      lang: options.lang === 'zh' ? 'zh-CN' : 'en',
      info: {
        Title: options.title,
        Author: options.author,
        Subject: options.subject,
        ...(options.keywords === undefined ? {} : { Keywords: options.keywords }),
        CreationDate: options.creationDate,
      },
    });
    const ctx: FlowContext = { canvas, theme, style: createStyler(), anchors: anchorsOf(model.blocks), lang: options.lang, parent: null, headings: 0 };
    const flow = new Flow(ctx);
    tagGroup(ctx, 'Document', () => setBlocks(flow, model.blocks, { role: 'body', lang: model.lang }));
    drawChrome(canvas, theme, options.lang, options.title);
    return await canvas.finish();
  } catch (error) {
    if (isReviewError(error)) throw error;
    throw new ReviewError('INTERNAL', `PDF rendering failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
