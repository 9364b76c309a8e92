// {{forest}}: the scene of a made-up analysis, and the plot in examples/bcg's HTML and PDF, before and after a trial is added.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { forestAxis, forestScene } from '../../pipeline/render/forest.ts';
import { synthesise } from '../../pipeline/synthesis/synthesise.ts';
import type { AnalysisResult } from '../../pipeline/synthesis/analyse.ts';
import type { AnalysisTarget } from '../../pipeline/synthesis/from-records.ts';
import type { AnalysisSpec, StudyInput } from '../../pipeline/synthesis/types.ts';
import type { Shape } from '../../pipeline/render/document/scene.ts';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-forest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A made-up analysis (no such trials exist): three trials of different sizes, risk ratios below 1. */
function madeUp(): AnalysisResult {
  const spec: AnalysisSpec = { measure: 'RR', model: 'random', method: 'DL', ci: 'z', prediction: false };
  const trial = (id: string, e: number, n: number, c: number): StudyInput => ({ id, label: id, data: { kind: 'binary', experimental: { events: e, total: n }, control: { events: c, total: n } } });
  const studies = [trial('Small 2001', 3, 40, 9), trial('Large 2002', 60, 2000, 110), trial('Middle 2003', 12, 300, 25)];
  const target = { id: 'made-up', title: 'Made-up outcome', outcome: 'x', measure: 'RR', experimental: ['drug'], control: ['placebo'], spec } as unknown as AnalysisTarget;
  return { target, synthesis: synthesise(spec, studies), notEstimable: [] };
}

describe('the forest scene of a made-up analysis', () => {
  const result = madeUp();
  const scene = forestScene(result, 'en');
  const synthesis = result.synthesis!;
  const texts = scene.shapes.filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text');

  it('has one square per study, its area ordered as the weights are', () => {
    const squares = scene.shapes.filter((s): s is Extract<Shape, { kind: 'rect' }> => s.kind === 'rect');
    expect(squares).toHaveLength(3);
    const byArea = [...squares].sort((a, b) => a.width * a.height - b.width * b.height).map((s) => s.y);
    // Squares stand in the study rows, top to bottom in input order; the smallest is the lightest study.
    const rowOrder = [...squares].sort((a, b) => a.y - b.y);
    const weights = synthesis.studies.map((s) => s.weight);
    const byWeight = weights.map((w, i) => ({ w, y: (rowOrder[i] as { y: number }).y })).sort((a, b) => a.w - b.w).map((r) => r.y);
    expect(byArea).toEqual(byWeight);
  });

  it('draws the pooled diamond across the pooled CI on a log axis whose ticks cover every CI', () => {
    const pooled = synthesis.pooled!;
    const axis = forestAxis(true, synthesis.studies.flatMap((s) => [s.ciLow, s.ciHigh]));
    expect(axis.ticks[0]).toBeLessThanOrEqual(Math.min(...synthesis.studies.map((s) => s.ciLow)));
    expect(axis.ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(...synthesis.studies.map((s) => s.ciHigh)));
    expect(axis.ticks).toContain(1);
    // Where 1 and the outermost tick stand, from their labels: the log scale maps the diamond's ends.
    const tickX = (value: number) => texts.find((t) => t.text === String(value) && t.anchor === 'middle')!.x;
    const one = tickX(1);
    const perDecade = (tickX(axis.max) - one) / Math.log10(axis.max);
    const diamond = scene.shapes.find((s): s is Extract<Shape, { kind: 'path' }> => s.kind === 'path' && s.commands.length === 5)!;
    const xs = diamond.commands.flatMap((c) => ('x' in c ? [c.x] : []));
    expect(Math.min(...xs)).toBeCloseTo(one + Math.log10(pooled.ciLow) * perDecade, 3);
    expect(Math.max(...xs)).toBeCloseTo(one + Math.log10(pooled.ciHigh) * perDecade, 3);
    expect(texts.map((t) => t.text)).toContain(`${pooled.estimate.toFixed(2)} [${pooled.ciLow.toFixed(2)}, ${pooled.ciHigh.toFixed(2)}]`);
  });

  it('labels the columns, the tests and the favoured arms, and says the rows to a screen reader', () => {
    const words = texts.map((t) => t.text);
    for (const w of ['Study or subgroup', 'Events', 'Weight', 'Risk Ratio', 'IV, Random, 95% CI', 'Favours drug', 'Favours placebo']) expect(words).toContain(w);
    expect(words.some((w) => /^Heterogeneity: Tau² = [\d.]+; Chi² = [\d.]+, df = 2 \(P [=<] [\d.]+\); I² = \d+%$/.test(w))).toBe(true);
    expect(words.some((w) => /^Test for overall effect: Z = [\d.]+ \(P [=<] [\d.]+\)$/.test(w))).toBe(true);
    expect(scene.title).toBe('Forest plot: Made-up outcome');
    expect(scene.description).toContain('Small 2001 3 40 9 40');
    expect(forestScene(result, 'zh').shapes.some((s) => s.kind === 'text' && s.text === '支持drug')).toBe(true);
  });

  it('uses a linear axis about 0 for a difference', () => {
    const axis = forestAxis(false, [-3.2, 1.5]);
    expect(axis).toMatchObject({ log: false, min: -5, max: 5, nullValue: 0 });
    expect(axis.ticks).toEqual([-5, -2.5, 0, 2.5, 5]);
  });
});

function copyExample(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(root, 'examples/bcg'), dir, { recursive: true });
  return dir;
}

async function build(dir: string, only?: 'html'): Promise<{ code: number; stderr: string; html: string }> {
  const args = ['build', '--records', 'records', '--templates', 'templates', '--out', 'out', '--lang', 'en', '--quiet', ...(only ? ['--only', only] : [])];
  const run = await runCli(args, { cwd: dir });
  return { code: run.code, stderr: run.stderr, html: run.code === 0 ? readFileSync(join(dir, 'out/review.html'), 'utf8') : '' };
}

/** The plot's SVG in the built page. */
function forestSvg(html: string): string {
  return /<svg class="scene"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
}

describe('{{forest "bcg-rr"}} in examples/bcg', () => {
  it('is an SVG in the HTML and paths with the heterogeneity line in the PDF', async () => {
    const dir = copyExample('both');
    const run = await build(dir);
    expect(run.code).toBe(0);
    const svg = forestSvg(run.html);
    expect(svg).toContain('Forest plot: Tuberculosis, BCG vaccine vs no vaccine');
    expect(svg).toContain('Aronson 1948 [1]');
    expect(svg).toContain('>Favours BCG<');
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(dir, 'out/review.pdf'))), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    try {
      let found = false;
      for (let n = 1; n <= pdf.numPages && !found; n++) {
        const page = await pdf.getPage(n);
        const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('\n');
        if (!text.includes('Heterogeneity: Tau² = 0.31; Chi² = 152.23, df = 12 (P < 0.00001); I² = 92%')) continue;
        found = true;
        expect(text).toContain('Test for subgroup differences');
        const operators = await page.getOperatorList();
        expect(operators.fnArray.filter((op) => op === OPS.constructPath).length).toBeGreaterThan(30);
      }
      expect(found).toBe(true);
    } finally {
      await pdf.destroy();
    }
  });

  it('changes with a trial added to the records', async () => {
    const dir = copyExample('added');
    const before = forestSvg((await build(dir, 'html')).html);
    expect(before).toContain('RR, 13 studies');
    // A made-up trial (no such study exists), with a strong effect.
    appendFileSync(join(dir, 'records/references.csv'), 'madeup2000,,Nobody,,,2000,,,,,en,unverified,made-up for a test\n');
    appendFileSync(join(dir, 'records/studies.csv'), 'madeup2000,madeup2000,TB,rct,2000,,BCG vaccine,no vaccine,made-up for a test\n');
    appendFileSync(join(dir, 'records/outcomes.csv'), 'madeup2000,tb,count,BCG,2,1000,made-up\nmadeup2000,tb,count,control,40,1000,made-up\n');
    const after = forestSvg((await build(dir, 'html')).html);
    expect(after).toContain('RR, 14 studies');
    expect(after).toContain('Nobody 2000');
    const total = (svg: string) => /Total \(95% CI\) \d+ \d+ 100\.0% (\d\.\d\d \[[\d.]+, [\d.]+\])/.exec(svg)?.[1];
    expect(total(before)).toBe('0.49 [0.34, 0.70]');
    expect(total(after)).toMatch(/^\d\.\d\d \[/);
    expect(total(after)).not.toBe(total(before));
  });

  it('stops the build at a call for an unknown analysis, with its place', async () => {
    const dir = copyExample('unknown');
    const template = join(dir, 'templates/review.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}<p>{{forest "nope"}}</p>\n`);
    const run = await build(dir, 'html');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/review\.hbs:\d+:\d+.*no analysis has the id 'nope' in analyses\.csv/);
  });
});
