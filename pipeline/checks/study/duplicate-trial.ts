// study/duplicate-trial: two study rows with the same trial registration, so one trial's patients would be counted twice.
import { defineRule } from '../types.ts';

/** What is kept of the first study with a registration: enough to name it. */
interface FirstStudy {
  id: string | undefined;
  line: number;
  reportIds: readonly string[];
}

export default defineRule({
  meta: {
    severity: 'error',
    description: 'Two study rows have the same trial registration number',
    messages: {
      duplicate:
        'registration {{registration}} is also {{other}}: a trial is one study; merge the two rows into one study whose reference_id lists every report, main report first: {{reports}}',
    },
  },
  create(context) {
    // Registrations are canonical after parsing ("nct02453256" → "NCT02453256"), so equal strings mean one trial.
    const first = new Map<string, FirstStudy>();
    return {
      study(record) {
        const registration = record.registration;
        if (registration === undefined) return;
        const earlier = first.get(registration);
        if (earlier === undefined) {
          first.set(registration, { id: record.id, line: record.source.line, reportIds: record.reference_id ?? [] });
          return;
        }
        // A row repeated under its own id is record/duplicate-id's finding; saying it twice helps no one.
        if (earlier.id !== undefined && earlier.id === record.id) return;
        context.reportField(record.source, 'registration', {
          messageId: 'duplicate',
          data: { registration, other: describeStudy(earlier), reports: mergedReports(earlier.reportIds, record.reference_id ?? []) },
          actual: registration,
        });
      },
    };
  },
});

/** The merged study's reference_id: the earlier row's reports, then the later row's ("khanna2020; khanna2022"). */
function mergedReports(earlier: readonly string[], later: readonly string[]): string {
  return [...new Set([...earlier, ...later])].join('; ');
}

/** "study khanna2020 (line 4)", or "the study on line 4" for a row whose id is missing or invalid. */
function describeStudy(study: FirstStudy): string {
  return study.id === undefined ? `the study on line ${study.line}` : `study ${study.id} (line ${study.line})`;
}
