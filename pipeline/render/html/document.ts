// Wraps rendered HTML in a standalone page: charset, language, title and the inlined style sheet; nothing is fetched.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Lang } from '../format.ts';

let styleSheet: string | undefined;

function css(): string {
  styleSheet ??= readFileSync(new URL('./style.css', import.meta.url), 'utf8');
  return styleSheet;
}

export interface HtmlDocumentOptions {
  lang: Lang;
  title: string;
  /** Body HTML (already escaped where it holds data). */
  body: string;
  /** The landscape handout layout (wide table, A4 landscape in print). */
  handout?: boolean;
}

export function htmlDocument({ lang, title, body, handout = false }: HtmlDocumentOptions): string {
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Belt and braces: even a stray URL in the data cannot make the page fetch anything.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${Handlebars.escapeExpression(title)}</title>`,
    `<style>${css()}</style>`,
    '</head>',
    '<body>',
    `<main${handout ? ' class="handout"' : ''}>${body}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
