import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/app/api/ApiError.js';
import { api } from '../src/app/api/client.js';
import { readCsrfToken } from '../src/app/api/csrf.js';

interface Seen {
  url: string;
  init: RequestInit;
}

/** Stands in for the network (not for our code): records each request and answers with `response`. */
function serve(response: () => Response | Promise<Response>): Seen[] {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return response();
  });
  return seen;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  // biome-ignore lint/suspicious/noDocumentCookie: the test sets the CSRF cookie the server would set.
  document.cookie = 'fw_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('the API client', () => {
  it('reads the CSRF token from the fw_csrf cookie', () => {
    expect(readCsrfToken('a=1; fw_csrf=abc%3D; b=2')).toBe('abc=');
    expect(readCsrfToken('a=1')).toBeUndefined();
  });

  it('sends the CSRF token, JSON and If-Match on a save', async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the test sets the CSRF cookie the server would set.
    document.cookie = 'fw_csrf=tok123';
    const seen = serve(() => json(200, { record: { revision: 4 }, evaluation: {} }));
    await api.saveData('r/1', { a: 1 }, 3, { keepalive: true });
    const [call] = seen;
    expect(call?.url).toBe('/api/records/r%2F1/data');
    expect(call?.init.method).toBe('PUT');
    expect(call?.init.keepalive).toBe(true);
    expect(call?.init.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-CSRF-Token': 'tok123',
      'If-Match': '"3"',
    });
    expect(JSON.parse(String(call?.init.body))).toEqual({ data: { a: 1 } });
  });

  it('sends the same Idempotency-Key it is given when starting a record', async () => {
    const seen = serve(() => json(201, { record: { id: 'r1' } }));
    await api.createRecord('incident-report', 'key-1', '1.1.0');
    await api.createRecord('incident-report', 'key-1', '1.1.0');
    expect(seen.map((s) => (s.init.headers as Record<string, string>)['Idempotency-Key'])).toEqual([
      'key-1',
      'key-1',
    ]);
  });

  it('sends no CSRF header or body on a read', async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the test sets the CSRF cookie the server would set.
    document.cookie = 'fw_csrf=tok123';
    const seen = serve(() => json(200, { user: {} }));
    await api.getSession();
    expect(seen[0]?.init.headers).not.toHaveProperty('X-CSRF-Token');
    expect(seen[0]?.init.body).toBeUndefined();
  });

  it('turns an error body into an ApiError with the server’s plain message and the extra data', async () => {
    serve(() =>
      json(412, { error: { code: 'stale-revision', message: 'Saved elsewhere.' }, current: { revision: 9 } }),
    );
    const error = await api.saveData('r1', {}, 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 412, code: 'stale-revision', message: 'Saved elsewhere.' });
    expect((error as ApiError).body?.current).toEqual({ revision: 9 });
  });

  it('gives plain words when the server is unreachable or answers with no usable body', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.getHome()).rejects.toMatchObject({ status: 0, code: 'network' });
    serve(
      () =>
        new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const error = await api.getHome().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http-502' });
    expect((error as Error).message).toMatch(/try again in a few minutes/);
  });
});
