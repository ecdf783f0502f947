import { z } from 'zod';
import { Id, Timestamp } from './common';

export const AuditAction = z.enum(['create', 'update', 'delete', 'reveal', 'login', 'logout', 'login-failed', 'invite', 'accept-invite', 'reset-password', 'deactivate', 'revoke', 'setup', 'override']);
export type AuditAction = z.infer<typeof AuditAction>;

/** What an audit entry is about. 'session' is a sign-in session; 'live-session' a planned live show. */
export const AuditEntityType = z.enum([
  'user',
  'session',
  'invite',
  'api-token',
  'team',
  'room',
  'position',
  'duty',
  'matrix',
  'person',
  'product',
  'live-session',
  'checklist-template',
  'checklist-item',
  'calendar-feed',
  'compliance-pack',
  'compliance-rule',
  'compliance-category',
  'compliance-lookalike',
  'content-item',
  'alert',
  'alert-rules',
  'channel',
  'channel-route',
  'incident',
  'playbook',
  'risk',
  'task',
  'import',
  'import-preset',
  'suggestion',
  'sentiment-lexicon',
  'weekly-report',
  'weekly-report-schedule',
]);
export type AuditEntityType = z.infer<typeof AuditEntityType>;

export const AuditQuery = z.object({
  actorUserId: Id.optional(),
  entityType: AuditEntityType.optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  action: AuditAction.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Return entries older than this id's entry (keyset paging). */
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryView = z.object({
  id: z.number(),
  at: Timestamp,
  actorUserId: Id.nullable(),
  actorLabel: z.string(),
  action: AuditAction,
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  /** Values before and after the change; personal data is masked. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({ items: z.array(AuditEntryView), nextBefore: z.number().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
