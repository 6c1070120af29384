import type { AuditListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { auditEntriesFor, entitiesHiddenFrom } from './audit.redaction.js';
import { listAudit } from './audit.repository.js';

export function createAuditService(db: Kysely<DB>) {
  return {
    async list(actor: Actor | null, query: AuditListQuery) {
      const signedIn = requirePermission(actor, 'audit.read');
      const page = await listAudit(db, query, entitiesHiddenFrom(signedIn.role));
      return { ...page, data: await auditEntriesFor(db, page.data, signedIn) };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
