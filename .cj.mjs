import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { readFileSync } from 'node:fs';
const text = readFileSync(process.argv[2], 'utf8');
for (const t of ['@biblatex/text', '@bibtex/text']) {
  try { const c = new Cite(text, { forceType: t }); console.log(t, JSON.stringify(c.data.map(({_graph, ...r}) => r), null, 0).slice(0, 3000)); }
  catch (e) { console.log(t, 'ERR', e.message.split('\n')[0]); console.log(e.stack.split('\n').slice(0,8).join('\n')); }
}
console.log(Object.keys(plugins.config.get('@bibtex')));
console.log(JSON.stringify(plugins.config.get('@bibtex').parse));
