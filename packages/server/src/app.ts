/**
 * The HTTP application: security headers, error handling, sign-in, the API routes and the staff app.
 * Stateless: everything lives in the database, so any number of processes can serve the same data.
 */
import { Hono } from 'hono';
import { AuditLinker } from './audit/linker.js';
import { requireCsrf, requireSession } from './auth/session.js';
import { isDatabaseUnavailable } from './db/errors.js';
import type { AppEnv, Services } from './http/env.js';
import { Problem } from './http/problem.js';
import { securityHeaders } from './http/security-headers.js';
import { docsCss, docsHtml, docsJs } from './openapi/docs-page.js';
import { openApiDocument } from './openapi/document.js';
import { requireSessionAndRecord } from './records/session-and-record.js';
import { auditRoutes } from './routes/audit-routes.js';
import { fastAutosave } from './routes/autosave-fast.js';
import { homeRoutes } from './routes/home-routes.js';
import { recordRoutes, saveRecordData } from './routes/records-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { templateRoutes } from './routes/template-routes.js';
import { staffApp } from './static/staff-app.js';

export interface AppOptions {
  /** `packages/runtime/dist`; absent = no staff app. */
  staffAppDir?: string;
  loginLimits?: { perAccount: number; perAddress: number; windowMs: number };
  log?: (message: string, error?: unknown) => void;
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `services.audit`: the process's audit linker. When absent, the app makes one and starts its interval (it does
 * not keep the process alive); a caller that passes its own starts and stops it.
 */
export function createApp(
  input: Omit<Services, 'audit'> & { audit?: AuditLinker },
  options: AppOptions = {},
) {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const services: Services = { ...input, audit: input.audit ?? new AuditLinker(input.db, { log }).start() };
  const app = new Hono<AppEnv>();

  app.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
    // The handler's transaction has committed (or rolled back): chain whatever it added. Coalesced, not awaited.
    if (stateChanging.has(c.req.method)) services.audit.poke();
  });

  // Refuse cross-site state changes before anything else (Fetch Metadata and Origin), on top of the CSRF token.
  app.use('/api/*', async (c, next) => {
    if (stateChanging.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      const crossOrigin =
        origin !== undefined && origin !== 'null' && host !== undefined && new URL(origin).host !== host;
      if (site === 'cross-site' || origin === 'null' || crossOrigin) {
        throw new Problem(403, 'cross-site-request', 'Requests from other sites are not accepted.');
      }
    }
    await next();
  });

  app.onError((error, c) => {
    if (error instanceof Problem) {
      return c.json(error.body(), error.status, error.headers ?? {});
    }
    if (isDatabaseUnavailable(error)) {
      log('database unavailable', error instanceof Error ? error.message : error);
      return c.json(
        {
          error: {
            code: 'database-unavailable',
            message:
              'The service cannot reach its database just now. Nothing was lost: try again in a few seconds.',
          },
        },
        503,
        { 'Retry-After': '5' },
      );
    }
    log(`unexpected error on ${c.req.method} ${c.req.path}`, error);
    return c.json(
      {
        error: {
          code: 'internal-error',
          message:
            'Something went wrong on the server. Try again; if it keeps happening, tell your administrator.',
        },
      },
      500,
    );
  });

  // Public reference.
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/docs', (c) => c.html(docsHtml));
  app.get('/api/docs.js', (c) => c.body(docsJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs.css', (c) => c.body(docsCss, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.route('/api/session', sessionRoutes(options.loginLimits));

  // The autosave, the hottest route: one statement checks and writes when it can (routes/autosave-fast.ts);
  // otherwise its session and record are read by one statement and the save decided as any other. It answers
  // without calling next, so the general session middleware below never runs for it.
  app.put('/api/records/:id/data', fastAutosave, requireSessionAndRecord, requireCsrf, saveRecordData);

  // Everything else under /api needs a session, and a CSRF token for changes.
  app.use('/api/*', requireSession, requireCsrf);
  app.route('/api/home', homeRoutes());
  app.route('/api/templates', templateRoutes());
  app.route('/api/records', recordRoutes());
  app.route('/api/audit', auditRoutes());
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'not-found', message: 'There is no such API route. See /api/docs.' } }, 404),
  );

  if (options.staffAppDir) app.all('*', staffApp(options.staffAppDir));
  else app.all('*', (c) => c.text('The Formwork staff app is not built yet. The API is at /api/docs.', 503));

  return app;
}

export type App = ReturnType<typeof createApp>;
