/**
 * A template comes back from the database in jsonb's key order, and the browser gets it in that order from the API.
 * Precompiled modules list the digest of that text, so both the server and the browser check a module against its
 * template on the template's own JSON text, without canonical JSON on the cold path of opening a form.
 */
import { loadsFromText, type PrecompiledModule, type Template } from '@formwork/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateVersions } from '../src/db/schema.js';
import { backends, Client, fixture, freshDatabase, type Org, seedWorld, testApp } from './helpers.js';

const importModule = async (code: string) =>
  (await import(
    /* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code, 'utf8').toString('base64')}`
  )) as PrecompiledModule;

describe.each(backends)('templates read back from the database (%s)', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let orgA: Org;
  let app: ReturnType<typeof testApp>;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    [orgA] = (await seedWorld(database)) as [Org];
    app = testApp(database);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('load on their own JSON text, on the server and from the API, in an order other than as written', async () => {
    const client = new Client(app);
    await client.login(orgA.emails.staff);
    const version = await client.json('GET', '/api/templates/concern/versions/1.0.0');
    const served = version.body.template as Template;
    const js = await client.send('GET', '/api/templates/concern/versions/1.0.0/validator.js');
    const module = await importModule(await js.text());
    // jsonb reorders keys, so this is not the text the module was built from as written.
    expect(JSON.stringify(served)).not.toBe(JSON.stringify(fixture));
    expect(served).toEqual(fixture);
    expect(loadsFromText(served, module)).toBe(true);
    const rows = await database.db
      .select({ document: templateVersions.document, code: templateVersions.validatorCode })
      .from(templateVersions);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(loadsFromText(row.document as Template, await importModule(row.code))).toBe(true);
  });
});
