import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, text } from './limits.js';

export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  actorId: Id.nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: Id,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = z.strictObject({
  entity: text().max(64).optional(),
  entityId: text().max(64).optional(),
  actorId: text().max(64).optional(),
  ...PageQuery,
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;
