import {
  canReadInteraction,
  type FieldError,
  type FollowUp,
  type FollowUpListQuery,
  type FollowUpPatch,
  type Interaction,
  type InteractionCreate,
  type InteractionListQuery,
  type InteractionPatch,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, InteractionsTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { fromJsonList, toJson } from '../../shared/json.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { interactionFacts, requireFollowUpEditor, requireInteractionEditor } from '../access/access.js';
import { assignmentOf, assignmentsOf } from '../access/access.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { refreshContact } from '../relationships/contact.js';
import {
  activeStakeholder,
  activeStakeholderIds,
  findRelationship,
} from '../relationships/relationship.repository.js';
import { activeUserIds } from '../users/user.repository.js';
import {
  findFollowUp,
  findInteractionRow,
  followUpsOf,
  insertFollowUps,
  insertInteraction,
  listFollowUps,
  listInteractionRows,
  syncTimeline,
} from './interaction.repository.js';

function present(row: InteractionsTable, followUps: FollowUp[], readable: boolean): Interaction {
  return {
    id: row.id,
    relationshipId: row.relationship_id,
    stakeholderId: row.stakeholder_id,
    kind: row.kind as Interaction['kind'],
    occurredAt: row.occurred_at,
    confidential: row.confidential === 1,
    redacted: !readable,
    summary: readable ? row.summary : '',
    sentiment: readable ? row.sentiment : null,
    participantUserIds: readable ? fromJsonList(row.participant_user_ids) : [],
    participantStakeholderIds: readable ? fromJsonList(row.participant_stakeholder_ids) : [],
    followUps: readable ? followUps : [],
    authorId: row.author_id,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** As `actor` may see them; with `actor` null, whole (for the audit log, which keeps everything). */
async function presentAll(
  db: Kysely<DB>,
  rows: InteractionsTable[],
  actor: Actor | null,
): Promise<Interaction[]> {
  const assignments = await assignmentsOf(
    db,
    rows.map((row) => row.relationship_id),
  );
  const followUps = await followUpsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    present(
      row,
      followUps.get(row.id) ?? [],
      actor === null ||
        canReadInteraction(
          actor,
          interactionFacts(row),
          (row.relationship_id && assignments.get(row.relationship_id)) || null,
        ),
    ),
  );
}

/** Every user and stakeholder named must be active: two queries, however many are named. */
async function peopleErrors(
  db: Kysely<DB>,
  input: {
    participantUserIds?: string[];
    participantStakeholderIds?: string[];
    followUps?: { ownerId: string | null }[];
  },
): Promise<FieldError[]> {
  const userIds = input.participantUserIds ?? [];
  const owners = (input.followUps ?? []).map((followUp) => followUp.ownerId);
  const stakeholderIds = input.participantStakeholderIds ?? [];
  const users = await activeUserIds(db, [...userIds, ...owners.flatMap((id) => id ?? [])]);
  const stakeholders = await activeStakeholderIds(db, stakeholderIds);
  const missing = (ids: (string | null)[], found: Set<string>, path: string, what: string) =>
    ids.flatMap((id, index) =>
      id === null || found.has(id)
        ? []
        : [{ path: path.replace('#', String(index)), message: `no active ${what} with this id` }],
    );
  return [
    ...missing(userIds, users, 'participantUserIds.#', 'user'),
    ...missing(stakeholderIds, stakeholders, 'participantStakeholderIds.#', 'stakeholder'),
    ...missing(owners, users, 'followUps.#.ownerId', 'user'),
  ];
}

/** An interaction has happened: up to a day ahead of the server's clock is allowed for clocks that differ. */
const inFuture = (occurredAt: string) => Date.parse(occurredAt) > Date.now() + 86_400_000;

export function createInteractionService(db: Kysely<DB>) {
  async function load(trx: Kysely<DB>, id: string) {
    const row = await findInteractionRow(trx, id);
    if (!row) throw new AppError('not_found', `No interaction with id ${id}`);
    return row;
  }

  const service = {
    async list(actor: Actor | null, query: InteractionListQuery) {
      const signedIn = requirePermission(actor, 'relationships.read');
      const page = await listInteractionRows(db, query, signedIn);
      return { ...page, data: await presentAll(db, page.data, signedIn) };
    },

    async get(actor: Actor | null, id: string) {
      const signedIn = requirePermission(actor, 'relationships.read');
      const [interaction] = await presentAll(db, [await load(db, id)], signedIn);
      return interaction as Interaction;
    },

    async create(actor: Actor | null, input: InteractionCreate) {
      const signedIn = requirePermission(actor, 'interactions.write');
      return db.transaction().execute(async (trx) => {
        const errors: FieldError[] = [];
        let stakeholderId = input.stakeholderId;
        if (input.relationshipId !== null) {
          const relationship = await findRelationship(trx, input.relationshipId);
          if (!relationship || relationship.archivedAt !== null) {
            errors.push({ path: 'relationshipId', message: 'no active relationship with this id' });
          } else {
            stakeholderId ??= relationship.stakeholderId;
            const parties = [relationship.stakeholderId, relationship.fromStakeholderId];
            if (!parties.includes(stakeholderId))
              errors.push({ path: 'stakeholderId', message: 'not a party of this relationship' });
          }
        }
        if (stakeholderId === undefined) {
          if (input.relationshipId === null)
            errors.push({ path: 'stakeholderId', message: 'name the stakeholder or the relationship' });
        } else if (!(await activeStakeholder(trx, stakeholderId))) {
          errors.push({ path: 'stakeholderId', message: 'no active stakeholder with this id' });
        }
        if (inFuture(input.occurredAt))
          errors.push({ path: 'occurredAt', message: 'it cannot have happened yet' });
        errors.push(...(await peopleErrors(trx, input)));
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);

        const at = now();
        const row: InteractionsTable = {
          id: newId(),
          relationship_id: input.relationshipId,
          stakeholder_id: stakeholderId as string,
          kind: input.kind,
          occurred_at: new Date(input.occurredAt).toISOString(),
          confidential: input.confidential ? 1 : 0,
          summary: input.summary,
          sentiment: input.sentiment,
          participant_user_ids: toJson([...new Set(input.participantUserIds)]),
          participant_stakeholder_ids: toJson([...new Set(input.participantStakeholderIds)]),
          author_id: signedIn.id,
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
        await insertInteraction(trx, row);
        await insertFollowUps(
          trx,
          input.followUps.map((followUp) => ({
            id: newId(),
            interaction_id: row.id,
            relationship_id: row.relationship_id,
            text: followUp.text,
            owner_id: followUp.ownerId,
            due_on: followUp.dueOn,
            done_at: null,
            done_by: null,
            version: 1,
            created_at: at,
            updated_at: at,
          })),
        );
        if (row.relationship_id) await refreshContact(trx, [row.relationship_id]);
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: 'interaction',
          entityId: row.id,
          before: null,
          after: (await presentAll(trx, [row], null))[0],
        });
        const [created] = await presentAll(trx, [row], signedIn);
        return created as Interaction;
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: InteractionPatch) {
      const signedIn = requirePermission(actor, 'interactions.write');
      return service.change(signedIn, id, version, 'update', async (current, trx) => {
        if (current.archived_at !== null)
          throw new AppError('rule_broken', 'An archived interaction is read-only');
        const errors = await peopleErrors(trx, patch);
        if (patch.occurredAt !== undefined && inFuture(patch.occurredAt))
          errors.push({ path: 'occurredAt', message: 'it cannot have happened yet' });
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        return {
          ...(patch.kind !== undefined && { kind: patch.kind }),
          ...(patch.occurredAt !== undefined && { occurred_at: new Date(patch.occurredAt).toISOString() }),
          ...(patch.confidential !== undefined && { confidential: patch.confidential ? 1 : 0 }),
          ...(patch.summary !== undefined && { summary: patch.summary }),
          ...(patch.sentiment !== undefined && { sentiment: patch.sentiment }),
          ...(patch.participantUserIds !== undefined && {
            participant_user_ids: toJson([...new Set(patch.participantUserIds)]),
          }),
          ...(patch.participantStakeholderIds !== undefined && {
            participant_stakeholder_ids: toJson([...new Set(patch.participantStakeholderIds)]),
          }),
        };
      });
    },

    archive(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'interactions.write');
      return service.change(signedIn, id, version, 'archive', (current, _trx, at) => ({
        archived_at: current.archived_at ?? at,
      }));
    },

    restore(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'interactions.write');
      return service.change(signedIn, id, version, 'restore', () => ({ archived_at: null }));
    },

    /** A versioned change of an interaction by its author (or a manager), with its audit entry. */
    async change(
      actor: Actor,
      id: string,
      version: number,
      action: 'update' | 'archive' | 'restore',
      changes: (
        current: InteractionsTable,
        trx: Kysely<DB>,
        at: string,
      ) => Partial<InteractionsTable> | Promise<Partial<InteractionsTable>>,
    ): Promise<Interaction> {
      return db.transaction().execute(async (trx) => {
        const current = await load(trx, id);
        requireInteractionEditor(
          actor,
          interactionFacts(current),
          await assignmentOf(trx, current.relationship_id),
        );
        const [before] = await presentAll(trx, [current], null);
        if (current.version !== version) throw staleVersion((await presentAll(trx, [current], actor))[0]);
        const at = now();
        if (
          !(await updateVersioned(trx, 'interactions', id, version, {
            ...(await changes(current, trx, at)),
            updated_at: at,
          }))
        ) {
          throw staleVersion((await presentAll(trx, [await load(trx, id)], actor))[0]);
        }
        const saved = await load(trx, id);
        await syncTimeline(trx, saved);
        if (saved.relationship_id) await refreshContact(trx, [saved.relationship_id]);
        const [after] = await presentAll(trx, [saved], actor);
        await recordAudit(trx, {
          actorId: actor.id,
          action,
          entity: 'interaction',
          entityId: id,
          before,
          after,
        });
        return after as Interaction;
      });
    },

    async followUps(actor: Actor | null, query: FollowUpListQuery) {
      const signedIn = requirePermission(actor, 'relationships.read');
      const ownerId = query.ownerId === 'me' ? signedIn.id : query.ownerId;
      return listFollowUps(db, query, ownerId, signedIn);
    },

    async updateFollowUp(actor: Actor | null, id: string, version: number, patch: FollowUpPatch) {
      const signedIn = requirePermission(actor, 'interactions.write');
      return db.transaction().execute(async (trx) => {
        const current = await findFollowUp(trx, id);
        if (!current) throw new AppError('not_found', `No follow-up with id ${id}`);
        const interaction = await load(trx, current.interactionId);
        requireFollowUpEditor(
          signedIn,
          current,
          interactionFacts(interaction),
          await assignmentOf(trx, interaction.relationship_id),
        );
        if (current.version !== version) throw staleVersion(current);
        const ownerChanged = patch.ownerId && patch.ownerId !== current.ownerId;
        if (
          ownerChanged &&
          !(await activeUserIds(trx, [patch.ownerId as string])).has(patch.ownerId as string)
        ) {
          throw fieldErrors('rule_broken', [{ path: 'ownerId', message: 'no active user with this id' }]);
        }
        const at = now();
        const doneChanged = patch.done !== undefined && patch.done !== (current.doneAt !== null);
        const changed = await updateVersioned(trx, 'follow_ups', id, version, {
          ...(patch.text !== undefined && { text: patch.text }),
          ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
          ...(patch.dueOn !== undefined && { due_on: patch.dueOn }),
          ...(doneChanged && { done_at: patch.done ? at : null, done_by: patch.done ? signedIn.id : null }),
          updated_at: at,
        });
        if (!changed) throw staleVersion(await findFollowUp(trx, id));
        const saved = (await findFollowUp(trx, id)) as FollowUp;
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'update',
          entity: 'follow_up',
          entityId: id,
          before: current,
          after: saved,
        });
        return saved;
      });
    },
  };
  return service;
}

export type InteractionService = ReturnType<typeof createInteractionService>;
