// bias/missing-domain: an assessment without a judgement for a domain of its tool, or without an overall judgement.
import { BiasAssessments, judged, TOOL_NAMES } from '../../appraisal/risk-of-bias.ts';
import { BIAS_DOMAINS, BIAS_TOOLS, OVERALL } from '../../normalise/risk-of-bias.ts';
import { defineRule } from '../types.ts';

type MessageId = 'domain' | 'overall' | 'unknown' | 'twice' | 'noTool' | 'empty';

export default defineRule<MessageId>({
  meta: {
    severity: 'warning',
    description: 'A study without a judgement for a domain of its risk-of-bias tool, or without an overall judgement',
    messages: {
      domain: '{{who}} ({{tool}}) has no judgement for {{domain}} ({{name}})',
      overall: '{{who}} ({{tool}}) has no overall judgement',
      unknown: "domain '{{domain}}' is not a {{tool}} domain ({{domains}}, overall)",
      twice: '{{who}} ({{tool}}) is judged twice for {{domain}}; the first (line {{line}}) is used',
      noTool: `{{who}}: no tool is given, so its domains cannot be read; write one of ${BIAS_TOOLS.join(', ')} in tool`,
      empty: '{{who}}: the row gives no domain; write D1 … or overall in domain',
    },
  },
  create(context) {
    const assessments = new BiasAssessments();
    return {
      riskOfBias: (record) => assessments.add(record),
      end() {
        for (const assessment of assessments.all()) {
          const who = judged(assessment);
          if (assessment.tool === undefined) {
            context.reportField(assessment.row, 'tool', { messageId: 'noTool', data: { who } });
            continue;
          }
          const tool = TOOL_NAMES[assessment.tool];
          const domains = BIAS_DOMAINS[assessment.tool];
          for (const row of assessment.empty) context.reportField(row, 'domain', { messageId: 'empty', data: { who } });
          for (const { raw, row } of assessment.unknown) {
            context.reportField(row, 'domain', { messageId: 'unknown', data: { domain: raw, tool, domains: domains.map((d) => d.id).join(', ') }, actual: raw });
          }
          const first = new Map<string, number>();
          for (const cell of assessment.cells) {
            const earlier = first.get(cell.domain);
            if (earlier !== undefined) context.reportField(cell.row, cell.field, { messageId: 'twice', data: { who, tool, domain: cell.domain, line: earlier } });
            // A word that did not validate is reported as invalid, not again as missing.
            else if (cell.judgement !== undefined || cell.written) first.set(cell.domain, cell.row.line);
          }
          // An empty judgement cell (robvis's wide shape) is where the missing judgement belongs.
          const emptyCell = (domain: string) => assessment.cells.find((cell) => cell.domain === domain && cell.judgement === undefined);
          for (const domain of domains) {
            if (first.has(domain.id)) continue;
            const cell = emptyCell(domain.id);
            context.reportField(cell?.row ?? assessment.row, cell?.field ?? 'study_id', { messageId: 'domain', data: { who, tool, domain: domain.id, name: domain.en } });
          }
          if (!first.has(OVERALL)) {
            const cell = emptyCell(OVERALL);
            context.reportField(cell?.row ?? assessment.row, cell?.field ?? 'study_id', { messageId: 'overall', data: { who, tool } });
          }
        }
      },
    };
  },
});
