// study/duplicate-trial: two studies with the same trial registration, so one trial's patients would be counted twice.
import { defineRule } from '../types.ts';

/** What is kept of the first study with a registration: enough to name it. */
interface FirstStudy {
  id: string | undefined;
  line: number;
}

export default defineRule({
  meta: {
    severity: 'error',
    description: 'Two studies have the same trial registration number',
    messages: {
      duplicate: 'registration {{registration}} is also {{other}}',
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
          first.set(registration, { id: record.id, line: record.source.line });
          return;
        }
        // A row repeated under its own id is record/duplicate-id's finding; saying it twice helps no one.
        if (earlier.id !== undefined && earlier.id === record.id) return;
        context.reportField(record.source, 'registration', {
          messageId: 'duplicate',
          data: { registration, other: describeStudy(earlier) },
          actual: registration,
        });
      },
    };
  },
});

/** "study khanna2020 (line 4)", or "the study on line 4" for a row whose id is missing or invalid. */
function describeStudy(study: FirstStudy): string {
  return study.id === undefined ? `the study on line ${study.line}` : `study ${study.id} (line ${study.line})`;
}
