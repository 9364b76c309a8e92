// Bounds what a review's templates can expand to before any of them runs: partials by literal name only, no cycle, bounded depth, calls and text.
import { ReviewError } from '../errors.ts';
import { findPartialCalls, type PartialCall, type TemplateTree } from './handlebars.ts';

/** How deep partials may include partials. The shipped review goes one level deep. */
export const MAX_PARTIAL_DEPTH = 32;
/** How many partial expansions one render may make in all (ten levels of ten calls each would be 10^10). */
export const MAX_PARTIAL_EXPANSIONS = 10_000;
/** How much template text one render may expand to, every partial counted each time it is included. */
export const MAX_EXPANDED_CHARS = 32 * 1024 * 1024;

/** A template as the check sees it: its display path, its partial name, its size, and its tree (not yet compiled). */
export interface ExpandedTemplate {
  path: string;
  name: string;
  chars: number;
  tree: TemplateTree;
}

interface Expansion {
  expansions: number;
  chars: number;
  depth: number;
}

/**
 * Throws a TEMPLATE error at the place of the first partial call that would make the render unbounded: a computed
 * partial name, a partial block or a decorator (which define or pick partials at run time), an unknown partial, a
 * partial that includes itself, or an expansion past the limits above. Counts grow as products along the tree, so
 * they are computed once per template (memoised) and compared in floating point, which cannot overflow.
 */
export function checkExpansion(main: ExpandedTemplate, partials: readonly ExpandedTemplate[]): void {
  const byName = new Map<string, ExpandedTemplate>();
  for (const partial of partials) {
    const other = byName.get(partial.name);
    if (other) throw new ReviewError('TEMPLATE', `${partial.path}: the partial name '${partial.name}' is also that of ${other.path}; rename one`, { path: partial.path });
    byName.set(partial.name, partial);
  }
  const calls = new Map<ExpandedTemplate, PartialCall[]>();
  const callsOf = (template: ExpandedTemplate): PartialCall[] => {
    let found = calls.get(template);
    if (!found) calls.set(template, (found = findPartialCalls(template.tree)));
    return found;
  };
  const done = new Map<ExpandedTemplate, Expansion>();
  const open: ExpandedTemplate[] = [];
  const fail = (template: ExpandedTemplate, call: PartialCall, message: string): never => {
    throw new ReviewError('TEMPLATE', `${template.path}:${call.line}:${call.column}: ${message}`, { path: template.path });
  };

  // Depth-first, recursion bounded by MAX_PARTIAL_DEPTH (checked before each step down).
  const expand = (template: ExpandedTemplate): Expansion => {
    const known = done.get(template);
    if (known) return known;
    open.push(template);
    const total: Expansion = { expansions: 1, chars: template.chars, depth: 0 };
    for (const call of callsOf(template)) {
      if (call.kind === 'decorator') fail(template, call, 'decorators ({{#*inline}}, {{* …}}) are not supported: put a partial in its own file');
      if (call.kind === 'partial-block') fail(template, call, `partial blocks ({{#> …}}) are not supported: write {{> ${call.name ?? 'name'}}}`);
      if (call.name === undefined) fail(template, call, 'a partial is called by its file name, as in {{> section-1}}, not by a computed name');
      const callee = byName.get(call.name as string);
      if (!callee) fail(template, call, `no partial '${call.name}': the partials are the .hbs files of the templates folder (${[...byName.keys()].sort().join(', ') || 'none'})`);
      const target = callee as ExpandedTemplate;
      if (open.includes(target)) fail(template, call, `partial '${target.name}' includes itself (${[...open.slice(open.indexOf(target)), target].map((t) => t.name).join(' → ')})`);
      if (open.length >= MAX_PARTIAL_DEPTH) fail(template, call, `partials are nested more than ${MAX_PARTIAL_DEPTH} deep`);
      const inner = expand(target);
      total.expansions += inner.expansions;
      total.chars += inner.chars;
      total.depth = Math.max(total.depth, inner.depth + 1);
      if (total.expansions > MAX_PARTIAL_EXPANSIONS) fail(template, call, `the templates expand to more than ${MAX_PARTIAL_EXPANSIONS} partial inclusions from here (a partial that includes another many times, nested)`);
      if (total.chars > MAX_EXPANDED_CHARS) fail(template, call, `the templates expand to more than ${MAX_EXPANDED_CHARS / 2 ** 20} MiB of template text from here`);
    }
    open.pop();
    done.set(template, total);
    return total;
  };
  expand(main);
}
