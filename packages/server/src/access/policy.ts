/**
 * Who may do what. Organisation scoping is done in every query (a record of another organisation is simply not
 * found); these rules decide within one organisation. Unknown roles get nothing (fail closed).
 */
import type { CurrentUser } from '../http/env.js';
import type { Role } from '../types.js';

export interface RecordFacts {
  createdBy: string;
  teamId: string | null;
  safeguarding: boolean;
}

const reviewers: readonly Role[] = ['manager', 'safeguarding-lead'];
const orgWideReaders: readonly Role[] = [
  'manager',
  'safeguarding-lead',
  'quality-team',
  'provider-admin',
  'auditor',
];

export function canSeeRecord(user: CurrentUser, record: RecordFacts): boolean {
  if (record.createdBy === user.id) return true;
  if (record.safeguarding) return reviewers.includes(user.role);
  if (user.role === 'staff') return record.teamId !== null && record.teamId === user.teamId;
  return orgWideReaders.includes(user.role);
}

/** Editing data and moving stages: the people doing the work, never auditors or template managers. */
export function canEditRecord(user: CurrentUser, record: RecordFacts): boolean {
  if (!canSeeRecord(user, record)) return false;
  return user.role === 'staff' || reviewers.includes(user.role);
}

export const canCreateRecords = (user: CurrentUser) => user.role === 'staff' || reviewers.includes(user.role);
export const canReview = (user: CurrentUser) => reviewers.includes(user.role);
export const canManageTemplates = (user: CurrentUser) =>
  user.role === 'quality-team' || user.role === 'provider-admin';
export const canReadAudit = (user: CurrentUser) => user.role === 'auditor' || user.role === 'provider-admin';
