/**
 * The database schema (drizzle). Every table carries `organisation_id` so that every query can be scoped to the
 * caller's organisation; governance columns (category, harm, occurred_at, actions) are real columns so they can be
 * queried across templates without reading JSON blobs.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
  },
  (t) => [index('teams_org_idx').on(t.organisationId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    teamId: uuid('team_id').references(() => teams.id),
    /** Stored lower-case; unique across the deployment (login is by email alone). */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email), index('users_org_idx').on(t.organisationId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not hand out live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The template's own id (`incident-report`), unique within an organisation; the API's `{id}`. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('templates_org_slug_idx').on(t.organisationId, t.slug)],
);

/** Published versions: immutable (a trigger refuses UPDATE and DELETE). */
export const templateVersions = pgTable(
  'template_versions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id),
    version: text('version').notNull(),
    document: jsonb('document').notNull(),
    /** SHA-256 (hex) of the canonical JSON (RFC 8785) of `document`. */
    hash: text('hash').notNull(),
    /** The precompiled standalone ES module (the engine's `precompile`). */
    validatorCode: text('validator_code').notNull(),
    publishedAt: ts('published_at').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('template_versions_tpl_version_idx').on(t.templateId, t.version)],
);

export const templateDrafts = pgTable('template_drafts', {
  templateId: uuid('template_id')
    .primaryKey()
    .references(() => templates.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  document: jsonb('document').notNull(),
  etag: integer('etag').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

export const records = pgTable(
  'records',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    teamId: uuid('team_id').references(() => teams.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id),
    /** The version the record started on: it stays pinned to it. */
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => templateVersions.id),
    stage: text('stage').notNull(),
    status: text('status').notNull(),
    data: jsonb('data').notNull(),
    /**
     * SHA-256 of the canonical JSON of `data`, written with it by every write (records/persist.ts, the create): the
     * next revision's audit event takes its `before` hash from here instead of hashing the old data again, and the
     * one-statement autosave needs no read first. Null on rows written before it existed (their next save hashes).
     */
    dataHash: text('data_hash'),
    revision: integer('revision').notNull(),
    safeguarding: boolean('safeguarding').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    stageEnteredAt: ts('stage_entered_at').notNull(),
    closedAt: ts('closed_at'),
    reviewComment: text('review_comment'),
    // Governance columns, extracted from the data when the template has them.
    category: text('category'),
    harm: text('harm'),
    occurredAt: ts('occurred_at'),
  },
  (t) => [
    index('records_org_template_idx').on(t.organisationId, t.templateId),
    index('records_org_created_by_idx').on(t.organisationId, t.createdBy),
    index('records_org_team_idx').on(t.organisationId, t.teamId),
    index('records_org_category_idx').on(t.organisationId, t.category),
    index('records_org_harm_idx').on(t.organisationId, t.harm),
    index('records_org_occurred_idx').on(t.organisationId, t.occurredAt),
  ],
);

/** Items of `$defs/action` arrays, one row each, rewritten on every save of their record. */
export const recordActions = pgTable(
  'record_actions',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Record pointer of the action item (`/actions/0`). */
    pointer: text('pointer').notNull(),
    description: text('description'),
    owner: text('owner'),
    dueAt: ts('due_at'),
    completedAt: ts('completed_at'),
    item: jsonb('item').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.pointer] }),
    index('record_actions_org_due_idx').on(t.organisationId, t.dueAt),
    index('record_actions_org_owner_idx').on(t.organisationId, t.owner),
  ],
);

export const recordRevisions = pgTable(
  'record_revisions',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id),
    revision: integer('revision').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    data: jsonb('data').notNull(),
    /** Values `prune` removed at proceed: kept here so nothing typed is ever lost. */
    removed: jsonb('removed'),
    valid: boolean('valid').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.revision] })],
);

export const stageTransitions = pgTable(
  'stage_transitions',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => templateVersions.id),
    revision: integer('revision').notNull(),
    evaluation: jsonb('evaluation').notNull(),
    by: uuid('by')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [
    index('stage_transitions_record_idx').on(t.recordId),
    index('stage_transitions_org_at_idx').on(t.organisationId, t.at),
  ],
);

export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    decision: text('decision').notNull(),
    comment: text('comment'),
    by: uuid('by')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index('reviews_record_idx').on(t.recordId)],
);

export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    stage: text('stage').notNull(),
    /** SHA-256 of the canonical JSON of the data signed. */
    dataHash: text('data_hash').notNull(),
    revision: integer('revision').notNull(),
    by: uuid('by')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index('signatures_record_idx').on(t.recordId)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    route: text('route').notNull(),
    key: text('key').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.route, t.key] })],
);

/**
 * One hash chain per organisation (`chain` = organisation id) plus `platform` for events with no organisation.
 * Written only by the linker (src/audit/link.ts), under a per-chain advisory lock.
 */
export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** PostgreSQL's 64-bit transaction id (`pg_current_xact_id()`), read as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Append-only (a trigger refuses DELETE, TRUNCATE and every UPDATE except the linker's one-time setting of `seq`,
 * `prev_hash` and `hash` on an event that has none). An event is inserted in the transaction of the change it
 * records, without a place in the chain; the linker chains it after that transaction has finished.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    chain: text('chain').notNull(),
    /** Position in the chain; null until linked. */
    seq: bigint('seq', { mode: 'number' }),
    at: ts('at').notNull(),
    organisationId: uuid('organisation_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    beforeHash: text('before_hash'),
    afterHash: text('after_hash'),
    detail: jsonb('detail'),
    /** Null until linked. */
    prevHash: text('prev_hash'),
    /** Null until linked. */
    hash: text('hash'),
    /** Insertion order (not hashed): breaks ties between events of one transaction. */
    insertOrder: bigint('insert_order', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** The inserting transaction (not hashed): the linker waits until it has certainly finished. */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    /** The database's clock at insert (not hashed): how long an event has waited to be linked. */
    insertedAt: ts('inserted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('audit_events_chain_seq_idx').on(t.chain, t.seq),
    // Only the events still waiting for the linker: small, and what every linker run reads.
    index('audit_events_unlinked_idx').on(t.chain, t.xid, t.insertOrder).where(sql`${t.seq} is null`),
  ],
);
