// @vitest-environment happy-dom
// Every template in forms/ is drawn by the parts of rjsf that load with the form page: none of them needs a part
// that is downloaded on demand (src/renderer/registry). So the staff app's page sizes (bench/runtime/staff-pages.mjs)
// are what these templates really load, and no staff member waits for a question to download. Each template's
// every section is opened with the record of each of its logic test cases, so that the branches those records
// open are drawn too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json, Template } from '@formwork/engine/runtime';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormworkForm } from '../src/renderer/index.js';
import { compileForTest } from './renderer-fixture.js';

afterEach(cleanup);

const forms = join(import.meta.dirname, '..', '..', '..', 'forms');
const templates = readdirSync(forms, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => {
    const dir = join(forms, d.name);
    const latest = readdirSync(dir)
      .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .at(-1);
    const testDir = join(dir, 'tests');
    const records = new Map<string, Json>([['{}', {}]]);
    for (const f of readdirSync(testDir).filter((n) => n.endsWith('.json')))
      for (const c of JSON.parse(readFileSync(join(testDir, f), 'utf8')) as { data: Json }[])
        records.set(JSON.stringify(c.data), c.data);
    return {
      name: `${d.name} ${latest!.replace(/\.json$/, '')}`,
      template: JSON.parse(readFileSync(join(dir, latest!), 'utf8')) as Template,
      records: [...records.values()],
    };
  });

describe.each(templates)('$name', ({ template, records }) => {
  it('draws every section of every test record without a part downloaded on demand', async () => {
    expect(records.length).toBeGreaterThan(1);
    const compiled = await compileForTest(template);
    let sections = 0;
    for (const data of records) {
      const { unmount } = render(<FormworkForm compiled={compiled} data={data} onChange={() => {}} />);
      const count = Number(screen.getByText(/^Section 1 of \d+$/).textContent!.split(' of ')[1]);
      for (let i = 1; i <= count; i++) {
        if (i > 1) fireEvent.click(screen.getByRole('button', { name: /^Next: / }));
        expect(
          screen.queryByText('Loading this question…'),
          `section ${i} of ${JSON.stringify(data)}`,
        ).toBeNull();
        sections += 1;
      }
      unmount();
    }
    expect(sections).toBeGreaterThan(records.length);
    // The incident report has many records and sections: a few seconds of rendering in happy-dom.
  }, 60_000);
});
