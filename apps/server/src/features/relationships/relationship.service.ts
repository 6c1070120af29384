import type {
  Board,
  BoardQuery,
  Journey,
  JourneyMove,
  ModelContent,
  Relationship,
  RelationshipCreate,
  RelationshipEnd,
  RelationshipListQuery,
  RelationshipPatch,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, RelationshipsTable } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { auditRevision, revisionCache } from '../../shared/revision-cache.js';
import { now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { requireAssignmentAllowed } from '../access/access.js';
import { findDocument, findVersion } from '../agreement/agreement.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { planEndReview } from '../reviews/review.triggers.js';
import { boardColumns, boardModel, cardsOf } from './board.repository.js';
import { refreshContact } from './contact.js';
import { healthHistory, journeyColumns, storeHealth } from './health.js';
import { setPositions, syncPositions } from './positions.repository.js';
import {
  activeStakeholder,
  findRelationship,
  insertMove,
  insertRelationship,
  listChecklist,
  listMoves,
  listRelationships,
  modelsForStakeholder,
  setChecklistItem,
} from './relationship.repository.js';
import { relationshipErrors, stepErrors } from './relationship.rules.js';

const MODELS = { head: 'relationship_models', versions: 'relationship_model_versions' } as const;
const CACHED_BOARDS = 50;
const BOARD_MAX_AGE_MS = 10_000;
const today = () => now().slice(0, 10);
/** The latest date anywhere on Earth: a user east of UTC may already live in tomorrow's date. */
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** A move on the journey: the indexed positions, the history entry, and the contact cadence of the new steps. */
async function recordMove(trx: Kysely<DB>, move: Omit<JourneyMove, 'id'>) {
  await setPositions(trx, move.relationshipId, move.toSteps, move.at);
  await insertMove(trx, move);
  await refreshContact(trx, [move.relationshipId]);
}

/** The journey a relationship copies from the version of its model in force. */
async function journeyOfModel(
  db: Kysely<DB>,
  modelId: string,
): Promise<{ journey: Journey; version: number }> {
  const model = await findDocument(db, MODELS, modelId);
  const inForce = model?.head.archived_at === null ? model.head.agreed_version : null;
  if (!model || inForce === null) {
    throw fieldErrors('rule_broken', [
      { path: 'modelId', message: 'no relationship model in force with this id' },
    ]);
  }
  const version = await findVersion(db, MODELS, modelId, inForce);
  const content = fromJson<ModelContent>(version?.content ?? null) as ModelContent;
  const { steps, contactEveryDays, contactEveryDaysByQuadrant, reviewEveryDays, healthWeights } = content;
  return {
    journey: { steps, contactEveryDays, contactEveryDaysByQuadrant, reviewEveryDays, healthWeights },
    version: inForce,
  };
}

function requireOpen(relationship: Relationship) {
  if (relationship.status === 'ended') {
    throw new AppError('rule_broken', 'This relationship has ended; its record is kept as it was');
  }
}

export function createRelationshipService(db: Kysely<DB>) {
  const records = versionedRecords<Relationship, RelationshipsTable>(db, {
    table: 'relationships',
    entity: 'relationship',
    label: 'relationship',
    find: findRelationship,
    insert: insertRelationship,
  });

  /** The journey board of one model: its steps in force as columns, each with its count and first cards. */
  async function computeBoard(query: BoardQuery): Promise<Board> {
    const model = await boardModel(db, query.modelId);
    if (!model) throw new AppError('not_found', `No relationship model with id ${query.modelId}`);
    const { modelVersion, steps } = model;
    const shown =
      query.step === undefined
        ? steps.map(({ key, name }) => ({ key, name }))
        : [{ key: query.step, name: steps.find((step) => step.key === query.step)?.name ?? query.step }];
    const { counts, pages } = await boardColumns(
      db,
      query,
      shown.map((column) => column.key),
      query.step === undefined ? undefined : query.cursor,
    );
    const columns = shown.map(({ key, name }) => ({
      key,
      name,
      count: counts.get(key) ?? 0,
      ...(pages.get(key) ?? { ids: [], nextCursor: null }),
    }));
    const cards = await cardsOf(
      db,
      columns.flatMap((column) => column.ids),
    );
    const modelKeys = new Set(steps.map((step) => step.key));
    return {
      modelId: query.modelId,
      modelVersion,
      columns: columns.map(({ ids, ...column }) => ({
        ...column,
        cards: ids.flatMap((id) => cards.get(id) ?? []),
      })),
      elsewhere: [...counts].reduce((sum, [key, n]) => (modelKeys.has(key) ? sum : sum + n), 0),
    };
  }

  // A board is read far more often than anything on it changes (everyone on a team opens the same one), and
  // reading it costs more than checking whether anything changed. The age limit is the backstop for what the
  // revision cannot see (instances whose clocks differ).
  const boards = revisionCache<Board>({ size: CACHED_BOARDS, maxAgeMs: BOARD_MAX_AGE_MS });

  return {
    async list(actor: Actor | null, query: RelationshipListQuery) {
      requirePermission(actor, 'relationships.read');
      return listRelationships(db, query, today());
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'relationships.read');
      return records.load(db, id);
    },

    /**
     * The board, kept per query while nothing changed: the audit log, which every change writes in its
     * transaction, and the day (health and overdue contacts depend on the date) are its revision.
     */
    async board(actor: Actor | null, query: BoardQuery): Promise<Board> {
      requirePermission(actor, 'relationships.read');
      // Read before computing: a change committed meanwhile makes the next request's revision differ.
      const revision = `${await auditRevision(db)}|${new Date().toISOString().slice(0, 10)}`;
      return boards.get(JSON.stringify(query), revision, () => computeBoard(query));
    },

    /** Guide §3.2.2, activity 1: the models in force for the stakeholder's groups, to propose on opening. */
    async proposedModels(actor: Actor | null, stakeholderId: string) {
      requirePermission(actor, 'relationships.read');
      if (!(await activeStakeholder(db, stakeholderId))) {
        throw new AppError('not_found', `No active stakeholder with id ${stakeholderId}`);
      }
      return modelsForStakeholder(db, stakeholderId);
    },

    async create(actor: Actor | null, input: RelationshipCreate) {
      const signedIn = requirePermission(actor, 'relationships.write');
      // Naming the people of a new relationship is assigning it, oneself included.
      requireAssignmentAllowed(signedIn, null, input);
      const at = now();
      const id = newId();
      const startedOn = input.startedOn ?? today();
      return records.create(signedIn, async (trx) => {
        const errors = await relationshipErrors(trx, { ...input, startedOn }, () => true);
        let journey: Journey | null = null;
        let modelVersion: number | null = null;
        if (input.modelId !== null) {
          try {
            ({ journey, version: modelVersion } = await journeyOfModel(trx, input.modelId));
          } catch (error) {
            if (!(error instanceof AppError) || !error.errors) throw error;
            errors.push(...error.errors);
          }
        }
        const steps = input.currentSteps ?? (journey ? [journey.steps[0]?.key as string] : []);
        if (input.modelId === null || journey !== null)
          errors.push(...stepErrors(journey, steps, 'currentSteps'));
        if (journey !== null && steps.length === 0)
          errors.push({
            path: 'currentSteps',
            message: 'a relationship on a journey is in at least one step',
          });
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        const stakeholder = await activeStakeholder(trx, input.stakeholderId);
        const name = input.name ?? (stakeholder?.name as string);
        return {
          id,
          name,
          sort_name: name.toLowerCase(),
          stakeholder_id: input.stakeholderId,
          from_stakeholder_id: input.fromStakeholderId,
          org_unit_id: input.orgUnitId,
          service: input.service ? 1 : 0,
          our_role: input.ourRole,
          characteristics: toJson(input.characteristics),
          manager_id: input.managerId,
          agent_id: input.agentId,
          maturity: input.maturity,
          status: 'active',
          started_on: startedOn,
          ended_on: null,
          end_reason: null,
          end_note: '',
          model_id: input.modelId,
          model_version: modelVersion,
          ...journeyColumns(journey),
          current_steps: toJson(steps),
          next_review_on: input.nextReviewOn,
          created_by: signedIn.id,
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
          last_contact_at: null,
          contact_every_days: null,
          next_contact_on: null,
          health_override: null,
          health_override_comment: null,
          health_override_by: null,
          health_override_at: null,
          // Scored when inserted (refreshContact) or, for seeded rows, by the background fill.
          health_score: null,
          health_scored_on: null,
        };
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: RelationshipPatch) {
      const signedIn = requirePermission(actor, 'relationships.write');
      if (patch.journey !== undefined) requirePermission(signedIn, 'relationships.tailor');
      if (patch.healthOverride !== undefined) requirePermission(signedIn, 'relationships.health');
      const { version: _version, journey, healthOverride, ...fields } = patch;
      return records.update(
        signedIn,
        id,
        version,
        async (current, trx) => {
          // Before any other rule: an assignment nobody may make is refused as such, whatever else is wrong.
          requireAssignmentAllowed(signedIn, current, patch);
          requireOpen(current);
          const defined = Object.fromEntries(
            Object.entries(fields).filter(([, value]) => value !== undefined),
          );
          const next = { ...current, ...defined } as Relationship;
          const errors = await relationshipErrors(
            trx,
            next,
            (field) =>
              (next as Record<string, unknown>)[field] !== (current as Record<string, unknown>)[field],
          );
          if (journey !== undefined) {
            // A tailored journey must still hold the steps the relationship is in.
            errors.push(
              ...stepErrors(journey, current.currentSteps, 'journey.steps').map((error) => ({
                path: 'journey.steps',
                message: `${error.message}: the relationship is in it now; move it first`,
              })),
            );
          }
          if (errors.length > 0) throw fieldErrors('rule_broken', errors);
          return {
            ...(patch.name !== undefined && { name: patch.name, sort_name: patch.name.toLowerCase() }),
            ...(patch.service !== undefined && { service: patch.service ? 1 : 0 }),
            ...(patch.ourRole !== undefined && { our_role: patch.ourRole }),
            ...(patch.characteristics !== undefined && { characteristics: toJson(patch.characteristics) }),
            ...(patch.managerId !== undefined && { manager_id: patch.managerId }),
            ...(patch.agentId !== undefined && { agent_id: patch.agentId }),
            ...(patch.maturity !== undefined && { maturity: patch.maturity }),
            ...(patch.status !== undefined && { status: patch.status }),
            ...(patch.startedOn !== undefined && { started_on: patch.startedOn }),
            ...(patch.nextReviewOn !== undefined && { next_review_on: patch.nextReviewOn }),
            ...(journey !== undefined && journeyColumns(journey)),
            ...(healthOverride !== undefined && {
              health_override: healthOverride?.score ?? null,
              health_override_comment: healthOverride?.comment ?? null,
              health_override_by: healthOverride ? signedIn.id : null,
              health_override_at: healthOverride ? now() : null,
            }),
          };
        },
        (trx) => refreshContact(trx, [id]),
      );
    },

    /** Moves the relationship to the step or steps it is in now (steps may run in parallel). */
    async move(actor: Actor | null, id: string, version: number, steps: string[], note: string) {
      const signedIn = requirePermission(actor, 'relationships.write');
      let from: string[] = [];
      return records.update(
        signedIn,
        id,
        version,
        (current) => {
          requireOpen(current);
          const errors = stepErrors(current.journey, steps, 'steps');
          if (errors.length > 0) throw fieldErrors('rule_broken', errors);
          from = current.currentSteps;
          return { current_steps: toJson(steps) };
        },
        // After the version-checked write: a second mover has failed by then, before touching the positions.
        (trx, at) =>
          recordMove(trx, {
            relationshipId: id,
            fromSteps: from,
            toSteps: steps,
            note,
            actorId: signedIn.id,
            at,
          }),
      );
    },

    async healthHistory(actor: Actor | null, id: string) {
      requirePermission(actor, 'relationships.read');
      await records.load(db, id);
      const since = new Date(Date.now() - 180 * 86_400_000).toISOString().slice(0, 10);
      return { data: await healthHistory(db, id, since), nextCursor: null };
    },

    async moves(actor: Actor | null, id: string) {
      requirePermission(actor, 'relationships.read');
      await records.load(db, id);
      return { data: await listMoves(db, id), nextCursor: null };
    },

    async checklist(actor: Actor | null, id: string) {
      requirePermission(actor, 'relationships.read');
      await records.load(db, id);
      return { data: await listChecklist(db, id), nextCursor: null };
    },

    /** Ticks or unticks an activity of the journey; also after the end, for the offboarding checklist. */
    async setChecklistItem(
      actor: Actor | null,
      id: string,
      stepKey: string,
      activityKey: string,
      done: boolean,
    ) {
      const signedIn = requirePermission(actor, 'relationships.write');
      return db.transaction().execute(async (trx) => {
        const relationship = await records.load(trx, id);
        if (relationship.archivedAt !== null) {
          throw new AppError('rule_broken', 'An archived relationship is read-only; restore it first');
        }
        const step = relationship.journey?.steps.find((candidate) => candidate.key === stepKey);
        if (!step?.activities.some((activity) => activity.key === activityKey)) {
          throw new AppError(
            'not_found',
            `No activity "${activityKey}" in step "${stepKey}" of this journey`,
          );
        }
        const at = now();
        const changed = await setChecklistItem(
          trx,
          { relationshipId: id, stepKey, activityKey, doneBy: signedIn.id, at },
          done,
        );
        if (changed) {
          await recordAudit(trx, {
            actorId: signedIn.id,
            action: 'update',
            entity: 'relationship_checklist',
            entityId: id,
            before: done ? null : { stepKey, activityKey },
            after: done ? { stepKey, activityKey } : null,
          });
        }
        return { data: await listChecklist(trx, id), nextCursor: null };
      });
    },

    /** Withdraw or disconnect: the relationship moves to its withdraw step, whose activities are the offboarding. */
    async end(actor: Actor | null, id: string, version: number, input: RelationshipEnd) {
      const signedIn = requirePermission(actor, 'relationships.end');
      const endedOn = input.endedOn ?? today();
      let move: Omit<JourneyMove, 'id' | 'at'> | null = null;
      return records.update(
        signedIn,
        id,
        version,
        (current) => {
          requireOpen(current);
          const errors = [];
          if (endedOn < current.startedOn)
            errors.push({ path: 'endedOn', message: 'a relationship ends after it started' });
          if (endedOn > tomorrow()) errors.push({ path: 'endedOn', message: 'it cannot have ended yet' });
          if (errors.length > 0) throw fieldErrors('rule_broken', errors);
          const withdraw = current.journey?.steps.find((step) => step.key === 'withdraw');
          const steps = withdraw ? [withdraw.key] : current.currentSteps;
          if (withdraw) {
            move = {
              relationshipId: id,
              fromSteps: current.currentSteps,
              toSteps: steps,
              note: input.endNote,
              actorId: signedIn.id,
            };
          }
          return {
            status: 'ended',
            ended_on: endedOn,
            end_reason: input.endReason,
            end_note: input.endNote,
            current_steps: toJson(steps),
          };
        },
        async (trx, at) => {
          if (move) await recordMove(trx, { ...move, at });
          else await refreshContact(trx, [id]);
          // The end of a relationship triggers its review (guide §3.2.2), planned in the same transaction.
          const ended = await records.load(trx, id);
          await planEndReview(trx, signedIn.id, ended, endedOn, at);
        },
      );
    },

    async archive(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'relationships.write');
      // Off the board while archived; back on it when restored. Its stored score is kept current either way (the
      // daily rescoring passes archived relationships by, so a restored one would otherwise come back stale).
      return records.archive(signedIn, id, version, async (trx, at) => {
        await syncPositions(trx, [id]);
        await storeHealth(trx, [id], at.slice(0, 10));
      });
    },

    async restore(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'relationships.write');
      return records.restore(signedIn, id, version, async (trx, at) => {
        await syncPositions(trx, [id]);
        await storeHealth(trx, [id], at.slice(0, 10));
      });
    },
  };
}

export type RelationshipService = ReturnType<typeof createRelationshipService>;
