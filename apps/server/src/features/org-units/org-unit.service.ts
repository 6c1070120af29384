import type { FieldError, OrgUnit, OrgUnitCreate, OrgUnitListQuery, OrgUnitPatch } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, OrgUnitsTable } from '../../db/schema.js';
import { fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import {
  activeOrgUnitExists,
  findOrgUnit,
  insertOrgUnit,
  listOrgUnits,
  lockUnitTree,
  parentOfUnit,
} from './org-unit.repository.js';

const MAX_DEPTH = 50;

/** The parent exists, is not archived, and the unit is not its own ancestor. */
async function parentErrors(db: Kysely<DB>, id: string, parentId: string | null): Promise<FieldError[]> {
  if (parentId === null) return [];
  await lockUnitTree(db);
  if (!(await activeOrgUnitExists(db, parentId)))
    return [{ path: 'parentId', message: 'no active org unit with this id' }];
  let cursor: string | null | undefined = parentId;
  for (let depth = 0; cursor; depth++) {
    if (cursor === id || depth > MAX_DEPTH) {
      return [{ path: 'parentId', message: 'a unit cannot be inside itself' }];
    }
    const next: string | null | undefined = await parentOfUnit(db, cursor);
    if (next === undefined) return [{ path: 'parentId', message: 'no org unit with this id' }];
    cursor = next;
  }
  return [];
}

export function createOrgUnitService(db: Kysely<DB>) {
  const records = versionedRecords<OrgUnit, OrgUnitsTable>(db, {
    table: 'org_units',
    entity: 'org_unit',
    label: 'org unit',
    find: findOrgUnit,
    insert: insertOrgUnit,
  });

  return {
    async list(actor: Actor | null, query: OrgUnitListQuery) {
      requirePermission(actor, 'approach.read');
      return listOrgUnits(db, query);
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'approach.read');
      return records.load(db, id);
    },

    async create(actor: Actor | null, input: OrgUnitCreate) {
      const signedIn = requirePermission(actor, 'org.write');
      const id = newId();
      const at = now();
      return records.create(signedIn, async (trx) => {
        const errors = await parentErrors(trx, id, input.parentId);
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        return {
          id,
          name: input.name,
          sort_name: input.name.toLowerCase(),
          kind: input.kind,
          parent_id: input.parentId,
          description: input.description,
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: OrgUnitPatch) {
      const signedIn = requirePermission(actor, 'org.write');
      return records.update(signedIn, id, version, async (current, trx) => {
        if (patch.parentId !== undefined && patch.parentId !== current.parentId) {
          const errors = await parentErrors(trx, id, patch.parentId);
          if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        }
        return {
          ...(patch.name !== undefined && { name: patch.name, sort_name: patch.name.toLowerCase() }),
          ...(patch.kind !== undefined && { kind: patch.kind }),
          ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
          ...(patch.description !== undefined && { description: patch.description }),
        };
      });
    },

    async archive(actor: Actor | null, id: string, version: number) {
      return records.archive(requirePermission(actor, 'org.write'), id, version);
    },

    async restore(actor: Actor | null, id: string, version: number) {
      return records.restore(requirePermission(actor, 'org.write'), id, version);
    },
  };
}

export type OrgUnitService = ReturnType<typeof createOrgUnitService>;
