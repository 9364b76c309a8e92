// Handlebars adapter: parsing and walking templates, with Handlebars' own errors turned into located template errors.
import Handlebars from 'handlebars';
import { ReviewError } from '../errors.ts';

type Node = hbs.AST.Node;

/** A helper call found in a template: its name, string arguments and 1-based position of its `{{`. */
export interface HelperCall {
  name: string;
  strings: string[];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Parses a template; a syntax error becomes a ReviewError naming the file, line and column. */
export function parseTemplate(source: string, file: string): hbs.AST.Program {
  try {
    return Handlebars.parse(source);
  } catch (error) {
    throw templateError(error, file);
  }
}

/** Turns any Handlebars error (parse or strict-mode runtime) into a located ReviewError. */
export function templateError(error: unknown, file: string): ReviewError {
  const message = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number };
  let line = located.lineNumber;
  let column = located.column === undefined ? undefined : located.column + 1;
  const parseLine = /Parse error on line (\d+):\n.*\n(-*)\^/.exec(message);
  if (parseLine) {
    line = Number(parseLine[1]);
    column = (parseLine[2]?.length ?? 0) + 1;
  }
  const summary = message
    .replace(/^Parse error on line \d+:\n.*\n-*\^\n/, '')
    .replace(/ - \d+:\d+$/, '')
    .replace(/ not defined in \[object Object\]/, ' is not defined')
    .trim()
    .split('\n')[0];
  const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
  return new ReviewError('TEMPLATE', `${where}: ${summary}`, { path: file, cause: error });
}

/** Every call of the named helpers, in source order, wherever it stands (blocks, sub-expressions, partial arguments). */
export function findHelperCalls(program: hbs.AST.Program, names: ReadonlySet<string>): HelperCall[] {
  const calls: HelperCall[] = [];
  const visit = (node: Node | undefined | null): void => {
    if (!node) return;
    const withPath = node as Partial<hbs.AST.MustacheStatement>;
    if ((node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') && withPath.path) {
      const path = withPath.path as hbs.AST.PathExpression;
      if (names.has(path.original)) {
        calls.push({
          name: path.original,
          strings: (withPath.params ?? []).filter((p): p is hbs.AST.StringLiteral => p.type === 'StringLiteral').map((p) => p.value),
          line: node.loc.start.line,
          column: node.loc.start.column + 1,
          endLine: node.loc.end.line,
          endColumn: node.loc.end.column + 1,
        });
      }
      for (const param of withPath.params ?? []) visit(param);
    }
    const block = node as Partial<hbs.AST.BlockStatement>;
    if (block.program) visit(block.program);
    if (block.inverse) visit(block.inverse);
    const program = node as Partial<hbs.AST.Program>;
    if (program.body) for (const child of program.body) visit(child);
  };
  visit(program);
  return calls;
}
