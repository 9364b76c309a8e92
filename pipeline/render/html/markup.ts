// The review's markup: the elements and attributes the document model knows. Templates are held to it (a located error), and the rendered body is sanitised to it (sanitize-html adapter).
import sanitizeHtml from 'sanitize-html';
import { ReviewError } from '../../errors.ts';
import { LineIndex } from '../../citations/line-index.ts';
import { scanTags } from '../document/parse-html.ts';
import { BLOCK_ELEMENT } from '../document/markup.ts';

/** The elements the document model knows (pipeline/render/document/markup.ts), and nothing else. */
export const MARKUP_ELEMENTS: readonly string[] = [
  'main', 'article', 'header', 'footer', 'section', 'div', 'figure', 'nav', 'aside', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'figcaption', 'pre', 'hr', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'br', 'strong', 'b', 'em', 'i', 'cite', 'var', 'sup', 'sub', 'code', 'kbd', 'samp', 'a', 'span',
];

/** The attributes each element may carry (`*`: any element): structure, language and the tool's own table and link markup. */
export const MARKUP_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['class', 'id', 'lang', 'role', 'aria-label', 'tabindex'],
  a: ['href'],
  li: ['value'],
  ol: ['start'],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};

/** The links a page may hold: to a place in the document, or a web or mail address (the PDF renderer keeps the same). */
const LINK = /^(?:#|https?:\/\/|mailto:)/i;

// Elements whose content is no text of the document either: dropped with what they hold.
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'select', 'noscript', 'title', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'xmp', 'noembed', 'noframes'];

const ELEMENTS = new Set(MARKUP_ELEMENTS);

// The tool's block placeholders pass the sanitiser (the helpers write them); a template may not write one itself, since
// `checkTemplateMarkup` holds templates to MARKUP_ELEMENTS alone.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...MARKUP_ELEMENTS, BLOCK_ELEMENT],
  allowedAttributes: { ...Object.fromEntries(Object.entries(MARKUP_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])), [BLOCK_ELEMENT]: ['name'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  nonTextTags: DROPPED_WITH_CONTENT,
  // Entities are left as written: the body is already escaped (Handlebars, the tool's blocks), and decoding would
  // change every `&#x27;` of the output for nothing.
  parser: { decodeEntities: false },
  transformTags: {
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      return { tagName, attribs: href !== undefined && LINK.test(href) ? { ...rest, href } : rest };
    },
  },
};

/**
 * The rendered body with every element and attribute outside the markup removed (the text of an unknown element
 * kept; scripts, styles and the like dropped whole), so nothing else reaches the HTML or, through it, the PDF.
 * sanitize-html writes void elements as `<br />`; they are written back as the rest of the page writes them.
 */
export function sanitiseBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).replace(/<(br|hr) \/>/g, '<$1>');
}

/**
 * Holds a template's own markup to the review's: the first element or attribute outside it, or a link that is not
 * `#…`, `http(s)://` or `mailto:`, is a TEMPLATE error at its line and column. Handlebars comments are blanked out
 * first (what they hold is no markup), and attributes built by Handlebars (`{{…}}` in a name or a link) are left to the
 * sanitiser, which sees what they render to.
 */
export function checkTemplateMarkup(source: string, file: string): void {
  const text = blankComments(source);
  let problem: { offset: number; message: string } | undefined;
  scanTags(text, (name, attrs, offset) => {
    if (problem) return;
    if (!ELEMENTS.has(name)) {
      problem = { offset, message: `<${name}> is not part of the review's markup; the elements are ${MARKUP_ELEMENTS.join(', ')}` };
      return;
    }
    const allowed = [...(MARKUP_ATTRIBUTES['*'] ?? []), ...(MARKUP_ATTRIBUTES[name] ?? [])];
    for (const [attribute, value] of Object.entries(attrs)) {
      if (attribute.includes('{{') || attribute.includes('}}')) continue;
      if (!allowed.includes(attribute)) {
        problem = { offset, message: `attribute '${attribute}' is not allowed on <${name}>; it may have ${allowed.join(', ')}` };
        return;
      }
      if (attribute === 'href' && !value.includes('{{') && !LINK.test(value)) {
        problem = { offset, message: `a link goes to '#…', 'https://…', 'http://…' or 'mailto:…', not '${value.slice(0, 60)}'` };
        return;
      }
    }
  });
  if (problem) {
    const { line, column } = new LineIndex(text).positionOf(problem.offset);
    throw new ReviewError('TEMPLATE', `${file}:${line}:${column}: ${problem.message}`, { path: file });
  }
}

/** The text with each Handlebars comment (`{{! … }}`, `{{!-- … --}}`) replaced by spaces, line breaks kept, so offsets stay. */
function blankComments(source: string): string {
  let out = '';
  let from = 0;
  for (let at = source.indexOf('{{!'); at >= 0; at = source.indexOf('{{!', from)) {
    const long = source.startsWith('{{!--', at);
    const close = source.indexOf(long ? '--}}' : '}}', at + 3);
    const end = close < 0 ? source.length : close + (long ? 4 : 2);
    out += source.slice(from, at) + source.slice(at, end).replace(/[^\n]/g, ' ');
    from = end;
  }
  return out + source.slice(from);
}
