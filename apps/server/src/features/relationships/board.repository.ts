import type { BoardCard, BoardQuery } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJsonList } from '../../shared/json.js';
import { decodeCursor, encodeCursor } from '../../shared/pagination.js';
import { healthOf, noSignals } from './health.js';
import { presentingOf } from './relationship.repository.js';

/**
 * The open positions of one model's relationships, with the board's filters. Unfiltered, this is a range of the
 * `relationship_positions_board` index. A person or group narrows to a few hundred relationships, so the query
 * starts from those (by their own indexes) and looks their positions up, rather than testing every position.
 */
function positions(db: Kysely<DB>, query: BoardQuery) {
  const q = db
    .selectFrom('relationship_positions as p')
    .where('p.model_id', '=', query.modelId)
    .where('p.open', '=', 1);
  if (query.managerId === undefined && query.agentId === undefined && query.groupId === undefined) return q;
  let narrowed = db.selectFrom('relationships as r').select('r.id');
  if (query.managerId !== undefined) narrowed = narrowed.where('r.manager_id', '=', query.managerId);
  if (query.agentId === 'none')
    narrowed = narrowed.where('r.agent_id', 'is', null).where('r.model_id', '=', query.modelId);
  else if (query.agentId !== undefined) narrowed = narrowed.where('r.agent_id', '=', query.agentId);
  if (query.groupId !== undefined)
    narrowed = narrowed.where('r.stakeholder_id', 'in', (eb) =>
      eb
        .selectFrom('stakeholder_group_members as m')
        .select('m.stakeholder_id')
        .where('m.group_id', '=', query.groupId as string),
    );
  return q.where('p.relationship_id', 'in', narrowed);
}

export interface ColumnPage {
  ids: string[];
  nextCursor: string | null;
}

const isFiltered = (query: BoardQuery) =>
  query.managerId !== undefined || query.agentId !== undefined || query.groupId !== undefined;

/**
 * Each step's count of active relationships (one in parallel steps counts in each) and the page of its column
 * asked for (`keys`), soonest next contact first, then those without one. Unfiltered, the counts are read from
 * `board_counts` and each column is an index range read in order; narrowed to a person or group (a few hundred relationships),
 * their positions are read at once and sorted here.
 */
export async function boardColumns(
  db: Kysely<DB>,
  query: BoardQuery,
  keys: string[],
  cursor: string | undefined,
): Promise<{ counts: Map<string, number>; pages: Map<string, ColumnPage> }> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const pages = new Map<string, ColumnPage>();
  if (isFiltered(query)) {
    const rows = await positions(db, query)
      .select(['p.step_key', 'p.relationship_id as id', 'p.next_contact_on as next'])
      .execute();
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.step_key, (counts.get(row.step_key) ?? 0) + 1);
    // Dated first, by date then id; then undated by id: the order of the index ranges below.
    const key = (row: { next: string | null; id: string }) =>
      `${row.next === null ? '1' : `0${row.next}`}\u0000${row.id}`;
    const from = after === undefined ? '' : key({ next: after[0] as string | null, id: after[1] });
    for (const step of keys) {
      const sorted = rows
        .filter((row) => row.step_key === step && key(row) > from)
        .sort((a, b) => (key(a) < key(b) ? -1 : 1));
      const page = sorted.slice(0, query.perStep);
      const last = page.at(-1);
      pages.set(step, {
        ids: page.map((row) => row.id),
        nextCursor: sorted.length > query.perStep && last ? encodeCursor(last.next, last.id) : null,
      });
    }
    return { counts, pages };
  }
  const counted = await db
    .selectFrom('board_counts')
    .select(['step_key', 'count'])
    .where('model_id', '=', query.modelId)
    .execute();
  const counts = new Map(counted.map((row) => [row.step_key, Number(row.count)]));
  // Each column is read whatever its count says: an empty column costs one index probe.
  for (const step of keys) pages.set(step, await columnPage(db, query, step, after));
  return { counts, pages };
}

/** One column's page from the board index: the dated part in order, then the undated part if the page has room. */
async function columnPage(
  db: Kysely<DB>,
  query: BoardQuery,
  step: string,
  after: [string | number | null, string] | undefined,
): Promise<ColumnPage> {
  const limit = query.perStep;
  const found: { id: string; next: string | null }[] = [];
  const inStep = () => positions(db, query).where('p.step_key', '=', step);
  if (after === undefined || after[0] !== null) {
    const dated = await inStep()
      .select(['p.relationship_id as id', 'p.next_contact_on as next'])
      .where('p.next_contact_on', 'is not', null)
      .$if(after !== undefined, (q) =>
        q.where(
          sql<boolean>`(p.next_contact_on, p.relationship_id) > (${String(after?.[0])}, ${after?.[1] as string})`,
        ),
      )
      .orderBy('p.next_contact_on')
      .orderBy('p.relationship_id')
      .limit(limit + 1)
      .execute();
    found.push(...dated);
  }
  if (found.length <= limit) {
    const undated = await inStep()
      .select(['p.relationship_id as id', 'p.next_contact_on as next'])
      .where('p.next_contact_on', 'is', null)
      .$if(after?.[0] === null, (q) => q.where('p.relationship_id', '>', after?.[1] as string))
      .orderBy('p.relationship_id')
      .limit(limit + 1 - found.length)
      .execute();
    found.push(...undated);
  }
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    ids: page.map((row) => row.id),
    nextCursor: found.length > limit && last ? encodeCursor(last.next, last.id) : null,
  };
}

/** The cards of many columns at once: one query for the rows, and the few grouped queries of a list page. */
export async function cardsOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, BoardCard>> {
  if (ids.length === 0) return new Map();
  // Not the journey: several kilobytes per card that the board does not show.
  const rows = await db
    .selectFrom('relationships')
    .select([
      'id',
      'name',
      'stakeholder_id',
      'model_id',
      'manager_id',
      'agent_id',
      'status',
      'current_steps',
      'next_contact_on',
      'contact_every_days',
      'next_review_on',
      'health_weights',
      'review_every_days',
      'health_override',
      'health_override_comment',
      'health_override_by',
      'health_override_at',
      'version',
    ])
    .where('id', 'in', ids)
    .execute();
  const { names, signals, today } = await presentingOf(db, rows);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        stakeholderId: row.stakeholder_id,
        stakeholderName: names.get(row.stakeholder_id) ?? '',
        managerId: row.manager_id,
        agentId: row.agent_id,
        status: row.status as BoardCard['status'],
        currentSteps: fromJsonList(row.current_steps),
        nextContactOn: row.next_contact_on,
        nextReviewOn: row.next_review_on,
        health: healthOf(row, signals.get(row.id) ?? noSignals, today),
        version: row.version,
      },
    ]),
  );
}
