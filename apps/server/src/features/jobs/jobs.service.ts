import type { JobListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { listJobs } from './jobs.repository.js';

export function createJobService(db: Kysely<DB>) {
  return {
    /** Background jobs, newest first: `status=failed` shows what gave up and why. */
    async list(actor: Actor | null, query: JobListQuery) {
      requirePermission(actor, 'jobs.read');
      return listJobs(db, query);
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
