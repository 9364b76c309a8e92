// Headless Debian Chromium through playwright-core: launch, open a page under watch (console, errors, network), run axe-core.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { repoRoot } from './build.ts';

/** Debian's package; Playwright's own browser download does not work on these machines. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps phoning Google, which this closed network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium, or fails with the command that installs it: a missing browser must not pass as "skipped". */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}. Install it with \`apt-get install chromium\` ` +
        '(or point CHROMIUM_PATH at a Chromium binary); the browser tests cannot run without it.',
    );
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/** A page opened from a file:// URL, with everything it did that a standalone page must not do. */
export interface WatchedPage {
  page: Page;
  /** Text and location of each `console.error` (including Chromium's own, such as a CSP violation or a failed load). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Every URL requested other than the page's own file and data: URLs; each one was aborted before it left. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** Opens `url` in a fresh context and waits for `load` and for web fonts, so a screenshot shows the final layout. */
export async function openWatched(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const isAllowed = (requested: string): boolean => requested === url || requested.startsWith('data:');
  // Abort rather than merely record: the test must not depend on the network being closed.
  await context.route('**/*', (route) => (isAllowed(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  const watched: WatchedPage = {
    page,
    consoleErrors: [],
    pageErrors: [],
    foreignRequests: [],
    close: () => context.close(),
  };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url: source, lineNumber } = message.location();
    watched.consoleErrors.push(source ? `${message.text()} (${source}:${lineNumber + 1})` : message.text());
  });
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  page.on('request', (request) => {
    if (!isAllowed(request.url())) watched.foreignRequests.push(`${request.resourceType()} ${request.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return watched;
}

/** The WCAG 2.0 and 2.1 levels A and AA: what a published review is expected to meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axePath = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

/** The part of axe-core's global API used here (the page's `window.axe` once injected). */
interface AxeGlobal {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

/**
 * Injects axe-core and runs the WCAG rules over the whole document.
 * The page's CSP forbids inline scripts, so open it with `bypassCSP: true` first.
 */
export async function runAxe(page: Page): Promise<Pick<AxeResults, 'violations' | 'incomplete'>> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: AxeGlobal };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    // Only what the test reports: the full result also lists every pass and is large to send back.
    return { violations: results.violations, incomplete: results.incomplete };
  }, WCAG_TAGS);
}

/** One paragraph per violation: what is wrong, how bad, where (first node) and where to read more. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const first = violation.nodes[0];
      const where = first ? `\n    at ${JSON.stringify(first.target)}\n    ${first.html}` : '';
      const more = violation.nodes.length > 1 ? `\n    (+${violation.nodes.length - 1} more nodes)` : '';
      return `- ${violation.id} [${violation.impact ?? 'no impact given'}]: ${violation.help}${where}${more}\n    ${violation.helpUrl}`;
    })
    .join('\n');
}
