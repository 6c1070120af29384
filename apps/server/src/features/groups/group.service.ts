import {
  type GroupMembersAdd,
  StakeholderFilter,
  type StakeholderGroup,
  type StakeholderGroupCreate,
  type StakeholderGroupListQuery,
  type StakeholderGroupPatch,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, StakeholderGroupsTable } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { stakeholdersMatching } from '../stakeholders/stakeholder.repository.js';
import {
  addMembers,
  addMembersFromQuery,
  existingStakeholderIds,
  findGroupById,
  groupsOfStakeholder,
  insertGroup,
  listGroups,
  membershipsOf,
  removeMember,
  updateGroup,
} from './group.repository.js';

export function createGroupService(db: Kysely<DB>) {
  async function load(trx: Kysely<DB>, id: string): Promise<StakeholderGroup> {
    const group = await findGroupById(trx, id);
    if (!group) throw new AppError('not_found', `No stakeholder group with id ${id}`);
    return group;
  }

  async function loadWritable(trx: Kysely<DB>, id: string): Promise<StakeholderGroup> {
    const group = await load(trx, id);
    if (group.archivedAt !== null)
      throw new AppError('rule_broken', 'An archived group is read-only; restore it first');
    return group;
  }

  async function change(
    actor: Actor,
    id: string,
    version: number,
    action: 'update' | 'archive' | 'restore',
    changes: (current: StakeholderGroup, at: string) => Partial<StakeholderGroupsTable>,
  ): Promise<StakeholderGroup> {
    return db.transaction().execute(async (trx) => {
      const current = await load(trx, id);
      if (current.version !== version) throw staleVersion(current);
      if (action === 'update' && current.archivedAt !== null) {
        throw new AppError('rule_broken', 'An archived group is read-only; restore it first');
      }
      // Archiving what is archived, or restoring what is active, changes nothing and writes nothing.
      if ((action === 'archive') === (current.archivedAt !== null) && action !== 'update') return current;
      const at = now();
      if (!(await updateGroup(trx, id, version, { ...changes(current, at), updated_at: at }))) {
        throw staleVersion(await load(trx, id));
      }
      const saved = await load(trx, id);
      await recordAudit(trx, {
        actorId: actor.id,
        action,
        entity: 'stakeholder_group',
        entityId: id,
        before: current,
        after: saved,
      });
      return saved;
    });
  }

  return {
    async list(actor: Actor | null, query: StakeholderGroupListQuery) {
      requirePermission(actor, 'stakeholders.read');
      return listGroups(db, query);
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'stakeholders.read');
      return load(db, id);
    },

    async memberships(actor: Actor | null, stakeholderIds: string[]) {
      requirePermission(actor, 'stakeholders.read');
      return { data: await membershipsOf(db, stakeholderIds) };
    },

    async ofStakeholder(actor: Actor | null, stakeholderId: string) {
      requirePermission(actor, 'stakeholders.read');
      if ((await existingStakeholderIds(db, [stakeholderId])).size === 0) {
        throw new AppError('not_found', `No stakeholder with id ${stakeholderId}`);
      }
      return groupsOfStakeholder(db, stakeholderId);
    },

    async create(actor: Actor | null, input: StakeholderGroupCreate): Promise<StakeholderGroup> {
      const signedIn = requirePermission(actor, 'groups.write');
      const at = now();
      const row: StakeholderGroupsTable = {
        id: newId(),
        name: input.name,
        sort_name: input.name.toLowerCase(),
        description: input.description,
        key_group: input.keyGroup ? 1 : 0,
        reassess_days: input.reassessDays,
        archived_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      return db.transaction().execute(async (trx) => {
        await insertGroup(trx, row);
        const group = await load(trx, row.id);
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: 'stakeholder_group',
          entityId: row.id,
          before: null,
          after: group,
        });
        return group;
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: StakeholderGroupPatch) {
      const signedIn = requirePermission(actor, 'groups.write');
      return change(signedIn, id, version, 'update', () => ({
        ...(patch.name !== undefined && { name: patch.name, sort_name: patch.name.toLowerCase() }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.keyGroup !== undefined && { key_group: patch.keyGroup ? 1 : 0 }),
        ...(patch.reassessDays !== undefined && { reassess_days: patch.reassessDays }),
      }));
    },

    async archive(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'groups.write');
      return change(signedIn, id, version, 'archive', (current, at) => ({
        archived_at: current.archivedAt ?? at,
      }));
    },

    async restore(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'groups.write');
      return change(signedIn, id, version, 'restore', () => ({ archived_at: null }));
    },

    /** Adds named stakeholders, or every stakeholder a list filter finds; members already in stay as they are. */
    async addMembers(actor: Actor | null, id: string, input: GroupMembersAdd): Promise<{ added: number }> {
      const signedIn = requirePermission(actor, 'groups.write');
      let filter: StakeholderFilter | undefined;
      if ('filter' in input) {
        const parsed = StakeholderFilter.safeParse(input.filter);
        if (!parsed.success) {
          throw fieldErrors(
            'bad_request',
            parsed.error.issues.map((issue) => ({
              path: ['filter', ...issue.path].join('.'),
              message: issue.message,
            })),
          );
        }
        filter = parsed.data;
      }
      return db.transaction().execute(async (trx) => {
        await loadWritable(trx, id);
        const at = now();
        let added: number;
        if (filter) {
          added = await addMembersFromQuery(trx, id, await stakeholdersMatching(trx, filter), at);
        } else {
          const ids = [...new Set((input as { stakeholderIds: string[] }).stakeholderIds)];
          const found = await existingStakeholderIds(trx, ids);
          const missing = ids.flatMap((stakeholderId, index) =>
            found.has(stakeholderId)
              ? []
              : [{ path: `stakeholderIds.${index}`, message: 'no stakeholder with this id' }],
          );
          if (missing.length > 0) throw fieldErrors('rule_broken', missing);
          added = await addMembers(trx, id, ids, at);
        }
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'update',
          entity: 'stakeholder_group',
          entityId: id,
          before: null,
          after: {
            membersAdded: added,
            ...(filter
              ? { filter: input }
              : { stakeholderIds: (input as { stakeholderIds: string[] }).stakeholderIds }),
          },
        });
        return { added };
      });
    },

    async removeMember(actor: Actor | null, id: string, stakeholderId: string): Promise<void> {
      const signedIn = requirePermission(actor, 'groups.write');
      await db.transaction().execute(async (trx) => {
        await loadWritable(trx, id);
        if (!(await removeMember(trx, id, stakeholderId))) {
          throw new AppError('not_found', `Stakeholder ${stakeholderId} is not a member of this group`);
        }
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'update',
          entity: 'stakeholder_group',
          entityId: id,
          before: { member: stakeholderId },
          after: null,
        });
      });
    },
  };
}

export type GroupService = ReturnType<typeof createGroupService>;
