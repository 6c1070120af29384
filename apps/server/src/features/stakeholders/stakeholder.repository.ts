import type { Stakeholder, StakeholderFilter, StakeholderListQuery } from '@rapport/contracts';
import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { DB, StakeholderRow, StakeholdersTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { containsPattern, fromJsonList } from '../../shared/json.js';
import { applyKeyset, keysetOf, type Page, pageFrom } from '../../shared/pagination.js';
import { now } from '../../shared/time.js';
import { PENDING_IMPORT } from '../csv/import.pending.js';
import { reassessmentCutoffs } from '../groups/group.repository.js';

export function toStakeholder(row: StakeholderRow): Stakeholder {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Stakeholder['kind'],
    category: row.category as Stakeholder['category'],
    scope: row.scope as Stakeholder['scope'],
    parentId: row.parent_id,
    orgUnitId: row.org_unit_id,
    influence: row.influence,
    interest: row.interest,
    quadrant: row.quadrant as Stakeholder['quadrant'],
    power: row.power === 1,
    legitimacy: row.legitimacy === 1,
    urgency: row.urgency === 1,
    salience: row.salience as Stakeholder['salience'],
    engagementCurrent: row.engagement_current as Stakeholder['engagementCurrent'],
    engagementDesired: row.engagement_desired as Stakeholder['engagementDesired'],
    targetInfluence: row.target_influence,
    targetInterest: row.target_interest,
    ownerId: row.owner_id,
    emails: fromJsonList(row.emails),
    phones: fromJsonList(row.phones),
    tags: fromJsonList(row.tags),
    notes: row.notes,
    externalRef: row.external_ref,
    engagementGap: row.engagement_gap,
    lastAssessedAt: row.last_assessed_at,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const findStakeholderById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('stakeholders').selectAll().where('id', '=', id).executeTakeFirst();

export async function findParentIdOf(db: Kysely<DB>, id: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('stakeholders').select('parent_id').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : row.parent_id;
}

const normalisedTags = (tags: string[]) => [...new Set(tags.map((tag) => tag.toLowerCase()))];

export async function insertStakeholder(db: Kysely<DB>, row: StakeholdersTable): Promise<void> {
  await db.insertInto('stakeholders').values(row).execute();
  await syncLookups(db, toStakeholder(row));
}

export const updateStakeholder = (
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: Partial<Omit<StakeholdersTable, 'id' | 'version'>>,
) => updateVersioned(db, 'stakeholders', id, version, changes);

/** The tag and e-mail tables mirror the JSON lists, so the tag filter and duplicate search use indexes. */
export async function syncLookups(db: Kysely<DB>, stakeholder: Pick<Stakeholder, 'id' | 'tags' | 'emails'>) {
  const { id } = stakeholder;
  await db.deleteFrom('stakeholder_tags').where('stakeholder_id', '=', id).execute();
  await db.deleteFrom('stakeholder_emails').where('stakeholder_id', '=', id).execute();
  const tags = normalisedTags(stakeholder.tags);
  if (tags.length > 0) {
    await db
      .insertInto('stakeholder_tags')
      .values(tags.map((tag) => ({ stakeholder_id: id, tag })))
      .execute();
  }
  const emails = [...new Set(stakeholder.emails)];
  if (emails.length > 0) {
    await db
      .insertInto('stakeholder_emails')
      .values(emails.map((email) => ({ stakeholder_id: id, email })))
      .execute();
  }
}

export async function findByExternalRef(db: Kysely<DB>, externalRef: string) {
  return db.selectFrom('stakeholders').selectAll().where('external_ref', '=', externalRef).executeTakeFirst();
}

const sortColumns = {
  name: 'sort_name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  influence: 'influence',
  interest: 'interest',
  engagementGap: 'engagement_gap',
  lastAssessedAt: 'last_assessed_at',
};
// Keyset pages need a value in the sort column: sorting by these lists only the rows that have one.
const nullableSortColumns = new Set(['engagement_gap', 'last_assessed_at']);

/** SQLite's trigram index answers patterns of three characters or more; shorter ones are checked row by row. */
const TRIGRAM = 3;
/**
 * Past this many matches, walking the name-ordered index and stopping after one page beats fetching every
 * match through the text index and sorting it.
 */
const SELECTIVE_MATCHES = 2000;

const ftsMatches = (q: string) =>
  sql`select s.rowid from stakeholder_search s where s.search_text like ${`%${q.toLowerCase()}%`}`;

/**
 * Whether `q` should go through SQLite's FTS5 trigram index: long enough, without %, _ or \ (FTS5 uses its
 * index only for LIKE without ESCAPE), and selective enough. PostgreSQL's planner picks its trigram index itself.
 */
export async function searchViaIndex(db: Kysely<DB>, q: string | undefined): Promise<boolean> {
  if (!q || [...q.trim()].length < TRIGRAM || /[%_\\]/.test(q)) return false;
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return false;
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (${ftsMatches(q)} limit ${SELECTIVE_MATCHES + 1})`.execute(db);
  return Number(rows[0]?.n ?? 0) <= SELECTIVE_MATCHES;
}

/** `q` as a case-insensitive substring of name, e-mails, tags and external reference. */
function searchMatches(q: string, viaIndex: boolean) {
  if (viaIndex) {
    return sql<boolean>`stakeholders.id in (
      select r.stakeholder_id from stakeholder_search_rows r where r.rowid in (${ftsMatches(q)}))`;
  }
  return sql<boolean>`search_text like ${containsPattern(q)} escape '\\'`;
}

/** For "due for re-assessment": members of a group whose last assessment is older than the group allows. */
export interface DueCutoff {
  groupId: string;
  assessedBefore: string;
}

/** The stakeholders a list filter finds, as a query to select from, count, or insert from. */
function filteredStakeholders(
  db: Kysely<DB>,
  query: StakeholderFilter,
  options: { dueCutoffs?: DueCutoff[]; searchViaIndex?: boolean } = {},
) {
  const { dueCutoffs, searchViaIndex: viaIndex = false } = options;
  const { q, category, scope, quadrant, salience, ownerId, tag, groupId, orgUnitId, archived, due } = query;
  // A due filter without its cutoffs would quietly match everyone: callers go through stakeholdersMatching.
  if (due && !dueCutoffs) throw new Error('the due filter needs the groups’ cutoffs');
  return (
    db
      .selectFrom('stakeholders')
      .$if(archived === 'false', (qb) => qb.where('archived_at', 'is', null))
      .$if(archived === 'only', (qb) =>
        qb.where('archived_at', 'is not', null).where('archived_at', '<>', PENDING_IMPORT),
      )
      // The new stakeholders of an import still writing are not archived ones (csv/import.pending.ts).
      .$if(archived === 'true', (qb) =>
        qb.where((eb) => eb.or([eb('archived_at', 'is', null), eb('archived_at', '<>', PENDING_IMPORT)])),
      )
      .$if(Boolean(q), (qb) => qb.where(searchMatches(q as string, viaIndex)))
      .$if(Boolean(category?.length), (qb) => qb.where('category', 'in', category as string[]))
      .$if(scope !== undefined, (qb) => qb.where('scope', '=', scope as string))
      .$if(Boolean(quadrant?.length), (qb) => qb.where('quadrant', 'in', quadrant as string[]))
      .$if(Boolean(salience?.length), (qb) => qb.where('salience', 'in', salience as string[]))
      .$if(orgUnitId !== undefined, (qb) => qb.where('org_unit_id', '=', orgUnitId as string))
      .$if(ownerId === 'none', (qb) => qb.where('owner_id', 'is', null))
      .$if(ownerId !== undefined && ownerId !== 'none', (qb) => qb.where('owner_id', '=', ownerId as string))
      .$if(Boolean(tag?.length), (qb) =>
        qb.where((eb) =>
          eb.exists(
            eb
              .selectFrom('stakeholder_tags')
              .select('stakeholder_tags.tag')
              .whereRef('stakeholder_tags.stakeholder_id', '=', 'stakeholders.id')
              .where('stakeholder_tags.tag', 'in', normalisedTags(tag as string[])),
          ),
        ),
      )
      .$if(groupId !== undefined, (qb) =>
        qb.where((eb) =>
          eb.exists(
            eb
              .selectFrom('stakeholder_group_members')
              .select('stakeholder_group_members.group_id')
              .whereRef('stakeholder_group_members.stakeholder_id', '=', 'stakeholders.id')
              .where('stakeholder_group_members.group_id', '=', groupId as string),
          ),
        ),
      )
      .$if(Boolean(due), (qb) =>
        qb.where((eb) =>
          eb.or(
            (dueCutoffs ?? []).map((cutoff) =>
              eb.and([
                eb('stakeholders.last_assessed_at', '<', cutoff.assessedBefore),
                eb.exists(
                  eb
                    .selectFrom('stakeholder_group_members as due')
                    .select('due.group_id')
                    .whereRef('due.stakeholder_id', '=', 'stakeholders.id')
                    .where('due.group_id', '=', cutoff.groupId),
                ),
              ]),
            ),
          ),
        ),
      )
  );
}

/** The stakeholders a list filter finds, with what the filter needs looked up first (due cutoffs, search path). */
export async function stakeholdersMatching(db: Kysely<DB>, filter: StakeholderFilter) {
  return filteredStakeholders(db, filter, {
    dueCutoffs: filter.due ? await reassessmentCutoffs(db, now()) : undefined,
    searchViaIndex: await searchViaIndex(db, filter.q),
  });
}

export async function listStakeholders(
  db: Kysely<DB>,
  query: StakeholderListQuery,
): Promise<Page<Stakeholder>> {
  const keyset = keysetOf(query.sort, sortColumns);
  const base = (await stakeholdersMatching(db, query)).$if(nullableSortColumns.has(keyset.column), (qb) =>
    qb.where(sql.ref(keyset.column), 'is not', null),
  );
  const rows = await applyKeyset(base.selectAll(), keyset, query.cursor, 'stakeholders')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, keyset, toStakeholder);
  if (query.count) {
    const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    page.total = Number(counted.n);
  }
  return page;
}

/** Ids among `ids` that exist, in one query (reference checks without N+1). */
export async function listByIds(db: Kysely<DB>, ids: string[]): Promise<Stakeholder[]> {
  const unique = [...new Set(ids)];
  const found: Stakeholder[] = [];
  // In chunks: SQLite refuses statements with more than 32,766 bound values.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('stakeholders')
      .selectAll()
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) found.push(toStakeholder(row));
  }
  return found;
}

/** Bulk insert (imports): stakeholders with their tag and e-mail lookups, a few statements per 500 rows. */
export async function insertStakeholders(db: Kysely<DB>, rows: StakeholdersTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db.insertInto('stakeholders').values(batch).execute();
    const tags = batch.flatMap((row) =>
      normalisedTags(fromJsonList(row.tags)).map((tag) => ({ stakeholder_id: row.id, tag })),
    );
    const emails = batch.flatMap((row) =>
      [...new Set(fromJsonList(row.emails))].map((email) => ({ stakeholder_id: row.id, email })),
    );
    for (let j = 0; j < tags.length; j += 1000)
      await db
        .insertInto('stakeholder_tags')
        .values(tags.slice(j, j + 1000))
        .execute();
    for (let j = 0; j < emails.length; j += 1000)
      await db
        .insertInto('stakeholder_emails')
        .values(emails.slice(j, j + 1000))
        .execute();
  }
}

export async function deleteStakeholders(db: Kysely<DB>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    await db.updateTable('stakeholders').set({ parent_id: null }).where('parent_id', 'in', batch).execute();
    await db.deleteFrom('stakeholders').where('id', 'in', batch).execute();
  }
}
