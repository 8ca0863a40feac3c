// The short cut in group-questions.ts must say exactly what validating the whole record again would say inside a
// started group. Checked on every template in forms/ and on the unit fixtures, for an empty record and for every
// record their logic test cases use.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupQuestions } from '../src/evaluate/group-questions.js';
import { fieldErrors } from '../src/evaluate/messages.js';
import { getAt, setAt } from '../src/pointer.js';
import type { CompiledTemplate, Json, Template } from '../src/types.js';
import { incidentTemplate } from './fixtures/incident.js';
import { compiled } from './helpers.js';

const formsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../forms');

function libraryCases(): { name: string; template: Template; records: Json[] }[] {
  const out: { name: string; template: Template; records: Json[] }[] = [];
  for (const id of readdirSync(formsDir, { withFileTypes: true })) {
    if (!id.isDirectory()) continue;
    const dir = join(formsDir, id.name);
    // The latest version of each template (earlier ones share most of its structure): keeps the suite lean.
    const versions = readdirSync(dir)
      .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .slice(-1);
    const records: Json[] = [{}];
    const testsDir = join(dir, 'tests');
    try {
      for (const file of readdirSync(testsDir).filter((f) => f.endsWith('.json'))) {
        const parsed = JSON.parse(readFileSync(join(testsDir, file), 'utf8')) as
          | { data?: Json }[]
          | { data?: Json };
        for (const c of Array.isArray(parsed) ? parsed : [parsed])
          if (c.data !== undefined) records.push(c.data);
      }
    } catch {
      // A template without test cases is checked on the empty record only.
    }
    // Distinct records only, and at most 12 per template: enough shapes, a lean suite.
    const distinct = [...new Map(records.map((r) => [JSON.stringify(r), r])).values()].slice(0, 12);
    for (const v of versions)
      out.push({
        name: `${id.name} ${v}`,
        template: JSON.parse(readFileSync(join(dir, v), 'utf8')) as Template,
        records: distinct,
      });
  }
  return out;
}

/** For every required group nobody has started (at any depth), the short cut's answer and the full one. */
function compare(c: CompiledTemplate, record: Json, depth = 0): { shortcut: number; checked: number } {
  let shortcut = 0;
  let checked = 0;
  c.validators.form.call({}, record, { rootData: record });
  // The form's own errors, before evaluate replaces unstarted groups with their questions.
  for (const e of fieldErrors(c, c.validators.form.errors ?? [])) {
    if (e.rule !== 'required' || getAt(record, e.path) !== undefined || depth > 3) continue;
    const started = setAt(record, e.path, {}) as Json;
    if (started === undefined) continue;
    const inside = (errors: Parameters<typeof fieldErrors>[1]) =>
      fieldErrors(c, errors).filter((x) => x.path.startsWith(`${e.path}/`));
    c.validators.form.call({}, started, { rootData: started });
    const full = inside(c.validators.form.errors ?? []);
    const quick = groupQuestions(c, {}, started, e.path);
    checked++;
    if (quick !== undefined) {
      shortcut++;
      expect(inside(quick), `${e.path} in ${JSON.stringify(record).slice(0, 80)}`).toEqual(full);
    }
    const deeper = compare(c, started, depth + 1);
    shortcut += deeper.shortcut;
    checked += deeper.checked;
  }
  return { shortcut, checked };
}

describe('group questions without validating again', () => {
  it.each(libraryCases())(
    'agree with validating again: $name',
    ({ template, records }) => {
      const c = compiled(template);
      let total = 0;
      for (const record of records) total += compare(c, record).shortcut;
      // Every library template has required sections: the short cut must actually be taken somewhere.
      expect(total).toBeGreaterThan(0);
    },
    60_000,
  );

  it('agree on the unit fixture, with its branches', () => {
    const c = compiled(incidentTemplate());
    const records: Json[] = [
      {},
      { harm: 'high' },
      { selfNeglect: { indicators: ['hydration', 'infection'] } },
    ];
    for (const record of records) compare(c, record);
  });
});
