/**
 * The staff app's files and the validator modules are sent compressed when the browser accepts it (the form page's
 * JavaScript budget is a compressed figure), decompress to exactly the stored bytes, and are sent as they are to a
 * client that does not accept compression.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredEncoding } from '../src/http/compressed.js';
import { staffApp } from '../src/static/staff-app.js';
import { Client, freshDatabase, type Org, seedWorld, testApp } from './helpers.js';

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('preferredEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['gzip;q=0, br;q=0', undefined],
    ['x-gzip', 'gzip'],
    ['deflate', undefined],
  ])('%j → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe('the staff app files', () => {
  let dir: string;
  let app: Hono;
  // Text that compresses well, bigger than the size below which nothing is compressed.
  const script = `export const questions = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `question ${i}`))};\n`;
  const png = Buffer.alloc(4096, 7);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fw-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index-AbCdEf12.js'), script);
    writeFileSync(join(dir, 'assets', 'logo-AbCdEf12.png'), png);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Formwork</title>');
    app = new Hono().all('*', staffApp(dir));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (path: string, acceptEncoding?: string) =>
    app.request(path, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });

  it('sends brotli to a browser that accepts it, and it decompresses to the file', async () => {
    const res = await get('/assets/index-AbCdEf12.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    const body = await bytesOf(res);
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 3);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
  });

  it('sends gzip when only gzip is accepted, and the file as it is when nothing is', async () => {
    const gz = await get('/assets/index-AbCdEf12.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytesOf(gz)).toString('utf8')).toBe(script);
    const plain = await get('/assets/index-AbCdEf12.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect((await bytesOf(plain)).toString('utf8')).toBe(script);
  });

  it('does not compress images or tiny files', async () => {
    const image = await get('/assets/logo-AbCdEf12.png', 'br, gzip');
    expect(image.headers.get('content-encoding')).toBeNull();
    expect(await bytesOf(image)).toEqual(png);
    const index = await get('/some/client/route', 'br, gzip');
    expect(index.headers.get('content-encoding')).toBeNull();
    expect(await index.text()).toContain('<title>Formwork</title>');
  });

  it('sends the new bytes after the file is rebuilt', async () => {
    const path = join(dir, 'assets', 'late-AbCdEf12.js');
    writeFileSync(path, script);
    await get('/assets/late-AbCdEf12.js', 'br');
    const changed = `${script}// rebuilt\n`;
    writeFileSync(path, changed);
    const res = await get('/assets/late-AbCdEf12.js', 'br');
    expect(brotliDecompressSync(await bytesOf(res)).toString('utf8')).toBe(changed);
  });
});

describe('the validator module', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let orgA: Org;
  let app: ReturnType<typeof testApp>;

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    [orgA] = (await seedWorld(database)) as [Org];
    app = testApp(database);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('is sent compressed, with its own ETag, and decompresses to the stored module', async () => {
    const staff = new Client(app);
    await staff.login(orgA.emails.staff);
    const path = '/api/templates/concern/versions/1.0.0/validator.js';
    const plain = await staff.send('GET', path);
    expect(plain.status).toBe(200);
    const code = (await bytesOf(plain)).toString('utf8');
    expect(code).toContain('export const create = (function create(rt)');
    for (const [accept, decode] of [
      ['gzip', gunzipSync],
      ['br', brotliDecompressSync],
    ] as const) {
      const res = await staff.send('GET', path, undefined, { 'Accept-Encoding': accept });
      expect(res.headers.get('content-encoding')).toBe(accept);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(res.headers.get('etag')).not.toBe(plain.headers.get('etag'));
      expect(decode(await bytesOf(res)).toString('utf8')).toBe(code);
    }
  });

  it('is still refused without a session, compressed or not', async () => {
    const res = await app.request('/api/templates/concern/versions/1.0.0/validator.js', {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(res.status).toBe(401);
  });
});
