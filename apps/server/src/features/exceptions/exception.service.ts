import {
  canHandleException,
  canSeeHiddenReporter,
  type Exception,
  type ExceptionCreate,
  type ExceptionListQuery,
  type ExceptionModelProposalCreate,
  type ExceptionPatch,
  type ExceptionStatus,
  type ExceptionTransitionCreate,
  exceptionTransitions,
  type FieldError,
  type ModelContent,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, ExceptionsTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { type AuditInput, recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { createModelService } from '../models/model.service.js';
import { recordHealth } from '../relationships/health.js';
import { activeStakeholderIds } from '../relationships/relationship.repository.js';
import { activeUserIds } from '../users/user.repository.js';
import {
  contextOf,
  type ExceptionContext,
  exceptionRowsOfRelationship,
  findExceptionRow,
  insertException,
  insertTransition,
  listExceptionRows,
  listTransitions,
  severityRank,
  syncStakeholders,
  toException,
} from './exception.repository.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Up to a day ahead of the server's clock, for a user east of UTC. */
const inFuture = (day: string) => Date.parse(`${day}T00:00:00Z`) > Date.now() + 86_400_000;

/** The rule about records `canHandleException`, with the relationship's manager from the page's context. */
function mayHandle(actor: Actor, row: ExceptionsTable, context: ExceptionContext): boolean {
  const relationship = row.relationship_id ? context.relationships.get(row.relationship_id) : undefined;
  return canHandleException(
    actor,
    { ownerId: row.owner_id },
    relationship ? { managerId: relationship.managerId, agentId: null } : null,
  );
}

/** As `actor` may see it; with `actor` null, whole (for the audit log, which keeps everything). */
function present(row: ExceptionsTable, context: ExceptionContext, actor: Actor | null): Exception {
  const open = row.archived_at === null ? [...exceptionTransitions[row.status as ExceptionStatus]] : [];
  return toException(row, context, {
    showReporter: actor === null || canSeeHiddenReporter(actor),
    allowed: actor === null || mayHandle(actor, row, context) ? open : [],
  });
}

/** A model update may be proposed as this change: the note goes into the draft's text and its change note. */
const proposalText = (row: ExceptionsTable, note: string) => ({
  paragraph: `Proposed after the exception "${row.title}" (/exceptions/${row.id}): ${note}`,
  changeNote: `From exception "${row.title}" (/exceptions/${row.id}): ${note}`.slice(0, 2000),
});

interface Checked {
  type: string;
  toxicBehaviour: string | null;
  stakeholderIds?: string[];
  ownerId?: string | null;
  occurredOn?: string | null;
}

/** The rules beyond the schema, every broken one named at once. */
async function ruleErrors(trx: Kysely<DB>, input: Checked): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.type === 'toxic_behaviour' && input.toxicBehaviour === null) {
    errors.push({
      path: 'toxicBehaviour',
      message: 'name the behaviour: criticism, defensiveness, contempt or stonewalling',
    });
  }
  if (input.type !== 'toxic_behaviour' && input.toxicBehaviour !== null) {
    errors.push({ path: 'toxicBehaviour', message: 'only an exception of type toxic_behaviour names one' });
  }
  const stakeholderIds = input.stakeholderIds ?? [];
  const found = await activeStakeholderIds(trx, stakeholderIds);
  stakeholderIds.forEach((id, index) => {
    if (!found.has(id))
      errors.push({ path: `stakeholderIds.${index}`, message: 'no active stakeholder with this id' });
  });
  if (input.ownerId && !(await activeUserIds(trx, [input.ownerId])).has(input.ownerId)) {
    errors.push({ path: 'ownerId', message: 'no active user with this id' });
  }
  if (input.occurredOn && inFuture(input.occurredOn)) {
    errors.push({ path: 'occurredOn', message: 'it cannot have happened yet' });
  }
  return errors;
}

export function createExceptionService(db: Kysely<DB>) {
  async function load(trx: Kysely<DB>, id: string) {
    const row = await findExceptionRow(trx, id);
    if (!row) throw new AppError('not_found', `No exception with id ${id}`);
    return row;
  }

  async function presentOne(trx: Kysely<DB>, row: ExceptionsTable, actor: Actor | null) {
    return present(row, await contextOf(trx, [row]), actor);
  }

  /** The audit entry; the reporter of a hidden report is not named as the actor of its creation. */
  async function audit(trx: Kysely<DB>, entry: Omit<AuditInput, 'entity'>) {
    await recordAudit(trx, { ...entry, entity: 'exception' });
  }

  /**
   * One versioned change of an exception by someone who may handle it: load, check, write, history, health
   * and audit, in one transaction.
   */
  async function change(
    actor: Actor,
    id: string,
    version: number,
    decide: (
      current: ExceptionsTable,
      trx: Kysely<DB>,
      at: string,
    ) => Promise<{ set: Partial<ExceptionsTable>; after?: (trx: Kysely<DB>) => Promise<void> }>,
    options: { action?: 'update' | 'archive' | 'restore'; allowClosed?: boolean } = {},
  ): Promise<Exception> {
    return db.transaction().execute(async (trx) => {
      const current = await load(trx, id);
      const context = await contextOf(trx, [current]);
      if (!mayHandle(actor, current, context)) {
        throw new AppError(
          'forbidden',
          'Only its owner, the manager of its relationship, or someone who manages exceptions may change it',
        );
      }
      if (current.version !== version) throw staleVersion(present(current, context, actor));
      const action = options.action ?? 'update';
      if (action === 'update' && current.archived_at !== null) {
        throw new AppError('rule_broken', 'An archived exception is read-only; restore it first');
      }
      if (action === 'update' && current.status === 'closed' && !options.allowClosed) {
        throw new AppError('rule_broken', 'A closed exception is read-only');
      }
      // Archiving what is archived, or restoring what is active, changes nothing and writes nothing.
      if (action !== 'update' && (action === 'archive') === (current.archived_at !== null)) {
        return present(current, context, actor);
      }
      const at = now();
      const { set, after } = await decide(current, trx, at);
      if (!(await updateVersioned(trx, 'exceptions', id, version, { ...set, updated_at: at }))) {
        throw staleVersion(await presentOne(trx, await load(trx, id), actor));
      }
      const saved = await load(trx, id);
      await after?.(trx);
      if (saved.relationship_id) await recordHealth(trx, [saved.relationship_id], today());
      await audit(trx, {
        actorId: actor.id,
        action,
        entityId: id,
        before: present(current, context, null),
        after: present(saved, context, null),
      });
      return present(saved, context, actor);
    });
  }

  const service = {
    async list(actor: Actor | null, query: ExceptionListQuery) {
      const signedIn = requirePermission(actor, 'relationships.read');
      const page = await listExceptionRows(db, query, today());
      const context = await contextOf(db, page.data);
      return { ...page, data: page.data.map((row) => present(row, context, signedIn)) };
    },

    async get(actor: Actor | null, id: string) {
      const signedIn = requirePermission(actor, 'relationships.read');
      return presentOne(db, await load(db, id), signedIn);
    },

    async transitions(actor: Actor | null, id: string) {
      requirePermission(actor, 'relationships.read');
      await load(db, id);
      return { data: await listTransitions(db, id), nextCursor: null };
    },

    /** For relationship reviews: a relationship's exceptions raised between two days, as `actor` may see them. */
    async ofRelationship(actor: Actor | null, relationshipId: string, range: { from?: string; to?: string }) {
      const signedIn = requirePermission(actor, 'relationships.read');
      const rows = await exceptionRowsOfRelationship(db, relationshipId, range);
      const context = await contextOf(db, rows);
      return rows.map((row) => present(row, context, signedIn));
    },

    async create(actor: Actor | null, input: ExceptionCreate) {
      const signedIn = requirePermission(actor, 'exceptions.report');
      return db.transaction().execute(async (trx) => {
        const errors: FieldError[] = [];
        if (input.relationshipId !== null) {
          const relationship = await trx
            .selectFrom('relationships')
            .select(['id', 'archived_at'])
            .where('id', '=', input.relationshipId)
            .executeTakeFirst();
          if (!relationship || relationship.archived_at !== null) {
            errors.push({ path: 'relationshipId', message: 'no active relationship with this id' });
          }
        } else if (input.stakeholderIds.length === 0) {
          errors.push({
            path: 'stakeholderIds',
            message: 'name the relationship, or at least one stakeholder it is between',
          });
        }
        errors.push(...(await ruleErrors(trx, input)));
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);

        const at = now();
        const row: ExceptionsTable = {
          id: newId(),
          relationship_id: input.relationshipId,
          stakeholder_ids: toJson([...new Set(input.stakeholderIds)]),
          title: input.title,
          sort_name: input.title.toLowerCase(),
          description: input.description,
          type: input.type,
          toxic_behaviour: input.toxicBehaviour,
          severity: input.severity,
          severity_rank: severityRank[input.severity],
          status: 'open',
          reported_by: signedIn.id,
          reporter_hidden: input.reporterHidden ? 1 : 0,
          owner_id: input.ownerId,
          due_on: input.dueOn,
          occurred_on: input.occurredOn,
          mediation_notes: '',
          resolution: '',
          model_id: null,
          model_version: null,
          resolved_at: null,
          closed_at: null,
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
        await insertException(trx, row);
        await syncStakeholders(trx, row);
        if (row.relationship_id) await recordHealth(trx, [row.relationship_id], today());
        const context = await contextOf(trx, [row]);
        await audit(trx, {
          // A hidden reporter is kept in the record (for administrators), not as the entry's actor.
          actorId: input.reporterHidden ? null : signedIn.id,
          action: 'create',
          entityId: row.id,
          before: null,
          after: present(row, context, null),
        });
        return present(row, context, signedIn);
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: ExceptionPatch) {
      const signedIn = requirePermission(actor, 'exceptions.report');
      return change(signedIn, id, version, async (current, trx) => {
        const type = patch.type ?? current.type;
        // Changing the type away from toxic behaviour drops the behaviour unless the patch names one.
        const toxicBehaviour =
          patch.toxicBehaviour !== undefined
            ? patch.toxicBehaviour
            : type !== 'toxic_behaviour'
              ? null
              : current.toxic_behaviour;
        const errors = await ruleErrors(trx, {
          type,
          toxicBehaviour,
          stakeholderIds: patch.stakeholderIds,
          ownerId: patch.ownerId !== current.owner_id ? patch.ownerId : undefined,
          occurredOn: patch.occurredOn,
        });
        if (
          patch.stakeholderIds !== undefined &&
          patch.stakeholderIds.length === 0 &&
          current.relationship_id === null
        ) {
          errors.push({
            path: 'stakeholderIds',
            message: 'an exception without a relationship is between at least one stakeholder',
          });
        }
        if (
          patch.resolution !== undefined &&
          patch.resolution.trim() === '' &&
          current.resolved_at !== null
        ) {
          errors.push({ path: 'resolution', message: 'a resolved exception keeps its resolution' });
        }
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        const stakeholdersChanged =
          patch.stakeholderIds !== undefined &&
          toJson([...new Set(patch.stakeholderIds)]) !== current.stakeholder_ids;
        return {
          set: {
            ...(patch.title !== undefined && { title: patch.title, sort_name: patch.title.toLowerCase() }),
            ...(patch.description !== undefined && { description: patch.description }),
            ...(stakeholdersChanged && { stakeholder_ids: toJson([...new Set(patch.stakeholderIds)]) }),
            type,
            toxic_behaviour: toxicBehaviour,
            ...(patch.severity !== undefined && {
              severity: patch.severity,
              severity_rank: severityRank[patch.severity],
            }),
            ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
            ...(patch.dueOn !== undefined && { due_on: patch.dueOn }),
            ...(patch.occurredOn !== undefined && { occurred_on: patch.occurredOn }),
            ...(patch.mediationNotes !== undefined && { mediation_notes: patch.mediationNotes }),
            ...(patch.resolution !== undefined && { resolution: patch.resolution }),
          },
          after: stakeholdersChanged
            ? (t) =>
                syncStakeholders(t, {
                  ...current,
                  stakeholder_ids: toJson([...new Set(patch.stakeholderIds)]),
                })
            : undefined,
        };
      });
    },

    /** One step of the workflow, kept as a row of its history. */
    async transition(actor: Actor | null, id: string, version: number, input: ExceptionTransitionCreate) {
      const signedIn = requirePermission(actor, 'exceptions.report');
      return change(
        signedIn,
        id,
        version,
        async (current, _trx, at) => {
          const from = current.status as ExceptionStatus;
          const allowed = exceptionTransitions[from];
          if (!allowed.includes(input.to)) {
            throw new AppError(
              'rule_broken',
              allowed.length === 0
                ? `A ${from} exception cannot move on`
                : `A ${from} exception can move to ${allowed.join(' or ')}, not to ${input.to}`,
              [
                {
                  path: 'to',
                  message: allowed.length === 0 ? 'no move is allowed' : `allowed: ${allowed.join(', ')}`,
                },
              ],
            );
          }
          const resolution = input.resolution ?? current.resolution;
          if (input.to === 'resolved' && resolution.trim() === '') {
            throw fieldErrors('rule_broken', [{ path: 'resolution', message: 'say how it was resolved' }]);
          }
          return {
            set: {
              status: input.to,
              ...(input.resolution !== undefined && { resolution: input.resolution }),
              ...(input.to === 'resolved' && { resolved_at: at }),
              ...(input.to === 'closed' && { closed_at: at }),
            },
            after: (t) =>
              insertTransition(t, {
                id: newId(),
                exception_id: id,
                from_status: from,
                to_status: input.to,
                note: input.note,
                actor_id: signedIn.id,
                at,
              }),
          };
        },
        // A closed exception answers that it cannot move on, naming no allowed step.
        { allowClosed: true },
      );
    },

    /**
     * "Propose a model update" (SPEC §6): the next version of the relationship's model as a draft, through the
     * model service in this transaction, its change note pointing back here. A draft already under way is
     * linked rather than changed; a proposal under agreement is refused.
     */
    async proposeModelUpdate(
      actor: Actor | null,
      id: string,
      version: number,
      input: ExceptionModelProposalCreate,
    ) {
      const signedIn = requirePermission(actor, 'approach.write');
      return db.transaction().execute(async (trx) => {
        const current = await load(trx, id);
        const context = await contextOf(trx, [current]);
        if (current.version !== version) throw staleVersion(present(current, context, signedIn));
        if (current.archived_at !== null) {
          throw new AppError('rule_broken', 'An archived exception is read-only; restore it first');
        }
        if (current.model_id !== null) {
          throw new AppError(
            'rule_broken',
            `A model update was proposed already (version ${current.model_version} of its model)`,
          );
        }
        const relationship = current.relationship_id
          ? await trx
              .selectFrom('relationships')
              .select('model_id')
              .where('id', '=', current.relationship_id)
              .executeTakeFirst()
          : undefined;
        const modelId = relationship?.model_id ?? null;
        if (modelId === null) {
          throw new AppError(
            'rule_broken',
            current.relationship_id
              ? 'Its relationship has no relationship model to update'
              : 'An exception without a relationship has no relationship model to update',
          );
        }
        // `trx` is a transaction, so the model service writes inside it: the draft and the link commit together.
        const models = createModelService(trx);
        const model = await models.load(trx, modelId);
        if (model.head.archived_at !== null || model.head.status === 'retired') {
          throw new AppError(
            'rule_broken',
            'The relationship model is archived or retired; it cannot change',
          );
        }
        let draftVersion: number;
        if (model.latest.status === 'draft') {
          draftVersion = model.latest.number;
        } else if (model.latest.status === 'proposed') {
          throw new AppError(
            'rule_broken',
            `Version ${model.latest.number} of the model is proposed for agreement; propose the change once it is agreed or withdrawn`,
          );
        } else {
          const content = fromJson<ModelContent>(model.latest.content) as ModelContent;
          const text = proposalText(current, input.note);
          const description = content.description
            ? `${content.description}\n\n${text.paragraph}`
            : text.paragraph;
          const updated = await models.update(signedIn, modelId, model.head.version, {
            description: description.slice(0, 100_000),
            changeNote: text.changeNote,
          });
          draftVersion = updated.currentVersion;
        }
        const at = now();
        if (
          !(await updateVersioned(trx, 'exceptions', id, version, {
            model_id: modelId,
            model_version: draftVersion,
            updated_at: at,
          }))
        ) {
          throw staleVersion(await presentOne(trx, await load(trx, id), signedIn));
        }
        const saved = await load(trx, id);
        await audit(trx, {
          actorId: signedIn.id,
          action: 'update',
          entityId: id,
          before: present(current, context, null),
          after: present(saved, context, null),
        });
        return present(saved, context, signedIn);
      });
    },

    archive(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'exceptions.manage');
      return change(
        signedIn,
        id,
        version,
        async (current, _trx, at) => ({ set: { archived_at: current.archived_at ?? at } }),
        {
          action: 'archive',
        },
      );
    },

    restore(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'exceptions.manage');
      return change(signedIn, id, version, async () => ({ set: { archived_at: null } }), {
        action: 'restore',
      });
    },
  };
  return service;
}

export type ExceptionService = ReturnType<typeof createExceptionService>;
