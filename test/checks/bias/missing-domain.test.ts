// Tests for bias/missing-domain: an assessment without a domain of its tool or without an overall judgement. Every judgement here is made up.
import { testRule } from '../../helpers/rule-tester.ts';

const LONG = 'study_id,tool,domain,judgement\n';
const all = (study: string, tool: string, count: number) => Array.from({ length: count }, (_, i) => `${study},${tool},D${i + 1},low`).join('\n') + `\n${study},${tool},overall,low\n`;

testRule('bias/missing-domain', {
  valid: [
    { name: 'RoB 2, every domain and overall', tables: { risk_of_bias: LONG + all('s1', 'rob2', 5) } },
    { name: 'ROBINS-I, seven domains by name', tables: { risk_of_bias: LONG + all('c1', 'robins-i', 6) + 'c1,robins-i,Bias in selection of the reported result,low\n' } },
    { name: "robvis's wide CSV", tables: { risk_of_bias: 'Study,D1,D2,D3,D4,D5,Overall,Weight\ns1,Low,Low,Low,Low,Low,Low,1\n' } },
    { name: 'one result of a study judged apart from another', tables: { risk_of_bias: 'study_id,tool,outcome,domain,judgement\n' + all('s1', 'rob2,fvc', 5) + all('s1', 'rob2,dlco', 5) } },
    { name: 'no risk_of_bias.csv', tables: {} },
  ],
  invalid: [
    {
      name: 'a domain and the overall judgement missing',
      tables: { risk_of_bias: LONG + 's1,rob2,D1,low\ns1,rob2,D2,low\ns1,rob2,D3,low\ns1,rob2,D5,low\n' },
      diagnostics: [
        { line: 2, column: 1, field: 'study_id', message: 'study s1 (RoB 2) has no judgement for D4 (Bias in measurement of the outcome)' },
        { line: 2, column: 1, message: 'study s1 (RoB 2) has no overall judgement' },
      ],
    },
    {
      name: 'an empty cell of the wide shape',
      tables: { risk_of_bias: 'Study,D1,D2,D3,D4,D5,Overall\ns1,Low,Low,,Low,Low,Low\n' },
      diagnostics: [{ line: 2, column: 12, field: 'd3', message: 'study s1 (RoB 2) has no judgement for D3 (Bias due to missing outcome data)' }],
    },
    {
      name: 'a domain the tool does not have, one judged twice',
      tables: { risk_of_bias: LONG + all('s1', 'rob2', 5) + 's1,rob2,D6,low\ns1,rob2,D2,high\n' },
      diagnostics: [
        { line: 8, column: 9, message: "domain 'D6' is not a RoB 2 domain (D1, D2, D3, D4, D5, overall)" },
        { line: 9, column: 12, message: 'study s1 (RoB 2) is judged twice for D2; the first (line 3) is used' },
      ],
    },
    {
      name: 'no tool',
      tables: { risk_of_bias: LONG + 's1,,D1,low\n' },
      diagnostics: [{ line: 2, column: 4, message: 'study s1: no tool is given, so its domains cannot be read; write one of rob2, robins-i, rob1 in tool' }],
    },
  ],
});
