// The PDF read back as a reader would: text in order, the table header on every page, footers, info, fonts, identity.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, type PdfOptions } from '../../../pipeline/render/pdf/index.ts';
import { handoutHtml, reviewHtml } from '../../fixtures/render/review-html.ts';
import { compact, documentOf, extractPdf, type ExtractedPdf } from './extract.ts';

const OPTIONS: PdfOptions = {
  title: '托珠单抗治疗结缔组织病相关间质性肺病的研究进展',
  author: '编辑部',
  subject: '综述',
  keywords: '托珠单抗; CTD-ILD',
  lang: 'zh',
  landscape: false,
  creationDate: new Date('2025-01-15T00:00:00Z'),
};

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('renderPdf: the review (portrait, Chinese, 120-row table)', () => {
  let bytes: Uint8Array;
  let pdf: ExtractedPdf;

  beforeAll(async () => {
    bytes = await renderPdf(documentOf(reviewHtml(120)), OPTIONS);
    pdf = await extractPdf(bytes);
  });

  it('keeps Chinese text and its numbers in reading order', () => {
    const text = pdf.pages.join('\n');
    expect(text).toContain('托珠单抗治疗结缔组织病相关间质性肺病的研究进展');
    const all = compact(text);
    const sentence = compact('随访 30 个月结束后，针对 FVC 和 DLCO，14 例(56%)患者保持稳定，5 例(20%)改善，6 例(24%)恶化。');
    expect(all).toContain(sentence);
    expect(all.indexOf(compact('1. 引言'))).toBeLessThan(all.indexOf(compact('2. 类风湿关节炎')));
    expect(all.indexOf(compact('2. 类风湿关节炎'))).toBeLessThan(all.indexOf(compact('表 1 纳入研究的证据表')));
    expect(all).toContain('−136.0mL');
    expect(all).toContain('IL-6→STAT3');
  });

  it('sets the English abstract with its spaces', () => {
    expect(pdf.pages[0]).toMatch(/Connective-Tissue Disease \(CTD\) often affects/);
  });

  it('repeats the table header on every page the table spans', () => {
    const tablePages = pdf.pages.map((text, index) => ({ text: compact(text), index })).filter((page) => page.text.includes('表1纳入研究的证据表'));
    expect(tablePages.length).toBeGreaterThan(2);
    const continued = tablePages.filter((page) => page.text.includes('表1纳入研究的证据表（续）'));
    expect(continued.length).toBe(tablePages.length - 1);
    for (const page of continued) expect(page.text).toContain('研究设计国家样本量人群干预对照随访结局指标主要结果结论核实');
  });

  it('keeps every table row and its cells', () => {
    const all = compact(pdf.pages.join(''));
    for (const heading of ['类风湿关节炎(RA)', '系统性硬化症(SSc)', '特发性炎性肌病(IIM)']) expect(all).toContain(heading);
    // Row 119: Saito 2017, the last row of the table.
    expect(all).toContain(`Saito${2010 + (119 % 14)}`);
    expect(all).toContain('TCZ8mg/kgIVq4w');
  });

  it('numbers pages in the footer', () => {
    const count = pdf.pages.length;
    pdf.pages.forEach((text, index) => expect(text).toContain(`第 ${index + 1} 页 / 共 ${count} 页`));
  });

  it('sets the running head on pages after the first', () => {
    expect(pdf.pages[1]?.startsWith(OPTIONS.title) || pdf.pages[1]?.includes(OPTIONS.title)).toBe(true);
  });

  it('writes document info and language', () => {
    expect(pdf.info['Title']).toBe(OPTIONS.title);
    expect(pdf.info['Author']).toBe('编辑部');
    expect(pdf.info['Subject']).toBe('综述');
    expect(pdf.info['Keywords']).toBe('托珠单抗; CTD-ILD');
    expect(pdf.info['Creator']).toBe('review');
    expect(pdf.info['CreationDate']).toBe('D:20250115000000Z');
    expect(pdf.info['ModDate']).toBe('D:20250115000000Z');
    expect(latin1(bytes)).toContain('/Lang (zh-CN)');
  });

  it('bookmarks every heading and the table caption, each opening its own place', () => {
    expect(pdf.outline).toEqual(['托珠单抗治疗结缔组织病相关间质性肺病的研究进展', '摘要', 'Abstract', '1. 引言', '2. 类风湿关节炎', '  2.1 安全性', '3. 系统性硬化症', '本次更新', '  表 1 纳入研究的证据表', '参考文献']);
    expect(pdf.outlineDestinations.every((dest) => typeof dest === 'string')).toBe(true);
    expect(new Set(pdf.outlineDestinations).size).toBe(pdf.outlineDestinations.length);
  });

  it('links citations to their references', () => {
    expect(pdf.links[0]).toContain('ref-1');
    expect(pdf.links.flat()).toContain('ref-27');
  });

  it('embeds only the subset Noto Sans SC fonts, no Helvetica', () => {
    const raw = latin1(bytes);
    expect(raw).toContain('/FontFile2');
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((match) => match[1]);
    expect(new Set(fonts)).toEqual(new Set(fonts.filter((name) => /^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/.test(name ?? ''))));
    expect(fonts.some((name) => name?.endsWith('NotoSansSC-Regular'))).toBe(true);
    expect(fonts.some((name) => name?.endsWith('NotoSansSC-Bold'))).toBe(true);
    expect(raw).not.toContain('Helvetica');
  });

  it('gives byte-identical output for the same input', async () => {
    const again = await renderPdf(documentOf(reviewHtml(120)), OPTIONS);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('renderPdf: the handout (landscape, English labels)', () => {
  it('uses English footers, the landscape page and the table alone', async () => {
    const bytes = await renderPdf(documentOf(handoutHtml(30)), { ...OPTIONS, title: 'Evidence table', lang: 'en', landscape: true, keywords: undefined });
    const pdf = await extractPdf(bytes);
    const count = pdf.pages.length;
    expect(count).toBeGreaterThan(1);
    pdf.pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${count}`));
    expect(compact(pdf.pages[1] ?? '')).toContain('表1纳入研究的证据表 (continued)'.replace(/\s+/g, ''));
    expect(latin1(bytes)).toContain('/Lang (en)');
    expect(latin1(bytes)).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(pdf.info['Keywords']).toBeUndefined();
  });

  it('never drops text of unknown elements or characters the font lacks', async () => {
    const html = '<!doctype html><html lang="en"><body><main><custom-note>Łódź <b>Žilina</b> CO₂</custom-note><p>A<br>B</p></main></body></html>';
    const pdf = await extractPdf(await renderPdf(documentOf(html), { ...OPTIONS, lang: 'en' }));
    expect(pdf.pages[0]).toContain('Lódz');
    expect(pdf.pages[0]).toContain('Zilina');
    expect(pdf.pages[0]).toContain('CO2');
  });
});
