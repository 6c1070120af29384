import type { Material, MaterialListQuery, MaterialReaders, Role } from '@rapport/contracts';
import { type Kysely, sql } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, MaterialsTable } from '../../db/schema.js';
import { fromJsonList } from '../../shared/json.js';

export interface Reach {
  /** Active users per role. */
  usersByRole: Map<string, number>;
  /** Per material, active users per role who acknowledged its current revision. */
  acknowledgedByRole: Map<string, Map<string, number>>;
  /** Materials whose current revision the signed-in user acknowledged. */
  mine: Set<string>;
}

/** A material as stored, without who has read it (that depends on who asks). */
export type StoredMaterial = Omit<Material, 'acknowledgement' | 'acknowledgedByMe'>;

export function toStoredMaterial(row: MaterialsTable): StoredMaterial {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as Material['kind'],
    url: row.url,
    body: row.body,
    principleId: row.principle_id,
    modelId: row.model_id,
    audience: fromJsonList(row.audience) as Role[],
    revision: row.revision,
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Of the active users in the audience roles, how many have acknowledged the current revision. */
export function acknowledgementOf(materialId: string, audience: readonly string[], reach: Reach) {
  const byRole = reach.acknowledgedByRole.get(materialId);
  const sum = (counts: (role: string) => number) => audience.reduce((total, role) => total + counts(role), 0);
  return {
    audience: sum((role) => reach.usersByRole.get(role) ?? 0),
    acknowledged: sum((role) => byRole?.get(role) ?? 0),
  };
}

export function toMaterial(material: StoredMaterial, reach: Reach): Material {
  return {
    ...material,
    acknowledgement: acknowledgementOf(material.id, material.audience, reach),
    acknowledgedByMe: reach.mine.has(material.id),
  };
}

/** Who the materials reach, in three grouped queries whatever the number of materials. */
export async function reachOf(db: Kysely<DB>, materialIds: string[], userId: string): Promise<Reach> {
  const reach: Reach = { usersByRole: new Map(), acknowledgedByRole: new Map(), mine: new Set() };
  if (materialIds.length === 0) return reach;
  const users = await db
    .selectFrom('users')
    .select(['role', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('deactivated_at', 'is', null)
    .groupBy('role')
    .execute();
  for (const row of users) reach.usersByRole.set(row.role, Number(row.n));
  const acknowledged = await db
    .selectFrom('material_acknowledgements as a')
    .innerJoin('materials as m', 'm.id', 'a.material_id')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.material_id as materialId',
      'u.role as role',
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .where('a.material_id', 'in', materialIds)
    .whereRef('a.revision', '=', 'm.revision')
    .where('u.deactivated_at', 'is', null)
    .groupBy(['a.material_id', 'u.role'])
    .execute();
  for (const row of acknowledged) {
    const byRole = reach.acknowledgedByRole.get(row.materialId) ?? new Map<string, number>();
    byRole.set(row.role, Number(row.n));
    reach.acknowledgedByRole.set(row.materialId, byRole);
  }
  const mine = await db
    .selectFrom('material_acknowledgements as a')
    .innerJoin('materials as m', 'm.id', 'a.material_id')
    .select('a.material_id')
    .where('a.material_id', 'in', materialIds)
    .where('a.user_id', '=', userId)
    .whereRef('a.revision', '=', 'm.revision')
    .execute();
  for (const row of mine) reach.mine.add(row.material_id);
  return reach;
}

export async function findMaterial(db: Kysely<DB>, id: string): Promise<StoredMaterial | undefined> {
  const row = await db.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toStoredMaterial(row);
}

export async function insertMaterial(db: Kysely<DB>, row: MaterialsTable) {
  await db.insertInto('materials').values(row).execute();
}

// Roles are plain words, so `"role"` inside the JSON list matches that role and no other.
const audienceHas = (role: string) => sql<boolean>`materials.audience like ${`%"${role}"%`}`;

export async function listMaterialRows(
  db: Kysely<DB>,
  query: MaterialListQuery,
  me: { id: string; role: string },
) {
  const base = withCommonFilters(db.selectFrom('materials'), 'materials', query)
    .$if(query.principleId !== undefined, (q) => q.where('principle_id', '=', query.principleId as string))
    .$if(query.modelId !== undefined, (q) => q.where('model_id', '=', query.modelId as string))
    .$if(query.pendingForMe === true, (q) =>
      q
        .where(audienceHas(me.role))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('material_acknowledgements as a')
                .select('a.material_id')
                .whereRef('a.material_id', '=', 'materials.id')
                .whereRef('a.revision', '=', 'materials.revision')
                .where('a.user_id', '=', me.id),
            ),
          ),
        ),
    );
  return listPage(
    base,
    'materials',
    { ...query, sortColumns: { title: 'sort_name', updatedAt: 'updated_at' } },
    toStoredMaterial,
  );
}

export async function acknowledge(
  db: Kysely<DB>,
  materialId: string,
  userId: string,
  revision: number,
  at: string,
) {
  await db
    .insertInto('material_acknowledgements')
    .values({ material_id: materialId, user_id: userId, revision, acknowledged_at: at })
    .onConflict((oc) => oc.columns(['material_id', 'user_id']).doUpdateSet({ revision, acknowledged_at: at }))
    .execute();
}

/** Every active user with their acknowledgement of the material, if any, to split into read and not yet read. */
export async function readersOf(db: Kysely<DB>, material: StoredMaterial): Promise<MaterialReaders> {
  const { audience } = material;
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('material_acknowledgements as a', (join) =>
      join.onRef('a.user_id', '=', 'u.id').on('a.material_id', '=', material.id),
    )
    .select([
      'u.id as userId',
      'u.name as name',
      'u.role as role',
      'a.revision as revision',
      'a.acknowledged_at as at',
    ])
    .where('u.deactivated_at', 'is', null)
    .orderBy('u.sort_name')
    .execute();
  const readers: MaterialReaders = { revision: material.revision, acknowledged: [], pending: [] };
  for (const row of rows) {
    const role = row.role as Role;
    const inAudience = audience.includes(role);
    if (row.revision === material.revision && row.at !== null) {
      readers.acknowledged.push({
        userId: row.userId,
        name: row.name,
        role,
        inAudience,
        revision: row.revision,
        acknowledgedAt: row.at,
      });
    } else if (inAudience) {
      readers.pending.push({ userId: row.userId, name: row.name, role, acknowledgedRevision: row.revision });
    }
  }
  return readers;
}

export async function activeDocumentExists(
  db: Kysely<DB>,
  table: 'principles' | 'relationship_models',
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
