// Script and template injection through the records: markup in text fields must reach the page as visible text, never as code.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReview, repoRoot, type BuiltReview } from './helpers/build.ts';
import { launchChromium, openWatched } from './helpers/browser.ts';

/** Each piece attacks a different layer: HTML parsing, event handlers, link URLs and a second Handlebars pass. */
const PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', 'javascript:alert(1)', '{{evil}}'];
const PAYLOAD = PAYLOADS.join(' ');

type CsvTable = string[][];

function readCsv(file: string): CsvTable {
  return parse(readFileSync(file), { bom: true, relax_column_count: false }) as CsvTable;
}

function writeCsv(file: string, table: CsvTable): void {
  const quote = (field: string): string => `"${field.replaceAll('"', '""')}"`;
  writeFileSync(file, `${table.map((row) => row.map(quote).join(',')).join('\n')}\n`);
}

/** Sets `column` of the data row whose `id` is `id`; throws when either is missing so a records change cannot void the test. */
function setField(table: CsvTable, id: string, column: string, value: string): void {
  const header = table[0] ?? [];
  const idIndex = header.indexOf('id');
  const columnIndex = header.indexOf(column);
  const row = table.slice(1).find((cells) => cells[idIndex] === id);
  if (idIndex < 0 || columnIndex < 0 || !row) throw new Error(`no row ${id} or no column ${column} in ${header.join(',')}`);
  row[columnIndex] = value;
}

/**
 * Copies the shipped records and templates and puts the payload into a study's conclusion and population
 * and into its reference's title (rendered through citeproc, whose HTML is the one thing inserted unescaped).
 */
function taintedCopy(dir: string): { records: string; templates: string } {
  const records = join(dir, 'records');
  const templates = join(dir, 'templates');
  cpSync(join(repoRoot, 'records'), records, { recursive: true });
  cpSync(join(repoRoot, 'templates'), templates, { recursive: true });

  const studies = readCsv(join(records, 'studies.csv'));
  const references = readCsv(join(records, 'references.csv'));
  const studyHeader = studies[0] ?? [];
  const referenceHeader = references[0] ?? [];
  // The first study whose reference has a title, so the title is printed in the reference list.
  const titled = new Set(references.slice(1).filter((row) => row[referenceHeader.indexOf('title')]).map((row) => row[referenceHeader.indexOf('id')]));
  const study = studies.slice(1).find((row) => titled.has(row[studyHeader.indexOf('reference_id')]));
  const studyId = study?.[studyHeader.indexOf('id')];
  const referenceId = study?.[studyHeader.indexOf('reference_id')];
  if (studyId === undefined || referenceId === undefined) throw new Error('the shipped records have no study with a titled reference');

  setField(studies, studyId, 'conclusion', PAYLOAD);
  setField(studies, studyId, 'population', PAYLOAD);
  setField(references, referenceId, 'title', PAYLOAD);
  writeCsv(join(records, 'studies.csv'), studies);
  writeCsv(join(records, 'references.csv'), references);
  return { records, templates };
}

let workDir: string;
let built: BuiltReview;
let browser: Browser;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'review-e2e-inject-'));
  built = buildReview(taintedCopy(workDir));
  browser = await launchChromium();
});

afterAll(async () => {
  if (browser) await browser.close();
  if (built) rmSync(built.dir, { recursive: true, force: true });
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe.each(['review.html', 'evidence-table.html'])('%s built from records holding markup', (file) => {
  test('runs none of it and shows it as text', async () => {
    // The CSP would stop an injected script anyway; turn it off so that only escaping is tested.
    const watched = await openWatched(browser, built.pageUrl(file), { bypassCSP: true });
    const dialogs: string[] = [];
    watched.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const page = await watched.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: document.body.querySelectorAll('script').length,
      handlers: [...document.body.querySelectorAll('*')].flatMap((element) =>
        element.getAttributeNames().filter((attribute) => attribute.startsWith('on')).map((attribute) => `${element.tagName}[${attribute}]`),
      ),
      scriptLinks: [...document.querySelectorAll('a[href]')].map((link) => link.getAttribute('href') ?? '').filter((href) => /^\s*javascript:/i.test(href)),
      text: document.body.innerText,
    }));
    await watched.close();

    expect(page.pwned, 'window.__pwned').toBeUndefined();
    expect(page.scripts, '<script> elements in the body').toBe(0);
    expect(page.handlers, 'event-handler attributes').toEqual([]);
    expect(page.scriptLinks, 'javascript: links').toEqual([]);
    expect(dialogs, 'alert() dialogs').toEqual([]);
    // An <img src=x> that got through would request the file x next to the page.
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    // The conclusion is printed in the evidence table, which both pages contain.
    expect(page.text).toContain(PAYLOAD);
  });
});

test('the reference title holding markup is shown as text in the reference list', async () => {
  const watched = await openWatched(browser, built.pageUrl('review.html'), { bypassCSP: true });
  const references = await watched.page.$eval('ol.references', (list) => ({ text: list.textContent ?? '', elements: list.querySelectorAll('script, img').length }));
  await watched.close();
  expect(references.elements, '<script> or <img> in the reference list').toBe(0);
  for (const piece of PAYLOADS) expect(references.text).toContain(piece);
});
