// Tests for bias/overall-judgement: an overall judgement better than its domains. Every judgement here is made up.
import { testRule } from '../../helpers/rule-tester.ts';

const LONG = 'study_id,tool,domain,judgement\n';
const rob2 = (study: string, judgements: string[], overall: string) =>
  judgements.map((j, i) => `${study},rob2,D${i + 1},${j}`).join('\n') + `\n${study},rob2,overall,${overall}\n`;

testRule('bias/overall-judgement', {
  valid: [
    { name: 'RoB 2: low when every domain is low', tables: { risk_of_bias: LONG + rob2('s1', ['low', 'low', 'low', 'low', 'low'], 'low') } },
    { name: 'RoB 2: some concerns, or high for several concerns', tables: { risk_of_bias: LONG + rob2('s1', ['low', 'some concerns', 'low', 'low', 'low'], 'some concerns') + rob2('s2', ['some concerns', 'some concerns', 'some concerns', 'low', 'low'], 'high') } },
    { name: 'RoB 2 in Chinese words', tables: { risk_of_bias: LONG + rob2('s1', ['低风险', '高风险', '低风险', '存在一定风险', '低风险'], '高风险') } },
    { name: 'ROBINS-I: the worst domain, or worse', tables: { risk_of_bias: 'study_id,tool,domain,judgement\nc1,robins-i,D1,serious\nc1,robins-i,D2,moderate\nc1,robins-i,D3,no information\nc1,robins-i,overall,serious\nc2,robins-i,D1,serious\nc2,robins-i,overall,critical\n' } },
    { name: "robvis's wide CSV", tables: { risk_of_bias: 'Study,D1,D2,D3,D4,D5,Overall,Weight\nStudy 1,Low,Some concerns,Low,Low,Low,Some concerns,33\nStudy 2,Low,High,Low,Low,Low,High,12\n' } },
    { name: 'RoB 1 has no overall rule', tables: { risk_of_bias: LONG + 's1,rob1,Allocation concealment,high\ns1,rob1,overall,low\n' } },
  ],
  invalid: [
    {
      name: 'RoB 2: overall low with a domain of some concerns',
      tables: { risk_of_bias: LONG + rob2('s1', ['low', 'low', 'some concerns', 'low', 'low'], 'low') },
      diagnostics: [{ line: 7, column: 17, field: 'judgement', message: "study s1: overall is 'low', but D3 is 'some concerns'; under RoB 2 the overall is low only when every domain is low" }],
    },
    {
      name: 'RoB 2: a high domain, overall some concerns (robvis wide)',
      tables: { risk_of_bias: 'Study,D1,D2,D3,D4,D5,Overall\ns1,Low,Low,Low,High,Low,Some concerns\n' },
      diagnostics: [{ line: 2, column: 25, field: 'overall', message: "study s1: overall is 'some concerns', but D4 is 'high'; under RoB 2 a domain at high risk makes the overall high" }],
    },
    {
      name: 'ROBINS-I: overall better than the worst domain',
      tables: { risk_of_bias: 'study_id,tool,outcome,domain,judgement\nc1,ROBINS-I,fvc,D1,moderate\nc1,ROBINS-I,fvc,D6,critical\nc1,ROBINS-I,fvc,overall,serious\n' },
      diagnostics: [{ line: 4, column: 25, message: "study c1, outcome fvc: overall is 'serious', but D6 is 'critical'; under ROBINS-I the overall is at least as serious as the worst domain" }],
    },
    {
      name: 'a word of another tool',
      tables: { risk_of_bias: LONG + 's1,rob2,D1,moderate\n' },
      diagnostics: [{ line: 2, column: 12, message: "'moderate' is not a RoB 2 judgement (low, some concerns, high)" }],
    },
  ],
});
