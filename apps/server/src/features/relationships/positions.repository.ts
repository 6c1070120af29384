import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../shared/transaction.js';

/**
 * A relationship's positions (the steps it is in) carry its model, openness (active and not archived) and next
 * contact, for the board's index; `board_counts` keeps how many open positions each model's steps hold, so a board's
 * counts are read, not counted. The app changes both only through `setPositions` and `syncPositions`; bulk loads
 * (the scale seed) write positions directly and then call `recountBoard`.
 */
type Delta = Map<string, { modelId: string; stepKey: string; change: number }>;

function add(delta: Delta, modelId: string | null, stepKey: string, change: number) {
  if (modelId === null) return;
  const key = `${modelId}\u0000${stepKey}`;
  const found = delta.get(key);
  if (found) found.change += change;
  else delta.set(key, { modelId, stepKey, change });
}

async function applyCounts(db: Kysely<DB>, delta: Delta) {
  // Always in the same order, so two transactions changing the same counts wait for each other, never deadlock.
  const changes = [...delta.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, change]) => change);
  for (const { modelId, stepKey, change } of changes) {
    if (change === 0) continue;
    await db
      .insertInto('board_counts')
      .values({ model_id: modelId, step_key: stepKey, count: change })
      .onConflict((oc) =>
        oc
          .columns(['model_id', 'step_key'])
          .doUpdateSet({ count: sql<number>`board_counts.count + ${change}` }),
      )
      .execute();
  }
}

/** Mirrors `current_steps` in the positions table: the steps it leaves go, the ones it enters come (closed until synced). */
export async function setPositions(db: Kysely<DB>, id: string, steps: string[], at: string): Promise<void> {
  const current = await db
    .selectFrom('relationship_positions')
    .select(['step_key', 'model_id', 'open'])
    .where('relationship_id', '=', id)
    .execute();
  const kept = new Set(current.map((row) => row.step_key));
  const leaving = current.filter((row) => !steps.includes(row.step_key));
  if (leaving.length > 0) {
    await db
      .deleteFrom('relationship_positions')
      .where('relationship_id', '=', id)
      .where(
        'step_key',
        'in',
        leaving.map((row) => row.step_key),
      )
      .execute();
    const delta: Delta = new Map();
    for (const row of leaving) if (row.open === 1) add(delta, row.model_id, row.step_key, -1);
    // The steps entered are counted later in this transaction (by `syncPositions`): on PostgreSQL, first lock every
    // count of the model in key order, so a move from s1 to s2 and another from s2 to s1 cannot deadlock.
    const models = [...new Set([...delta.values()].map((change) => change.modelId))].sort();
    if (models.length > 0 && db.getExecutor().adapter instanceof PostgresAdapter)
      await db
        .selectFrom('board_counts')
        .select('step_key')
        .where('model_id', 'in', models)
        .orderBy('model_id')
        .orderBy('step_key')
        .forUpdate()
        .execute();
    await applyCounts(db, delta);
  }
  const entering = steps.filter((step) => !kept.has(step));
  if (entering.length > 0) {
    await db
      .insertInto('relationship_positions')
      // The copied columns are filled by `syncPositions`, which every write of a relationship ends with.
      .values(entering.map((step_key) => ({ relationship_id: id, step_key, since: at, open: 0 })))
      .execute();
  }
}

/**
 * Copies each relationship's model, openness and next contact into its positions, and moves the board counts by
 * what changed. Called at the end of every write that can change them (through `refreshContact`, and on archive
 * and restore); logging a contact changes only the next contact, so it touches no count.
 */
export async function syncPositions(db: Kysely<DB>, relationshipIds: string[]): Promise<void> {
  if (relationshipIds.length === 0) return;
  const relationships = await db
    .selectFrom('relationships')
    .select(['id', 'model_id', 'status', 'archived_at', 'next_contact_on'])
    .where('id', 'in', relationshipIds)
    .execute();
  const positions = await db
    .selectFrom('relationship_positions')
    .select(['relationship_id', 'step_key', 'model_id', 'open', 'next_contact_on'])
    .where('relationship_id', 'in', relationshipIds)
    .execute();
  const delta: Delta = new Map();
  for (const r of relationships) {
    const open = r.status === 'active' && r.archived_at === null ? 1 : 0;
    const mine = positions.filter((p) => p.relationship_id === r.id);
    const stale = mine.filter(
      (p) => p.model_id !== r.model_id || p.open !== open || p.next_contact_on !== r.next_contact_on,
    );
    if (stale.length === 0) continue;
    await db
      .updateTable('relationship_positions')
      .set({ model_id: r.model_id, open, next_contact_on: r.next_contact_on })
      .where('relationship_id', '=', r.id)
      .execute();
    for (const p of stale) {
      if (p.open === 1) add(delta, p.model_id, p.step_key, -1);
      if (open === 1) add(delta, r.model_id, p.step_key, 1);
    }
  }
  await applyCounts(db, delta);
}

/** Counts every model's open positions afresh: after a migration or a bulk load that wrote positions directly. */
export async function recountBoard(db: Kysely<DB>): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter)
      await sql`lock table board_counts in exclusive mode`.execute(trx);
    await trx.deleteFrom('board_counts').execute();
    await trx
      .insertInto('board_counts')
      .columns(['model_id', 'step_key', 'count'])
      .expression((eb) =>
        eb
          .selectFrom('relationship_positions')
          .select(['model_id', 'step_key', eb.fn.countAll<number>().as('count')])
          .where('open', '=', 1)
          .where('model_id', 'is not', null)
          .groupBy(['model_id', 'step_key']),
      )
      .execute();
  });
}
