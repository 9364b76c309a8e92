import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
const t = `@article{a, author={张昆 and 冯立群 and others}, title={X}, year={1994}}
@article{b, author={van Laar, Jacob M. and Smith, J and {World Health Organization} and others}, title={Y}, year={2000}}`;
console.log(JSON.stringify(new Cite(t, {forceType:'@biblatex/text'}).data.map(d=>d.author)));
