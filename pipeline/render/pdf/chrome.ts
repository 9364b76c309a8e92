// Page furniture written once all pages exist: "第 x 页 / 共 y 页" footers and the running head with the short title.
import type { Canvas, GlyphRun } from './canvas.ts';
import { withStandIns, type FaceName } from '../fonts.ts';
import type { Lang } from '../document/model.ts';
import type { Theme } from './style.ts';

/** The footer wording for 1-based page `page` of `count`. */
export function pageLabel(lang: Lang, page: number, count: number): string {
  return lang === 'zh' ? `第 ${page} 页 / 共 ${count} 页` : `Page ${page} of ${count}`;
}

/** Adds footers to every page and a running head to every page but the first (which carries the title itself). */
export function drawChrome(canvas: Canvas, theme: Theme, lang: Lang, title: string): void {
  const { size, color, rule, headerY, footerY } = theme.chrome;
  const textWidth = theme.width - theme.left - theme.right;
  const measure = (text: string, face: FaceName): number => widthOf(canvas, text, face, size);
  const head = shortTitle(withStandIns(title, canvas), textWidth * 0.75, (text) => measure(text, 'regular'));
  const count = canvas.pageCount();
  for (let index = 0; index < count; index++) {
    canvas.switchToPage(index);
    canvas.beginArtifact();
    const label = pageLabel(lang, index + 1, count);
    const runs: GlyphRun[] = [line(label, (theme.width - measure(label, 'regular')) / 2, footerY, size, color)];
    if (index > 0 && head !== '') {
      runs.push(line(head, theme.left, headerY, size, color));
      canvas.rule(theme.left, theme.width - theme.right, headerY + size * 0.55, 0.4, rule);
    }
    canvas.drawText(runs);
    canvas.endMarked();
  }
}

function line(text: string, x: number, baseline: number, size: number, color: GlyphRun['color']): GlyphRun {
  return { face: 'regular', size, x, baseline, oblique: false, color, segments: [text], gap: 0 };
}

function widthOf(canvas: Canvas, text: string, face: FaceName, size: number): number {
  let width = 0;
  for (const char of text) width += canvas.advance(face, char.codePointAt(0) as number) * size;
  return width;
}

/**
 * A title short enough for the running head: the whole title if it fits, else the part before a subtitle
 * separator (：, :, ——), else cut with an ellipsis.
 */
export function shortTitle(title: string, maxWidth: number, measure: (text: string) => number): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (measure(clean) <= maxWidth) return clean;
  const main = clean.split(/[：:]|——| — /)[0]?.trim() ?? '';
  if (main !== '' && main !== clean && measure(main) <= maxWidth) return main;
  const chars = Array.from(clean);
  while (chars.length > 1 && measure(`${chars.join('')}…`) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
