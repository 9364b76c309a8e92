// Markup and template syntax from the records reach the PDF as the text they are, never as anything else.
import { describe, expect, it } from 'vitest';
import { checkRecords } from '../../../pipeline/run.ts';
import { renderReview } from '../../../pipeline/render/review.ts';
import { renderPdf } from '../../../pipeline/render/pdf/index.ts';
import { compact, extractPdf } from './extract.ts';

const PAYLOAD = '<script>alert(1)</script> <img src=x onerror="alert(2)"> javascript:alert(3) {{evil}}';

describe('the PDF of a review whose records hold payloads', () => {
  it('shows every payload as literal text in the evidence table', async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const { dataset } = checkRecords({
      tables: {
        references: { path: 'references.csv', bytes: bytes('id,authors,title,year,status\nr1,Smith J,Trial,2020,verified\n') },
        studies: { path: 'studies.csv', bytes: bytes(`id,reference_id,disease,design,conclusion\ns1,r1,RA,rct,"${PAYLOAD.replace(/"/g, '""')}"\n`) },
        outcomes: { path: 'outcomes.csv', bytes: bytes('study_id,outcome,measure\n') },
      },
    });
    const rendered = renderReview({
      dataset,
      main: { path: 'review.hbs', source: '<p>{{cite "r1"}}</p>{{evidenceTable}}' },
      partials: [],
      meta: { title: 'Payloads', authors: '', subject: '', referenceStyle: 'vancouver' },
      lang: 'en',
      previous: undefined,
    });
    const pdf = await renderPdf(rendered.handout, { title: 'Payloads', author: '', subject: '', lang: 'en', landscape: true, creationDate: new Date(0) });
    const text = compact((await extractPdf(pdf)).pages.join(''));
    expect(text).toContain(compact(PAYLOAD));
    // No action or JavaScript entry can come from data: the PDF has none at all.
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).not.toMatch(/\/JavaScript|\/JS\s|\/OpenAction|\/Launch/);
  });
});
