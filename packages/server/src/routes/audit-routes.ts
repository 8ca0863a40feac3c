/** The organisation's audit trail (auditors and provider admins) and its verification. */
import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import { canReadAudit } from '../access/policy.js';
import type { LinkedEvent } from '../audit/chain.js';
import { verifyChain } from '../audit/verify.js';
import { auditEvents } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { badRequest, forbidden } from '../http/problem.js';
import type { AuditEvent, AuditListResponse, AuditVerifyResponse } from '../types.js';

export function auditRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    if (!canReadAudit(c.var.user))
      throw forbidden('Only auditors and provider admins can read the audit trail.');
    await next();
  });

  app.get('/', async (c) => {
    const limitText = c.req.query('limit') ?? '100';
    const beforeText = c.req.query('before');
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw badRequest('invalid-limit', 'limit must be a whole number from 1 to 1000.');
    }
    const before = beforeText === undefined ? undefined : Number(beforeText);
    if (before !== undefined && (!Number.isInteger(before) || before < 1)) {
      throw badRequest('invalid-before', 'before must be an event sequence number (a whole number).');
    }
    const chain = c.var.user.organisationId;
    const { db, audit } = c.var.services;
    // Chained events only; link what has just committed first, so the trail is complete up to now.
    await audit.flush();
    const rows = (await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.chain, chain),
          isNotNull(auditEvents.seq),
          before === undefined ? undefined : lt(auditEvents.seq, before),
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(limit)) as LinkedEvent[];
    const events: AuditEvent[] = rows.map((e) => ({
      id: e.id,
      seq: e.seq,
      at: e.at.toISOString(),
      actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
      organisationId: e.organisationId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      beforeHash: e.beforeHash,
      afterHash: e.afterHash,
      prevHash: e.prevHash,
      hash: e.hash,
    }));
    return c.json({ events } satisfies AuditListResponse);
  });

  app.get('/verify', async (c) => {
    const { db, audit } = c.var.services;
    // Chain everything that has committed, so only a linker that is not running leaves events unlinked.
    await audit.flush();
    const result = await verifyChain(db, c.var.user.organisationId);
    const body: AuditVerifyResponse = { ok: result.ok, checked: result.checked };
    if (result.firstBadEventId) body.firstBadEventId = result.firstBadEventId;
    if (result.unlinked) body.unlinked = result.unlinked;
    if (result.reason) body.reason = result.reason;
    return c.json(body);
  });
  return app;
}
