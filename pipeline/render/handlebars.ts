// Handlebars adapter: parsing and walking templates, with Handlebars' own errors turned into located template errors.
import Handlebars from 'handlebars';
import { ReviewError } from '../errors.ts';

type Node = hbs.AST.Node;

/** A helper call found in a template: its name, string arguments and 1-based position of its `{{`. */
export interface HelperCall {
  name: string;
  strings: string[];
  /** All positional arguments, strings or not. */
  argumentCount: number;
  /** Hash arguments with a literal value (`field="percent"`), as text; sub-expressions and lookups are left out. */
  hash: Readonly<Record<string, string>>;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The arguments and hash values when every one is a literal (string, number, boolean), so the call can be answered before rendering. */
  literal?: { params: (string | number | boolean)[]; hash: Record<string, string | number | boolean> };
}

type Literal = hbs.AST.StringLiteral | hbs.AST.NumberLiteral | hbs.AST.BooleanLiteral;
const isLiteral = (node: hbs.AST.Expression): node is Literal => node.type === 'StringLiteral' || node.type === 'NumberLiteral' || node.type === 'BooleanLiteral';

/** A call's arguments as values, when all of them are literals. */
function literalArguments(params: readonly hbs.AST.Expression[], pairs: readonly hbs.AST.HashPair[]): HelperCall['literal'] {
  if (!params.every(isLiteral) || !pairs.every((pair) => isLiteral(pair.value))) return undefined;
  return { params: params.map((p) => p.value), hash: Object.fromEntries(pairs.map((pair) => [pair.key, (pair.value as Literal).value])) };
}

/** A parsed template, as written: Handlebars' whitespace control is left to `compile`, which applies it to a tree it is given. */
export type TemplateTree = hbs.AST.Program;

/**
 * Parses a template; a syntax error becomes a ReviewError naming the file, line and column. One parse serves both
 * the citation check (which walks the tree's calls) and the render: compiling the tree gives what compiling the
 * source would. Compiling rewrites parts of the tree, so walk it before, not after.
 */
export function parseTemplate(source: string, file: string): TemplateTree {
  try {
    return Handlebars.parseWithoutProcessing(source);
  } catch (error) {
    throw templateError(error, file, source);
  }
}

/**
 * Turns any Handlebars error (parse or strict-mode runtime) into a located ReviewError. A parse
 * error shows only an excerpt ("...last 20 characters before the error" and a caret), so with the
 * source at hand the column is found where that excerpt ends on the error's line.
 */
export function templateError(error: unknown, file: string, source?: string): ReviewError {
  const message = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number };
  let line = located.lineNumber;
  let column = located.column === undefined ? undefined : located.column + 1;
  const parseLine = /(?:Parse|Lexical) error on line (\d+)[:.][^\n]*\n(.*)\n(-*)\^/.exec(message);
  if (parseLine) {
    line = Number(parseLine[1]);
    const caret = parseLine[3]?.length ?? 0;
    const before = (parseLine[2] ?? '').slice(0, caret).replace(/^\.\.\./, '');
    column = source === undefined ? caret + 1 : columnAfter(source, line, before);
    // A lexical error (an unclosed {{!-- comment) is best shown at the `{{` that opened the bad token.
    if (source !== undefined && message.startsWith('Lexical')) column = openingBraces(source, line, column);
    const open = source !== undefined && /got 'EOF'/.test(message) ? unclosedBlock(source) : undefined;
    if (open) return new ReviewError('TEMPLATE', `${file}:${open.line}:${open.column}: {{#${open.name}}} is never closed`, { path: file, cause: error });
  }
  const summary = message
    .replace(/^Parse error on line \d+:\n.*\n-*\^\n/, '')
    .replace(/^Lexical error on line \d+\. (.*?)\.?\n.*\n-*\^.*$/s, '$1')
    .replace(/ - \d+:\d+$/, '')
    .replace(/ not defined in \[object Object\]/, ' is not defined')
    .trim()
    .split('\n')[0];
  const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
  return new ReviewError('TEMPLATE', `${where}: ${summary}`, { path: file, cause: error });
}

/** The innermost block opened and never closed, found by pairing `{{#name` with `{{/name`. */
function unclosedBlock(source: string): { name: string; line: number; column: number } | undefined {
  const stack: { name: string; offset: number }[] = [];
  for (const match of source.matchAll(/\{\{~?([#/])\s*([\w.-]+)/g)) {
    const name = match[2] ?? '';
    if (match[1] === '#') stack.push({ name, offset: match.index });
    else if (stack[stack.length - 1]?.name === name) stack.pop();
  }
  const open = stack[stack.length - 1];
  if (!open) return undefined;
  const before = source.slice(0, open.offset);
  const line = before.split(/\r\n|\r|\n/).length;
  return { name: open.name, line, column: open.offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) };
}

function openingBraces(source: string, line: number, column: number): number {
  const text = source.split(/\r\n|\r|\n/)[line - 1] ?? '';
  const at = text.lastIndexOf('{{', column - 1);
  return at < 0 ? column : at + 1;
}

/** The 1-based column on `line` just past the text `before` (which Handlebars printed with line breaks removed). */
function columnAfter(source: string, line: number, before: string): number {
  const lines = source.split(/\r\n|\r|\n/);
  let lineStart = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) lineStart += (lines[i]?.length ?? 0) + 1;
  const flat = source.replace(/\r\n|\r|\n/g, '\n');
  const text = lines[line - 1] ?? '';
  for (let column = text.length; column >= 0; column--) {
    const end = lineStart + column;
    if (flat.slice(Math.max(0, end - before.length - 40), end).replace(/\n/g, '').endsWith(before)) return column + 1;
  }
  return 1;
}

/**
 * Every helper call in source order, wherever it stands (blocks, sub-expressions, arguments, hash
 * values). A mustache with arguments, a block or a sub-expression is a call; `{{meta.title}}` alone
 * is a lookup, and counts as a call only when `lookupsToo` is set.
 */
export function findCalls(program: hbs.AST.Program, lookupsToo = false): HelperCall[] {
  const calls: HelperCall[] = [];
  forEachNode(program, (node) => {
    const call = node as Partial<hbs.AST.MustacheStatement>;
    const params = call.params ?? [];
    const isCall =
      node.type === 'BlockStatement' ||
      node.type === 'SubExpression' ||
      (node.type === 'MustacheStatement' && (lookupsToo || params.length > 0 || (call.hash?.pairs.length ?? 0) > 0));
    if (isCall && call.path?.type === 'PathExpression') {
      const literal = literalArguments(params, call.hash?.pairs ?? []);
      calls.push({
        ...(literal ? { literal } : {}),
        name: (call.path as hbs.AST.PathExpression).original,
        strings: params.filter((p): p is hbs.AST.StringLiteral => p.type === 'StringLiteral').map((p) => p.value),
        argumentCount: params.length,
        hash: literalHash(call.hash),
        line: node.loc.start.line,
        column: node.loc.start.column + 1,
        endLine: node.loc.end.line,
        endColumn: node.loc.end.column + 1,
      });
    }
  });
  return calls;
}

/** A call's hash arguments that have literal values, as text. */
export function literalHash(hash: hbs.AST.Hash | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const pair of hash?.pairs ?? []) {
    const value = pair.value as Partial<hbs.AST.StringLiteral | hbs.AST.NumberLiteral | hbs.AST.BooleanLiteral>;
    if (value.type === 'StringLiteral' || value.type === 'NumberLiteral' || value.type === 'BooleanLiteral') pairs[pair.key] = String(value.value);
  }
  return pairs;
}

/**
 * Every node of a tree in source order: statements, block bodies and inverses, arguments and hash values. An explicit
 * stack, not recursion: a template's nesting is bounded only by its size, and a deep one must not overflow the stack.
 */
function forEachNode(program: hbs.AST.Program, visit: (node: Node) => void): void {
  const stack: Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    visit(node);
    const call = node as Partial<hbs.AST.MustacheStatement>;
    const block = node as Partial<hbs.AST.BlockStatement>;
    const children: (Node | null | undefined)[] = [
      ...(call.params ?? []),
      ...(call.hash?.pairs ?? []).map((pair) => pair.value),
      block.program,
      block.inverse,
      ...((node as Partial<hbs.AST.Program>).body ?? []),
    ];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
}

/** A `{{> partial}}` in a template (or a construct that could name or define partials at run time), with its 1-based place. */
export interface PartialCall {
  /** The literal name called; undefined when the name is computed (`{{> (lookup …)}}`). */
  name: string | undefined;
  kind: 'partial' | 'partial-block' | 'decorator';
  line: number;
  column: number;
}

/** Every partial call, partial block and decorator (`{{#*inline}}` defines partials) of a template, in source order. */
export function findPartialCalls(program: hbs.AST.Program): PartialCall[] {
  const found: PartialCall[] = [];
  forEachNode(program, (node) => {
    const place = { line: node.loc.start.line, column: node.loc.start.column + 1 };
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = (node as hbs.AST.PartialStatement).name as hbs.AST.PathExpression | hbs.AST.SubExpression | hbs.AST.StringLiteral;
      const literal = name.type === 'PathExpression' ? name.original : name.type === 'StringLiteral' ? name.value : undefined;
      found.push({ name: literal, kind: node.type === 'PartialStatement' ? 'partial' : 'partial-block', ...place });
    } else if (node.type === 'Decorator' || node.type === 'DecoratorBlock') {
      found.push({ name: undefined, kind: 'decorator', ...place });
    }
  });
  return found;
}

/** The first call of a helper not in `known`. */
export function findUnknownHelper(program: hbs.AST.Program, known: ReadonlySet<string>): HelperCall | undefined {
  return findCalls(program).find((call) => !known.has(call.name));
}

/** Every call of the named helpers, in source order (`{{cite}}` with no argument included). */
export function findHelperCalls(program: hbs.AST.Program, names: ReadonlySet<string>): HelperCall[] {
  return findCalls(program, true).filter((call) => names.has(call.name));
}
