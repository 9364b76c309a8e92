// The canvas's text as a reader finds it: every run where it was put, through relative moves, slanted runs and new text objects.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { Canvas, type GlyphRun } from '../../../pipeline/render/pdf/canvas.ts';
import { BLACK } from '../../../pipeline/render/pdf/style.ts';

interface Placed {
  text: string;
  x: number;
  y: number;
  slant: number;
}

const HEIGHT = 400;

function run(text: string, x: number, baseline: number, options: Partial<GlyphRun> = {}): GlyphRun {
  return { face: 'regular', size: 10, x, baseline, oblique: false, color: BLACK, segments: [text], gap: 0, ...options };
}

// Each run's text with its origin in PDF space (y up from the page foot) and its slant (0 upright, 0.2 oblique).
async function placedText(bytes: Uint8Array): Promise<Placed[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const page = await pdf.getPage(1);
    const content = await page.getTextContent();
    return (content.items as { str?: string; transform?: number[] }[])
      .filter((item) => typeof item.str === 'string' && item.str.trim() !== '')
      .map((item) => {
        const [a = 1, , c = 0, , e = 0, f = 0] = item.transform ?? [];
        return { text: item.str as string, x: e, y: f, slant: c / a };
      });
  } finally {
    await pdf.destroy();
  }
}

describe('Canvas text', () => {
  it('puts every run where it was asked, whatever the run before it', async () => {
    const canvas = new Canvas({ size: [300, HEIGHT], lang: 'en', info: { Title: 't', Author: 'a', Subject: 's', CreationDate: new Date(0) } });
    canvas.addPage();
    // One text object: upright moves, a slanted run, then upright again (which needs a whole matrix after the slant).
    canvas.drawText([
      run('alpha', 20.5, 30.25),
      run('beta', 120.125, 30.25),
      run('gamma', 20.5, 44.001),
      run('delta', 33.3333, 60, { oblique: true }),
      run('epsilon', 40, 75.5),
      run('zeta', 12, 90),
    ]);
    canvas.rule(10, 290, 100, 0.5, BLACK);
    // A second text object starts from the identity again; a justified run is written as one TJ array.
    canvas.drawText([run('eta', 200, 120), run('theta', 210.75, 140, { segments: ['the', 'ta'], gap: 1.5 })]);
    const placed = await placedText(await canvas.finish());
    const expected: [string, number, number, number][] = [
      ['alpha', 20.5, 30.25, 0],
      ['beta', 120.125, 30.25, 0],
      ['gamma', 20.5, 44.001, 0],
      ['delta', 33.333, 60, 0.2],
      ['epsilon', 40, 75.5, 0],
      ['zeta', 12, 90, 0],
      ['eta', 200, 120, 0],
      ['the', 210.75, 140, 0],
    ];
    expect(placed.length).toBeGreaterThanOrEqual(expected.length);
    expected.forEach(([text, x, baseline, slant], index) => {
      const item = placed[index] as Placed;
      expect(item.text.startsWith(text), `${item.text} for ${text}`).toBe(true);
      expect(item.x).toBeCloseTo(x, 6);
      expect(item.y).toBeCloseTo(HEIGHT - baseline, 6);
      expect(item.slant).toBeCloseTo(slant, 6);
    });
    expect(placed.map((item) => item.text).join('')).toContain('ta');
  });
});
