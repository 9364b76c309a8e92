// reference/unverified: a reference whose identity is not established (unverified, unresolved, or verified without an identifier).
import type { ReferenceRecord } from '../../schema/tables.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'A reference is unverified or unresolved, or marked verified without a DOI or PMID',
    messages: {
      unverified: '{{reference}} is unverified: a likely candidate, not yet checked against a public record',
      unresolved: "{{reference}} is unresolved: nothing is known of it beyond the review's own sentence",
      noIdentifier: '{{reference}} is marked verified but has no DOI or PMID',
    },
  },
  create(context) {
    return {
      reference(record) {
        const data = { reference: describeReference(record) };
        if (record.status === 'unverified' || record.status === 'unresolved') {
          context.reportField(record.source, 'status', { messageId: record.status, data, actual: record.status });
        } else if (record.status === 'verified' && !hasIdentifier(record)) {
          context.reportField(record.source, 'status', { messageId: 'noIdentifier', data, actual: record.status, expected: 'a DOI or PMID' });
        }
      },
    };
  },
});

/**
 * Whether a DOI or PMID is written. The raw cell counts: a malformed DOI is record/invalid-value's
 * finding, and "has no DOI" would be false about a row that has one, only mistyped.
 */
function hasIdentifier(record: ReferenceRecord): boolean {
  const written = (field: 'doi' | 'pmid') => (record.source.cell(field)?.raw.trim() ?? '') !== '';
  return record.doi !== undefined || record.pmid !== undefined || written('doi') || written('pmid');
}

function describeReference(record: ReferenceRecord): string {
  return record.id === undefined ? `the reference on line ${record.source.line}` : `reference ${record.id}`;
}
