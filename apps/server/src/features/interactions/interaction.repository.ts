import type { AccessActor, FollowUp, FollowUpListQuery, InteractionListQuery } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import { listPage } from '../../db/list-page.js';
import type { DB, FollowUpsTable, InteractionsTable } from '../../db/schema.js';
import { containsPattern } from '../../shared/json.js';
import { applyKeyset, keysetOf, type Page, pageFrom } from '../../shared/pagination.js';
import { followUpReadableBy, interactionReadableBy } from '../access/access.filters.js';

export function toFollowUp(row: FollowUpsTable): FollowUp {
  return {
    id: row.id,
    interactionId: row.interaction_id,
    relationshipId: row.relationship_id,
    text: row.text,
    ownerId: row.owner_id,
    dueOn: row.due_on,
    doneAt: row.done_at,
    doneBy: row.done_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const findInteractionRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();

export async function followUpsOf(
  db: Kysely<DB>,
  interactionIds: string[],
): Promise<Map<string, FollowUp[]>> {
  const byInteraction = new Map<string, FollowUp[]>();
  if (interactionIds.length === 0) return byInteraction;
  const rows = await db
    .selectFrom('follow_ups')
    .selectAll()
    .where('interaction_id', 'in', interactionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    byInteraction.set(row.interaction_id, [
      ...(byInteraction.get(row.interaction_id) ?? []),
      toFollowUp(row),
    ]);
  }
  return byInteraction;
}

export async function insertInteraction(db: Kysely<DB>, row: InteractionsTable): Promise<void> {
  await db.insertInto('interactions').values(row).execute();
  await syncTimeline(db, row);
}

/** The stakeholder timeline rows of an interaction: its counterpart and the stakeholders taking part. */
export async function syncTimeline(
  db: Kysely<DB>,
  row: Pick<InteractionsTable, 'id' | 'stakeholder_id' | 'participant_stakeholder_ids' | 'occurred_at'>,
) {
  await db.deleteFrom('interaction_stakeholders').where('interaction_id', '=', row.id).execute();
  const ids = [
    ...new Set([row.stakeholder_id, ...(JSON.parse(row.participant_stakeholder_ids) as string[])]),
  ];
  await db
    .insertInto('interaction_stakeholders')
    .values(
      ids.map((stakeholder_id) => ({ interaction_id: row.id, stakeholder_id, occurred_at: row.occurred_at })),
    )
    .execute();
}

export async function listInteractionRows(db: Kysely<DB>, query: InteractionListQuery, actor: AccessActor) {
  let base = db
    .selectFrom('interactions')
    .$if(query.archived === 'false', (q) => q.where('interactions.archived_at', 'is', null))
    .$if(query.archived === 'only', (q) => q.where('interactions.archived_at', 'is not', null))
    .$if(query.relationshipId !== undefined, (q) =>
      q.where('relationship_id', '=', query.relationshipId as string),
    )
    .$if(query.authorId !== undefined, (q) => q.where('author_id', '=', query.authorId as string))
    .$if(query.kind !== undefined, (q) => q.where('kind', '=', query.kind as string))
    // Search reads the content, so it looks only into what the reader may read: a confidential summary must not
    // answer "does it mention X?" to someone who may not read it.
    .$if(Boolean(query.q), (q) =>
      q.where(
        sql<boolean>`(${interactionReadableBy(actor)} and lower(interactions.summary) like ${containsPattern(
          query.q as string,
        )} escape '\\')`,
      ),
    )
    // Stored times are UTC with milliseconds; the bounds are brought to the same form to compare as text.
    .$if(query.from !== undefined, (q) =>
      q.where('interactions.occurred_at', '>=', new Date(query.from as string).toISOString()),
    )
    .$if(query.to !== undefined, (q) =>
      q.where('interactions.occurred_at', '<', new Date(query.to as string).toISOString()),
    );
  if (query.stakeholderId !== undefined) {
    // From the stakeholder's few entries in the mirror (an index range), never by testing every interaction.
    base = base.where('interactions.id', 'in', (eb) =>
      eb
        .selectFrom('interaction_stakeholders as t')
        .select('t.interaction_id')
        .where('t.stakeholder_id', '=', query.stakeholderId as string),
    );
    // Who took part in a confidential interaction is part of its content: as a participant, it shows only to
    // those who may read it; as the counterpart, to everyone.
    base = base.where((eb) =>
      eb.or([
        eb('interactions.stakeholder_id', '=', query.stakeholderId as string),
        interactionReadableBy(actor),
      ]),
    );
  }
  return listPage(
    base,
    'interactions',
    { ...query, sortColumns: { occurredAt: 'occurred_at' } },
    (row: InteractionsTable) => row,
  );
}

export async function insertFollowUps(db: Kysely<DB>, rows: FollowUpsTable[]) {
  if (rows.length > 0) await db.insertInto('follow_ups').values(rows).execute();
}

export async function findFollowUp(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toFollowUp(row);
}

export async function listFollowUps(
  db: Kysely<DB>,
  query: FollowUpListQuery,
  ownerId: string | undefined,
  actor: AccessActor,
) {
  const keyset = keysetOf(query.sort, { dueOn: 'due_on?', createdAt: 'created_at' });
  const base = db
    .selectFrom('follow_ups')
    .innerJoin('interactions', 'interactions.id', 'follow_ups.interaction_id')
    .where('interactions.archived_at', 'is', null)
    // A follow-up of a confidential interaction shows to its owner and to those who may read the interaction.
    .where(followUpReadableBy(actor))
    .$if(ownerId !== undefined, (q) => q.where('follow_ups.owner_id', '=', ownerId as string))
    .$if(query.relationshipId !== undefined, (q) =>
      q.where('follow_ups.relationship_id', '=', query.relationshipId as string),
    )
    .$if(query.open === true, (q) => q.where('follow_ups.done_at', 'is', null))
    .$if(query.open === false, (q) => q.where('follow_ups.done_at', 'is not', null));
  const rows = await applyKeyset(base.selectAll('follow_ups'), keyset, query.cursor, 'follow_ups')
    .limit(query.limit + 1)
    .execute();
  const page: Page<FollowUp> = pageFrom(rows, query.limit, keyset, toFollowUp);
  if (query.count) {
    const counted = await base.select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    page.total = Number(counted.n);
  }
  return page;
}
