// htmlparser2 adapter for the document builder: turns template output into a small element tree (entities decoded, head skipped).
import { Parser } from 'htmlparser2';

export interface HtmlElement {
  kind: 'element';
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: HtmlNode[];
}

export interface HtmlText {
  kind: 'text';
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

// Their text is not page content: styles, scripts and the <title> (the title comes in through the options).
const SKIPPED = new Set(['head', 'style', 'script', 'title', 'template', 'noscript']);

const MAX_DEPTH = 64;

/** Parses a document into a root element named `#root`; unclosed elements are closed at the end, as browsers do. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let skipping = 0;
  let deep = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipping > 0 || SKIPPED.has(name)) {
          skipping++;
          return;
        }
        // Nesting deeper than any page needs is flattened: its text stays, in the deepest element kept.
        if (stack.length > MAX_DEPTH) {
          deep++;
          return;
        }
        const element: HtmlElement = { kind: 'element', name, attrs, children: [] };
        (stack[stack.length - 1] as HtmlElement).children.push(element);
        stack.push(element);
      },
      ontext(text) {
        if (skipping > 0) return;
        const parent = stack[stack.length - 1] as HtmlElement;
        const last = parent.children[parent.children.length - 1];
        // The parser may deliver one text node in several pieces; keep it one node.
        if (last?.kind === 'text') last.text += text;
        else parent.children.push({ kind: 'text', text });
      },
      onclosetag() {
        if (skipping > 0) {
          skipping--;
          return;
        }
        if (deep > 0) deep--;
        else if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

/** The classes of an element, from its class attribute. */
export function classesOf(element: HtmlElement): string[] {
  return (element.attrs['class'] ?? '').split(/\s+/).filter((name) => name !== '');
}

export function hasClass(element: HtmlElement, name: string): boolean {
  return classesOf(element).includes(name);
}

/** All the text under a node, as written. */
export function textOf(node: HtmlNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textOf).join('');
}

/**
 * Every start tag of a text, with its attributes as written (entities left alone) and the 0-based offset of its `<`,
 * in source order: for holding a template's markup to the elements the document model knows, with places.
 */
export function scanTags(text: string, onTag: (name: string, attrs: Readonly<Record<string, string>>, offset: number) => void): void {
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        onTag(name, attrs, parser.startIndex);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
}
