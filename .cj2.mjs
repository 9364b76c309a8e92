import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const out = {};
  for (const t of ['@biblatex/text', '@bibtex/text']) {
    try { out[t] = new Cite(text, { forceType: t }).data.map(({_graph, ...r}) => r); } catch (e) { out[t] = 'ERR ' + e.message.split('\n')[0]; }
  }
  const a = out['@biblatex/text'], b = out['@bibtex/text'];
  if (isDeepStrictEqual(a, b)) { console.log(f, 'same'); continue; }
  console.log(f, 'DIFF');
  if (typeof a === 'string' || typeof b === 'string') { console.log(' ', String(a).slice(0,200), '|', String(b).slice(0,200)); continue; }
  a.forEach((x, i) => { for (const k of new Set([...Object.keys(x), ...Object.keys(b[i] ?? {})])) if (!isDeepStrictEqual(x[k], b[i]?.[k]) && !/temp_id/.test(JSON.stringify(x[k]))) console.log('  ', i, k, JSON.stringify(x[k])?.slice(0,120), '|', JSON.stringify(b[i]?.[k])?.slice(0,120)); });
}
