import type { AuditListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { listAudit } from './audit.repository.js';

export function createAuditService(db: Kysely<DB>) {
  return {
    async list(actor: Actor | null, query: AuditListQuery) {
      requirePermission(actor, 'audit.read');
      return listAudit(db, query);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
