// bias/overall-judgement: an overall risk-of-bias judgement better than its domains allow (RoB 2's algorithm; ROBINS-I's worst domain), or a word not of the tool's scale.
import { BiasAssessments, judged, TOOL_NAMES, type BiasCell } from '../../appraisal/risk-of-bias.ts';
import { judgementsOf, OVERALL, rankOf, type BiasTool } from '../../normalise/risk-of-bias.ts';
import { defineRule } from '../types.ts';

type MessageId = 'notOfTool' | 'lowNotAll' | 'highAny' | 'worst';

export default defineRule<MessageId>({
  meta: {
    severity: 'error',
    description: "An overall risk-of-bias judgement better than a domain's (RoB 2: low only when every domain is low, high when any is high; ROBINS-I: at least the worst domain)",
    messages: {
      notOfTool: "'{{judgement}}' is not a {{tool}} judgement ({{scale}})",
      lowNotAll: "{{who}}: overall is 'low', but {{domain}} is '{{judgement}}'; under RoB 2 the overall is low only when every domain is low",
      highAny: "{{who}}: overall is '{{overall}}', but {{domain}} is 'high'; under RoB 2 a domain at high risk makes the overall high",
      worst: "{{who}}: overall is '{{overall}}', but {{domain}} is '{{judgement}}'; under ROBINS-I the overall is at least as serious as the worst domain",
    },
  },
  create(context) {
    const assessments = new BiasAssessments();
    return {
      riskOfBias: (record) => assessments.add(record),
      end() {
        for (const assessment of assessments.all()) {
          const tool = assessment.tool;
          if (tool === undefined) continue;
          const allowed = judgementsOf(tool);
          const usable: BiasCell[] = [];
          for (const cell of assessment.cells) {
            if (cell.judgement === undefined) continue;
            if (allowed.includes(cell.judgement)) usable.push(cell);
            else context.reportField(cell.row, cell.field, { messageId: 'notOfTool', data: { judgement: cell.judgement, tool: TOOL_NAMES[tool], scale: allowed.join(', ') }, actual: cell.judgement });
          }
          // The first judgement of each domain counts; a second is bias/missing-domain's finding.
          const byDomain = new Map<string, BiasCell>();
          for (const cell of usable) if (!byDomain.has(cell.domain)) byDomain.set(cell.domain, cell);
          const overall = byDomain.get(OVERALL);
          if (overall === undefined) continue;
          byDomain.delete(OVERALL);
          const finding = overallFinding(tool, overall, [...byDomain.values()]);
          if (finding) context.reportField(overall.row, overall.field, { ...finding, data: { ...finding.data, who: judged(assessment) }, actual: overall.judgement ?? '' });
        }
      },
    };
  },
});

/** What is wrong with an overall judgement given its domains; RoB 1 has no rule for an overall judgement, so none is checked. */
function overallFinding(tool: BiasTool, overall: BiasCell, domains: readonly BiasCell[]): { messageId: MessageId; data: Record<string, string> } | undefined {
  const judgement = overall.judgement;
  if (judgement === undefined) return undefined;
  if (tool === 'rob2') {
    const high = domains.find((cell) => cell.judgement === 'high');
    if (high && judgement !== 'high') return { messageId: 'highAny', data: { overall: judgement, domain: high.domain } };
    const notLow = domains.find((cell) => cell.judgement !== 'low');
    if (notLow && judgement === 'low') return { messageId: 'lowNotAll', data: { domain: notLow.domain, judgement: notLow.judgement ?? '' } };
    return undefined;
  }
  if (tool === 'robins-i') {
    const rank = rankOf(tool, judgement);
    if (rank === undefined) return undefined;
    let worst: { cell: BiasCell; rank: number } | undefined;
    for (const cell of domains) {
      const cellRank = cell.judgement === undefined ? undefined : rankOf(tool, cell.judgement);
      if (cellRank !== undefined && cellRank > (worst?.rank ?? -1)) worst = { cell, rank: cellRank };
    }
    if (worst && worst.rank > rank) return { messageId: 'worst', data: { overall: judgement, domain: worst.cell.domain, judgement: worst.cell.judgement ?? '' } };
  }
  return undefined;
}
