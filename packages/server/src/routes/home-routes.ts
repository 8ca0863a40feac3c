/** The staff home page: forms to start, my drafts, what awaits my review, and deadlines (server clock). */
import { deadlines } from '@formwork/engine';
import { and, desc, eq, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { records, users } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { visibleRecordsWhere } from '../records/record-access.js';
import { stageTitle, toSummary } from '../records/record-view.js';
import { loadVersion } from '../templates/version-cache.js';
import type { HomeDeadline, HomeResponse, RecordSummary } from '../types.js';
import { listTemplates } from './template-routes.js';

export function homeRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const user = c.var.user;
    const { db, now } = c.var.services;
    const at = now();
    const rows = await db
      .select({ row: records, creatorName: users.name })
      .from(records)
      .innerJoin(users, eq(users.id, records.createdBy))
      .where(and(visibleRecordsWhere(user), ne(records.status, 'closed')))
      .orderBy(desc(records.updatedAt))
      .limit(500);
    const drafts: RecordSummary[] = [];
    const awaitingReview: RecordSummary[] = [];
    const due: HomeDeadline[] = [];
    for (const { row, creatorName } of rows) {
      const version = await loadVersion(db, row.templateVersionId);
      if (!version) continue;
      const summary = toSummary(row, version.slug, version.version, version.template, creatorName);
      if (row.createdBy === user.id) drafts.push(summary);
      const stages = version.template.stages ?? [];
      const next = stages[stages.findIndex((s) => s.id === row.stage) + 1];
      if (next?.roles?.includes(user.role) && row.createdBy !== user.id) awaitingReview.push(summary);
      for (const d of deadlines(
        version.compiled,
        { data: row.data, stage: row.stage, createdAt: row.createdAt.toISOString() },
        at.toISOString(),
      )) {
        due.push({
          recordId: row.id,
          templateTitle: version.template.title,
          stage: d.stage,
          stageTitle: d.title || stageTitle(version.template, d.stage),
          dueAt: d.due,
          status: d.status,
        });
      }
    }
    due.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return c.json({
      templates: await listTemplates(c),
      drafts,
      awaitingReview,
      deadlines: due,
    } satisfies HomeResponse);
  });
  return app;
}
