// The templates the property tests run on: every published version in forms/, and the 298-field benchmark form
// wrapped as a template with stages and gates (so there is always a large, real-shaped template to fuzz).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const forms = resolve(here, '../../../forms');
const largeSchema = resolve(here, '../../../../shared/bench-baseline/schemas/large.schema.json');
const VERSION_FILE = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\.json$/;

export interface NamedTemplate {
  name: string;
  template: { [key: string]: unknown; schema: { [key: string]: unknown } };
  /** Records known to be close to the template's shape: its test cases' data, or the baseline's records. */
  knownRecords: unknown[];
}

export function largeTemplate(): NamedTemplate {
  const schema = JSON.parse(readFileSync(largeSchema, 'utf8')) as { [key: string]: unknown };
  delete schema.$schema;
  const safeguarding = {
    safeguarding: { required: ['safeguardingConcern'], properties: { safeguardingConcern: { const: true } } },
  };
  return {
    name: 'bench-baseline large form',
    knownRecords: ['large.valid.json', 'large.invalid.json'].map((f) =>
      JSON.parse(readFileSync(resolve(dirname(largeSchema), f), 'utf8')),
    ),
    template: {
      id: 'large-incident',
      version: '1.0.0',
      title: 'Large incident report',
      schema,
      stages: [
        { id: 'draft', title: 'Draft' },
        { id: 'submitted', title: 'Submitted' },
        { id: 'closed', title: 'Closed', final: true },
      ],
      gates: [
        {
          id: 'referral',
          stage: 'submitted',
          severity: 'block',
          message: 'Record whether a safeguarding referral was made.',
          when: { required: ['safeguarding'], properties: safeguarding },
          requires: ['/safeguarding/referralMadeToLocalAuthority'],
        },
        {
          id: 'family',
          stage: 'submitted',
          severity: 'warn',
          message: 'Record when the family was told.',
          requires: ['/notifications/familyContact/dateInformed'],
        },
        {
          id: 'review',
          stage: 'closed',
          severity: 'block',
          message: 'Record the manager review.',
          requires: ['/followUpAndSignOff/managerReview/reviewerName'],
          check: { properties: { followUpAndSignOff: { properties: { actions: { minItems: 1 } } } } },
        },
      ],
    },
  };
}

/** Every `forms/<id>/<version>.json`, plus the large form. */
export function fuzzTemplates(): NamedTemplate[] {
  const found: NamedTemplate[] = [];
  if (existsSync(forms)) {
    for (const id of readdirSync(forms).sort()) {
      const dir = join(forms, id);
      if (!statSync(dir).isDirectory()) continue;
      const knownRecords = caseData(join(dir, 'tests'));
      const versions = readdirSync(dir).filter((f) => VERSION_FILE.test(f));
      for (const file of versions.sort()) {
        found.push({
          name: `${id}/${file}`,
          template: JSON.parse(readFileSync(join(dir, file), 'utf8')),
          knownRecords,
        });
      }
    }
  }
  return [...found, largeTemplate()];
}

function caseData(testsDir: string): unknown[] {
  if (!existsSync(testsDir)) return [{}];
  const data: unknown[] = [];
  for (const file of readdirSync(testsDir).filter((f) => f.endsWith('.json'))) {
    try {
      const parsed = JSON.parse(readFileSync(join(testsDir, file), 'utf8')) as unknown;
      for (const c of Array.isArray(parsed) ? parsed : [parsed])
        if (c && typeof c === 'object' && 'data' in c) data.push(c.data);
    } catch {
      // a broken case file is the CLI's to report (formwork test); here it just gives no seed records
    }
  }
  return data.length > 0 ? data : [{}];
}
