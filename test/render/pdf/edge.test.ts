// Odd but valid input: empty documents and tables, one column, words wider than a cell, deep nesting.
import { describe, expect, it } from 'vitest';
import { renderPdf, type PdfOptions } from '../../../pipeline/render/pdf/index.ts';
import { compact, documentOf, extractPdf } from './extract.ts';

const OPTIONS: PdfOptions = { title: 'Edge', author: 'a', subject: 's', lang: 'en', landscape: false, creationDate: new Date('2025-01-01T00:00:00Z') };

async function textOf(body: string): Promise<string> {
  const bytes = await renderPdf(documentOf(`<!doctype html><html lang="en"><head><title>x</title></head><body><main>${body}</main></body></html>`), OPTIONS);
  return (await extractPdf(bytes)).pages.join('\n');
}

describe('renderPdf on edge cases', () => {
  it('renders an empty document as one numbered page', async () => {
    expect(await textOf('')).toContain('Page 1 of 1');
  });

  it('renders tables without body rows, without a head, and with one column', async () => {
    const text = compact(
      await textOf(
        '<table><caption>Empty</caption><thead><tr><th>A</th><th>B</th></tr></thead><tbody></tbody></table>' +
          '<table><tr><td>x1</td><td>y1</td></tr></table>' +
          '<table><tr><th>Only</th></tr><tr><td>one</td></tr></table>',
      ),
    );
    for (const part of ['Empty', 'AB', 'x1y1', 'Only', 'one']) expect(text).toContain(part);
  });

  it('breaks a word wider than its cell instead of overflowing, keeping every character', async () => {
    const doi = 'DOI:10.1002/art.27221-averyveryverylongidentifierwithoutanybreakopportunityatall';
    const cells = Array.from({ length: 12 }, (_, i) => `<td>${i === 3 ? doi : 'x'}</td>`).join('');
    expect(compact(await textOf(`<table><tr>${cells}</tr></table>`))).toContain(doi);
  });

  it('keeps the text of nested unknown elements and lists inside list items', async () => {
    const text = compact(await textOf('<div><x-a><x-b>deep <i>text</i></x-b></x-a></div><ul><li>outer<ul><li>inner</li></ul></li></ul><ol start="4"><li>four</li></ol>'));
    for (const part of ['deeptext', 'outer', 'inner', '4.four']) expect(text).toContain(part);
  });
});
