// A small vector figure drawn into both outputs: inline SVG with <title>/<desc> in HTML, paths and text in a tagged PDF.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SceneBuilder, type Scene } from '../../pipeline/render/document/scene.ts';
import { blocksHtml } from '../../pipeline/render/document/html.ts';
import { PLAIN, type DocumentModel } from '../../pipeline/render/document/model.ts';
import { renderPdf } from '../../pipeline/render/pdf/index.ts';
import { measureText } from '../../pipeline/render/fonts.ts';

// A made-up two-study plot: the numbers are shapes to draw, not data from any source.
function forestScene(): Scene {
  const s = new SceneBuilder(300, 90, { title: '森林图 Forest plot', description: 'Two studies and their pooled estimate on a ratio axis' });
  const labelWidth = s.text('Aronson 1948', 4, 20, { size: 8 });
  s.text('Ferguson 1949', 4, 40, { size: 8 });
  s.line(150, 8, 150, 70, { color: '#5c5c66', width: 0.5, dash: [2, 2] });
  s.line(110, 17, 190, 17, { color: '#1d1d1f', width: 0.75 });
  s.rect(125, 13, 8, 8, { fill: '#1f4e8c' });
  s.line(130, 37, 170, 37, { color: '#1d1d1f', width: 0.75 });
  s.rect(146, 33, 8, 8, { fill: '#1f4e8c' });
  s.diamond(120, 140, 165, 58, 5, { fill: '#1f4e8c', stroke: { color: '#1d1d1f', width: 0.5 } });
  s.text('0.49 (0.34–0.70)', 296, 62, { size: 8, anchor: 'end', bold: true });
  expect(labelWidth).toBeCloseTo(measureText('Aronson 1948', 8, false), 6);
  return s.build();
}

function documentWith(scene: Scene): DocumentModel {
  return {
    lang: 'en',
    title: 'Figure test',
    blocks: [
      { kind: 'heading', level: 1, runs: [{ text: 'Figure test', marks: PLAIN }], anchor: null },
      { kind: 'figure', figure: { scene, caption: [{ text: 'Figure 1. A forest plot', marks: PLAIN }], anchor: 'fig-forest' } },
    ],
  };
}

describe('a vector figure in both outputs', () => {
  const scene = forestScene();

  it('measures text with the embedded font: wider for more text, bold wider than regular', () => {
    expect(measureText('Aronson', 8, false)).toBeGreaterThan(20);
    expect(measureText('Aronson 1948', 8, false)).toBeGreaterThan(measureText('Aronson', 8, false));
    expect(measureText('Aronson', 8, true)).toBeGreaterThan(measureText('Aronson', 8, false));
    expect(measureText('托珠单抗', 10, false)).toBeCloseTo(40, 0);
  });

  it('is inline SVG in HTML, named for screen readers by its <title> and <desc>', () => {
    const html = blocksHtml(documentWith(scene));
    expect(html).toMatch(/<figure class="figure" id="fig-forest"><svg [^>]*role="img"[^>]*aria-labelledby="fig-1-title" aria-describedby="fig-1-desc">/);
    expect(html).toContain('<title id="fig-1-title">森林图 Forest plot</title>');
    expect(html).toContain('<desc id="fig-1-desc">Two studies and their pooled estimate on a ratio axis</desc>');
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html.match(/<line /g)).toHaveLength(3);
    expect(html).toContain('<path d="M120 58L140 53L165 58L140 63Z" fill="#1f4e8c" stroke="#1d1d1f" stroke-width="0.5"/>');
    expect(html).toContain('stroke-dasharray="2 2"');
    // An end-anchored label starts its measured width before its anchor.
    const end = /<text x="([\d.]+)" y="62"[^>]*textLength="([\d.]+)"[^>]*>0\.49/.exec(html);
    expect(Number(end?.[1]) + Number(end?.[2])).toBeCloseTo(296, 1);
    expect(html).toContain('<figcaption>Figure 1. A forest plot</figcaption>');
  });

  describe('in the PDF', () => {
    let page: Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const bytes = await renderPdf(documentWith(scene), { title: 'Figure test', author: '', subject: '', lang: 'en', landscape: false, creationDate: new Date(0) });
      const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
      page = await pdf.getPage(1);
      close = () => pdf.destroy();
    });

    it('draws paths and the labels as text', async () => {
      const operators = await page.getOperatorList();
      const paths = operators.fnArray.filter((op) => op === OPS.constructPath).length;
      expect(paths).toBeGreaterThanOrEqual(6);
      expect(operators.fnArray).toContain(OPS.fill);
      expect(operators.fnArray).toContain(OPS.stroke);
      const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
      for (const label of ['Aronson 1948', 'Ferguson 1949', '0.49 (0.34–0.70)', 'Figure 1. A forest plot']) expect(text).toContain(label);
    });

    it('tags it as a Figure with the scene’s title and description as alternative text', async () => {
      const tree = await page.getStructTree();
      const found: { role: string; alt?: string }[] = [];
      const visit = (node: { role?: string; alt?: string; children?: unknown[] }): void => {
        if (node.role) found.push({ role: node.role, ...(node.alt ? { alt: node.alt } : {}) });
        for (const child of node.children ?? []) visit(child as typeof node);
      };
      visit(tree as never);
      expect(found).toContainEqual({ role: 'Figure', alt: '森林图 Forest plot. Two studies and their pooled estimate on a ratio axis' });
      expect(found.map((node) => node.role)).toEqual(expect.arrayContaining(['Document', 'H1', 'Caption']));
      await close();
    });
  });
});
