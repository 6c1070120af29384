import type { AuditListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { redactConfidential } from './audit.redaction.js';
import { listAudit } from './audit.repository.js';

export function createAuditService(db: Kysely<DB>) {
  return {
    async list(actor: Actor | null, query: AuditListQuery) {
      const signedIn = requirePermission(actor, 'audit.read');
      const page = await listAudit(db, query);
      return { ...page, data: await redactConfidential(db, page.data, signedIn) };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
