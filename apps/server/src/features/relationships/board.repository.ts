import type { BoardCard, BoardQuery, ModelContent } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJson, fromJsonList } from '../../shared/json.js';
import { decodeCursor, encodeCursor } from '../../shared/pagination.js';
import { healthOf, healthSignals, noSignals } from './health.js';

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

/**
 * The steps a model's board shows, in one query: those of its version in force, or for a retired model (none in
 * force) of its newest version. Undefined when there is no such model.
 */
export async function boardModel(
  db: Kysely<DB>,
  modelId: string,
): Promise<{ modelVersion: number; steps: ModelContent['steps'] } | undefined> {
  const row = await db
    .selectFrom('relationship_models as h')
    .leftJoin('relationship_model_versions as v', (join) =>
      join
        .onRef('v.document_id', '=', 'h.id')
        .on((eb) => eb('v.number', '=', eb.fn.coalesce('h.agreed_version', 'h.current_version'))),
    )
    .select(['h.agreed_version', 'h.current_version', 'v.content'])
    .where('h.id', '=', modelId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    modelVersion: row.agreed_version ?? row.current_version,
    steps: fromJson<ModelContent>(row.content)?.steps ?? [],
  };
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
  return { counts, pages: await columnPages(db, query, keys, after) };
}

interface Placed {
  step_key: string;
  id: string;
  next: string | null;
}

/**
 * Every column's page from the board index in one statement: per step, the dated part in order and the undated
 * part, each an index range of at most `perStep + 1` rows (`union all` of one small range per part, rather than a
 * round trip per column). Each column is read whatever its count says: an empty one costs one index probe.
 */
async function columnPages(
  db: Kysely<DB>,
  query: BoardQuery,
  keys: string[],
  after: [string | number | null, string] | undefined,
): Promise<Map<string, ColumnPage>> {
  const limit = query.perStep;
  const inStep = (step: string) =>
    positions(db, query)
      .select(['p.step_key', 'p.relationship_id as id', 'p.next_contact_on as next'])
      .where('p.step_key', '=', step);
  const ranges = keys.flatMap((step, i) => {
    const dated = inStep(step)
      .where('p.next_contact_on', 'is not', null)
      .$if(after !== undefined, (q) =>
        q.where(
          sql<boolean>`(p.next_contact_on, p.relationship_id) > (${String(after?.[0])}, ${after?.[1] as string})`,
        ),
      )
      .orderBy('p.next_contact_on')
      .orderBy('p.relationship_id')
      .limit(limit + 1);
    const undated = inStep(step)
      .where('p.next_contact_on', 'is', null)
      .$if(after?.[0] === null, (q) => q.where('p.relationship_id', '>', after?.[1] as string))
      // Ordered as the index is (all dates null): PostgreSQL otherwise walks the primary key in id order.
      .orderBy('p.next_contact_on')
      .orderBy('p.relationship_id')
      .limit(limit + 1);
    // After an undated cursor, no dated card is left to show.
    const parts = after === undefined || after[0] !== null ? [dated, undated] : [undated];
    // Wrapped, so each part keeps its own order and limit inside the union on both databases.
    return parts.map((part, j) => db.selectFrom(part.as(`c${i}_${j}`)).selectAll());
  });
  const [first, ...rest] = ranges;
  const rows: Placed[] = first
    ? await rest.reduce((union, part) => union.unionAll(part), first).execute()
    : [];
  const byStep = new Map<string, Placed[]>(keys.map((step) => [step, []]));
  for (const row of rows) byStep.get(row.step_key)?.push(row);
  const pages = new Map<string, ColumnPage>();
  // Dated first, by date then id; then undated by id: the order of the index ranges.
  const before = (a: Placed, b: Placed) =>
    a.next === b.next
      ? a.id < b.id
        ? -1
        : 1
      : a.next === null
        ? 1
        : b.next === null
          ? -1
          : a.next < b.next
            ? -1
            : 1;
  for (const [step, found] of byStep) {
    found.sort(before);
    const page = found.slice(0, limit);
    const last = page.at(-1);
    pages.set(step, {
      ids: page.map((row) => row.id),
      nextCursor: found.length > limit && last ? encodeCursor(last.next, last.id) : null,
    });
  }
  return pages;
}

/**
 * The cards of many columns at once: their rows with their stakeholders' names in one query (on SQLite from the
 * covering index `relationships_card`), and one grouped query per health signal.
 */
export async function cardsOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, BoardCard>> {
  if (ids.length === 0) return new Map();
  // Not the journey: several kilobytes per card that the board does not show.
  const rows = await db
    .selectFrom('relationships as r')
    .innerJoin('stakeholders as s', 's.id', 'r.stakeholder_id')
    .select([
      'r.id',
      'r.name',
      'r.stakeholder_id',
      's.name as stakeholder_name',
      'r.manager_id',
      'r.agent_id',
      'r.status',
      'r.current_steps',
      'r.next_contact_on',
      'r.contact_every_days',
      'r.next_review_on',
      'r.health_weights',
      'r.review_every_days',
      'r.health_override',
      'r.health_override_comment',
      'r.health_override_by',
      'r.health_override_at',
      'r.version',
    ])
    .where('r.id', 'in', ids)
    .execute();
  const today = new Date().toISOString().slice(0, 10);
  const signals = await healthSignals(db, ids, today);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        stakeholderId: row.stakeholder_id,
        stakeholderName: row.stakeholder_name,
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
