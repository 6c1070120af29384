import type { Job, JobListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import { applyKeyset, type Keyset, type Page, pageFrom } from '../../shared/pagination.js';

const newestFirst: Keyset = { column: 'id', direction: 'desc' };

export async function listJobs(db: Kysely<DB>, query: JobListQuery): Promise<Page<Job>> {
  const filtered = db
    .selectFrom('jobs')
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status as string))
    .$if(query.kind !== undefined, (q) => q.where('kind', '=', query.kind as string));
  const rows = await applyKeyset(filtered.selectAll(), newestFirst, query.cursor, 'jobs')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, newestFirst, (row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status as Job['status'],
    payload: fromJson(row.payload),
    runAt: row.run_at,
    attempts: row.attempts,
    lockedUntil: row.locked_until,
    lockedBy: row.locked_by,
    doneAt: row.done_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  }));
  if (!query.count) return page;
  const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { ...page, total: Number(counted.n) };
}
