import { z } from 'zod';
import { Id, IsoDateTime, PageQuery } from './limits.js';

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
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  ...PageQuery,
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;
