// The shipped review built to HTML and opened in headless Chromium: clean console, no network, WCAG 2.1 AA, phone layout, print.
import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { artefactPath, buildReview, type BuiltReview } from './helpers/build.ts';
import { describeViolations, launchChromium, openWatched, runAxe } from './helpers/browser.ts';

const DESKTOP = { viewport: { width: 1280, height: 800 } };
// A current mid-size phone; isMobile makes Chromium honour the viewport meta as a phone does.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

const PAGES = [
  { file: 'review.html', name: 'review', landscape: false },
  { file: 'evidence-table.html', name: 'evidence-table', landscape: true },
] as const;

let built: BuiltReview;
let browser: Browser;

beforeAll(async () => {
  built = buildReview();
  browser = await launchChromium();
});

afterAll(async () => {
  // Either may be missing when beforeAll failed; the failure is already reported.
  if (browser) await browser.close();
  if (built) rmSync(built.dir, { recursive: true, force: true });
});

describe('the network guard (self-check)', () => {
  test('catches a page that fetches something and reports it as a console error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-e2e-guard-'));
    try {
      const file = join(dir, 'leaky.html');
      writeFileSync(file, '<!doctype html><link rel="stylesheet" href="other.css"><img alt="" src="http://127.0.0.1:9/x.png"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
      const watched = await openWatched(browser, pathToFileURL(file).href);
      await watched.close();
      expect(watched.foreignRequests).toEqual([`stylesheet ${pathToFileURL(join(dir, 'other.css')).href}`, 'image http://127.0.0.1:9/x.png']);
      expect(watched.consoleErrors).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const { file, name, landscape } of PAGES) {
  describe(file, () => {
    test('loads without console errors or page errors', async () => {
      // The page's own CSP stays on here: a violation of it is a console error and must fail.
      const watched = await openWatched(browser, built.pageUrl(file), DESKTOP);
      await watched.close();
      expect(watched.consoleErrors, 'console errors').toEqual([]);
      expect(watched.pageErrors, 'page errors').toEqual([]);
    });

    test('requests nothing but its own file', async () => {
      const watched = await openWatched(browser, built.pageUrl(file), DESKTOP);
      // Print media can pull in resources of its own (print-only images, fonts): look there too.
      await watched.page.emulateMedia({ media: 'print' });
      await watched.page.evaluate(() => document.fonts.ready.then(() => undefined));
      await watched.close();
      expect(watched.foreignRequests).toEqual([]);
    });

    test('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
      // The page's CSP would block axe's injected <script>; bypassing it changes nothing axe looks at.
      const watched = await openWatched(browser, built.pageUrl(file), { ...DESKTOP, bypassCSP: true });
      const { violations } = await runAxe(watched.page);
      await watched.close();
      expect(violations, `axe-core found violations:\n${describeViolations(violations)}`).toHaveLength(0);
    });

    test('the evidence table has a caption, column headers and a row header per study', async () => {
      const watched = await openWatched(browser, built.pageUrl(file), DESKTOP);
      const tables = await watched.page.$$eval('#evidence-table table', (elements) =>
        elements.map((table) => {
          const headerCells = [...table.querySelectorAll('thead th')];
          const columns = headerCells.length;
          // Group headings (one cell spanning the table) are not study rows.
          const studyRows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')].filter((row) => row.cells.length === columns);
          return {
            caption: table.querySelector(':scope > caption')?.textContent?.trim() ?? '',
            columns,
            headerCellsWithoutColScope: headerCells.filter((cell) => cell.getAttribute('scope') !== 'col').map((cell) => cell.outerHTML),
            studyRows: studyRows.length,
            rowsWithoutRowHeader: studyRows
              .filter((row) => !(row.cells[0]?.tagName === 'TH' && row.cells[0].getAttribute('scope') === 'row'))
              .map((row) => row.outerHTML.slice(0, 200)),
          };
        }),
      );
      await watched.close();
      expect(tables, 'one evidence table').toHaveLength(1);
      const [table] = tables;
      expect(table?.caption, 'caption text').not.toBe('');
      expect(table?.columns, 'header cells').toBeGreaterThan(1);
      expect(table?.headerCellsWithoutColScope, 'header cells need scope="col"').toEqual([]);
      expect(table?.studyRows, 'one row per study in review-data.json').toBe(built.data.studies.length);
      expect(table?.rowsWithoutRowHeader, 'each study row starts with th scope="row"').toEqual([]);
    });

    test('desktop: full-page screenshot at 1280 wide', async () => {
      const watched = await openWatched(browser, built.pageUrl(file), DESKTOP);
      await watched.page.screenshot({ path: artefactPath(`${name}-desktop.png`), fullPage: true });
      await watched.close();
    });

    test('phone (390×844): the page does not scroll sideways; full-page screenshot', async () => {
      const watched = await openWatched(browser, built.pageUrl(file), PHONE);
      await watched.page.screenshot({ path: artefactPath(`${name}-phone.png`), fullPage: true });
      const layout = await watched.page.evaluate((phoneWidth) => {
        // Name what sticks out, unless a scrolling or clipping ancestor (the table's own scroller) contains it.
        const clipped = (element: Element): boolean => {
          for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflowX !== 'visible') return true;
          }
          return false;
        };
        const overflowing = [...document.body.querySelectorAll('*')]
          .filter((element) => element.getBoundingClientRect().right > phoneWidth + 1 && !clipped(element))
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).replace(/ +/g, '.')}` : ''} right=${Math.round(element.getBoundingClientRect().right)}`);
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, overflowing };
      }, PHONE.viewport.width);
      await watched.close();
      const problem = `page wider than the phone (scrollWidth ${layout.scrollWidth}, innerWidth ${layout.innerWidth}); sticking out: ${layout.overflowing.join(', ') || 'nothing found'}`;
      expect(layout.scrollWidth, problem).toBeLessThanOrEqual(layout.innerWidth + 1);
      // A phone browser widens its layout viewport to fit content that is too wide, which would hide the overflow from the check above.
      expect(layout.innerWidth, problem).toBe(PHONE.viewport.width);
    });

    test('print: the table header repeats on every page', async () => {
      const watched = await openWatched(browser, built.pageUrl(file), DESKTOP);
      await watched.page.emulateMedia({ media: 'print' });
      const displays = await watched.page.$$eval('#evidence-table table thead', (heads) => heads.map((head) => getComputedStyle(head).display));
      await watched.close();
      expect(displays.length, 'tables with a thead').toBeGreaterThan(0);
      for (const display of displays) expect(display).toBe('table-header-group');
    });

    test(`print: A4 ${landscape ? 'landscape' : 'portrait'} PDF`, async () => {
      const watched = await openWatched(browser, built.pageUrl(file), DESKTOP);
      const pdf = await watched.page.pdf({ path: artefactPath(`${name}-print.pdf`), format: 'A4', printBackground: true, landscape });
      await watched.close();
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
}
