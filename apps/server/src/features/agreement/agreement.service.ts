import { type AgreementStatus, canWithdrawProposal, type FieldError } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { AgreedDocumentsTable, DB, DocumentVersionsTable } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { now } from '../../shared/time.js';
import { inTransaction } from '../../shared/transaction.js';
import { staleVersion } from '../../shared/version.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import {
  type DocumentFilters,
  type DocumentTables,
  findDocument,
  findVersion,
  insertDocument,
  insertVersion,
  listDocuments,
  listVersions,
  retireOpenVersions,
  type StoredDocument,
  updateHead,
  updateVersion,
} from './agreement.repository.js';

/** One kind of agreed document: principles or relationship models. */
export interface DocumentKind<Content, T> {
  tables: DocumentTables;
  /** The audit log's name, e.g. `principle`. */
  entity: string;
  /** How messages name it, e.g. `principle`. */
  label: string;
  /** What a list row shows without reading the version, stored as JSON on the head. */
  summaryOf: (content: Content) => object;
  present: (db: Kysely<DB>, document: StoredDocument) => Promise<T>;
  /** What must be true before a draft is proposed, beyond its schema (e.g. a model names its groups). */
  proposalErrors?: (db: Kysely<DB>, id: string) => Promise<FieldError[]>;
}

export interface DocumentEdit<Content> {
  title?: string;
  content?: Content;
  nextReviewOn?: string | null;
  changeNote?: string;
}

type Extra = (trx: Kysely<DB>, id: string) => Promise<void>;

interface Step {
  head: Partial<AgreedDocumentsTable>;
  versions?: (trx: Kysely<DB>) => Promise<void>;
}

const today = () => now().slice(0, 10);

/** Archiving or restoring a document in force takes it out of force or back: that is for those who agree. */
function requireAgreeWhileInForce(actor: Actor, head: AgreedDocumentsTable) {
  if (head.agreed_version !== null) requirePermission(actor, 'approach.agree');
}

/**
 * The agreement workflow of guide §3.2.1 for one kind of document: draft → proposed → agreed → retired.
 * Editing an agreed version starts a new draft; the agreed version stays in force, frozen, until the next one
 * is agreed. Every step checks the record version, writes one audit entry and commits as one transaction.
 */
export function agreedDocuments<Content, T>(db: Kysely<DB>, kind: DocumentKind<Content, T>) {
  const { tables } = kind;

  async function load(trx: Kysely<DB>, id: string): Promise<StoredDocument> {
    const document = await findDocument(trx, tables, id);
    if (!document) throw new AppError('not_found', `No ${kind.label} with id ${id}`);
    return document;
  }

  const contentOf = (version: DocumentVersionsTable) => fromJson<Content>(version.content) as Content;

  async function step(
    actor: Actor,
    id: string,
    version: number,
    action: 'update' | 'archive' | 'restore' | 'propose' | 'withdraw' | 'agree' | 'retire',
    decide: (document: StoredDocument, at: string) => Step | null,
    extra?: Extra,
  ): Promise<T> {
    return inTransaction(db, async (trx) => {
      const current = await load(trx, id);
      const before = await kind.present(trx, current);
      if (current.head.version !== version) throw staleVersion(before);
      if (action !== 'archive' && action !== 'restore' && current.head.archived_at !== null) {
        throw new AppError('rule_broken', `An archived ${kind.label} is read-only; restore it first`);
      }
      const at = now();
      const decided = decide(current, at);
      if (decided === null) return before;
      // The head first: its version check makes a second writer wait, then fail, before any version changes.
      if (!(await updateHead(trx, tables, id, version, { ...decided.head, updated_at: at }))) {
        throw staleVersion(await kind.present(trx, await load(trx, id)));
      }
      await decided.versions?.(trx);
      await extra?.(trx, id);
      const after = await kind.present(trx, await load(trx, id));
      await recordAudit(trx, { actorId: actor.id, action, entity: kind.entity, entityId: id, before, after });
      return after;
    });
  }

  /** Moves one version on; the head's version check makes a mismatch impossible unless the data is corrupt. */
  async function moveVersion(
    trx: Kysely<DB>,
    id: string,
    number: number,
    from: AgreementStatus[],
    changes: Parameters<typeof updateVersion>[5],
  ) {
    if (!(await updateVersion(trx, tables, id, number, from, changes))) {
      throw new AppError(
        'conflict',
        `Version ${number} is no longer ${from.join(' or ')}; reload and try again`,
      );
    }
  }

  /** The newest version must be in `from` for this step; otherwise a clear 422. */
  function requireStatus(document: StoredDocument, from: AgreementStatus[], what: string) {
    if (document.head.status === 'retired') {
      throw new AppError('rule_broken', `This ${kind.label} is retired; it can no longer ${what}`);
    }
    if (!from.includes(document.latest.status as AgreementStatus)) {
      throw new AppError(
        'rule_broken',
        `Version ${document.latest.number} is ${document.latest.status}; only a ${from.join(' or ')} version can ${what}`,
      );
    }
  }

  return {
    load,
    contentOf,

    async list(actor: Actor | null, filters: DocumentFilters, narrow?: Parameters<typeof listDocuments>[5]) {
      requirePermission(actor, 'approach.read');
      return listDocuments(db, tables, filters, today(), (row) => row, narrow);
    },

    async get(actor: Actor | null, id: string): Promise<T> {
      requirePermission(actor, 'approach.read');
      return kind.present(db, await load(db, id));
    },

    async versions(actor: Actor | null, id: string) {
      requirePermission(actor, 'approach.read');
      await load(db, id);
      return { data: await listVersions(db, tables, id), nextCursor: null };
    },

    async version(actor: Actor | null, id: string, number: number) {
      requirePermission(actor, 'approach.read');
      const row = await findVersion(db, tables, id, number);
      if (!row) throw new AppError('not_found', `No version ${number} of ${kind.label} ${id}`);
      return row;
    },

    async create(
      actor: Actor | null,
      input: { title: string; content: Content; nextReviewOn: string | null },
      extra?: Extra,
    ): Promise<T> {
      const signedIn = requirePermission(actor, 'approach.write');
      const id = newId();
      const at = now();
      return inTransaction(db, async (trx) => {
        await insertDocument(
          trx,
          tables,
          {
            id,
            title: input.title,
            sort_name: input.title.toLowerCase(),
            status: 'draft',
            current_version: 1,
            agreed_version: null,
            agreed_at: null,
            agreed_by: null,
            proposed_at: null,
            next_review_on: input.nextReviewOn,
            summary: toJson(kind.summaryOf(input.content)),
            created_by: signedIn.id,
            archived_at: null,
            version: 1,
            created_at: at,
            updated_at: at,
          },
          {
            document_id: id,
            number: 1,
            title: input.title,
            content: toJson(input.content),
            status: 'draft',
            change_note: '',
            created_by: signedIn.id,
            created_at: at,
            proposed_by: null,
            proposed_at: null,
            agreed_by: null,
            agreed_at: null,
            agreement_note: '',
            retired_at: null,
            retirement_note: '',
          },
        );
        await extra?.(trx, id);
        const created = await kind.present(trx, await load(trx, id));
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: kind.entity,
          entityId: id,
          before: null,
          after: created,
        });
        return created;
      });
    },

    /**
     * A draft is edited in place; an agreed version is never touched: the edit becomes the next version, a draft.
     * The review date alone is the document's, not a version's, and makes no new version.
     */
    async update(
      actor: Actor | null,
      id: string,
      version: number,
      edit: DocumentEdit<Content>,
      extra?: Extra,
    ) {
      const signedIn = requirePermission(actor, 'approach.write');
      return step(
        signedIn,
        id,
        version,
        'update',
        ({ head, latest }, at) => {
          const title = edit.title ?? latest.title;
          const content = edit.content ?? contentOf(latest);
          const textChanged = title !== latest.title || toJson(content) !== latest.content;
          const reviewDate = edit.nextReviewOn !== undefined ? { next_review_on: edit.nextReviewOn } : {};
          const noteOnly =
            !textChanged && edit.changeNote !== undefined && edit.changeNote !== latest.change_note;
          if (noteOnly && (latest.status !== 'draft' || head.status === 'retired')) {
            throw fieldErrors('rule_broken', [
              { path: 'changeNote', message: 'a change note goes with a change of the draft' },
            ]);
          }
          if (!textChanged && !noteOnly) {
            // Only the review date (or the caller's extra, such as a model's groups) can change; or nothing.
            return edit.nextReviewOn === undefined && !extra ? null : { head: reviewDate };
          }
          if (head.status === 'retired') {
            throw new AppError('rule_broken', `This ${kind.label} is retired and read-only`);
          }
          if (latest.status === 'proposed') {
            throw new AppError(
              'rule_broken',
              `Version ${latest.number} is proposed for agreement; withdraw it before editing`,
            );
          }
          const text = { title, sort_name: title.toLowerCase(), summary: toJson(kind.summaryOf(content)) };
          if (latest.status === 'draft') {
            return {
              head: { ...reviewDate, ...text },
              versions: async (trx) => {
                const changes = {
                  title,
                  content: toJson(content),
                  ...(edit.changeNote !== undefined && { change_note: edit.changeNote }),
                };
                await moveVersion(trx, id, latest.number, ['draft'], changes);
              },
            };
          }
          const number = latest.number + 1;
          return {
            head: { ...reviewDate, ...text, status: 'draft', current_version: number, proposed_at: null },
            versions: (trx) =>
              insertVersion(trx, tables, {
                document_id: id,
                number,
                title,
                content: toJson(content),
                status: 'draft',
                change_note: edit.changeNote ?? '',
                created_by: signedIn.id,
                created_at: at,
                proposed_by: null,
                proposed_at: null,
                agreed_by: null,
                agreed_at: null,
                agreement_note: '',
                retired_at: null,
                retirement_note: '',
              }),
          };
        },
        extra,
      );
    },

    async propose(actor: Actor | null, id: string, version: number, note: string) {
      const signedIn = requirePermission(actor, 'approach.write');
      return step(signedIn, id, version, 'propose', (document, at) => {
        requireStatus(document, ['draft'], 'be proposed');
        const { number } = document.latest;
        return {
          head: { status: 'proposed', proposed_at: at },
          versions: async (trx) => {
            const errors = (await kind.proposalErrors?.(trx, id)) ?? [];
            if (errors.length > 0) throw fieldErrors('rule_broken', errors);
            await moveVersion(trx, id, number, ['draft'], {
              status: 'proposed',
              proposed_by: signedIn.id,
              proposed_at: at,
              // The proposer's note joins the draft's change note rather than replacing it.
              ...(note && { change_note: [document.latest.change_note, note].filter(Boolean).join('\n') }),
            });
          },
        };
      });
    },

    /** Back to draft: the proposer withdraws it, or the people agreeing send it back for rework. */
    async withdraw(actor: Actor | null, id: string, version: number, note: string) {
      const signedIn = requirePermission(actor, 'approach.write');
      return step(signedIn, id, version, 'withdraw', (document) => {
        requireStatus(document, ['proposed'], 'be withdrawn');
        if (!canWithdrawProposal(signedIn, { proposedBy: document.latest.proposed_by })) {
          throw new AppError(
            'forbidden',
            'Only the proposer, or someone who may agree, can take a proposal back',
          );
        }
        const { number } = document.latest;
        return {
          head: { status: 'draft', proposed_at: null },
          versions: async (trx) => {
            await moveVersion(trx, id, number, ['proposed'], {
              status: 'draft',
              proposed_by: null,
              proposed_at: null,
              agreement_note: note,
            });
          },
        };
      });
    },

    async agree(actor: Actor | null, id: string, version: number, note: string) {
      const signedIn = requirePermission(actor, 'approach.agree');
      return step(signedIn, id, version, 'agree', ({ head, latest }, at) => {
        requireStatus({ head, latest }, ['proposed'], 'be agreed');
        return {
          head: {
            status: 'agreed',
            agreed_version: latest.number,
            agreed_at: at,
            agreed_by: signedIn.id,
            proposed_at: null,
          },
          versions: async (trx) => {
            if (head.agreed_version !== null) {
              await moveVersion(trx, id, head.agreed_version, ['agreed'], {
                status: 'retired',
                retired_at: at,
              });
            }
            await moveVersion(trx, id, latest.number, ['proposed'], {
              status: 'agreed',
              agreed_by: signedIn.id,
              agreed_at: at,
              agreement_note: note,
            });
          },
        };
      });
    },

    /** No longer in force. Drafts and proposals on top of it are closed with it. */
    async retire(actor: Actor | null, id: string, version: number, note: string) {
      const signedIn = requirePermission(actor, 'approach.agree');
      return step(signedIn, id, version, 'retire', ({ head }, at) => {
        if (head.status === 'retired') return null;
        const inForce = head.agreed_version;
        if (inForce === null) {
          throw new AppError(
            'rule_broken',
            `This ${kind.label} was never agreed, so there is nothing to retire; archive the draft instead`,
          );
        }
        return {
          head: { status: 'retired', agreed_version: null, proposed_at: null },
          versions: async (trx) => {
            await moveVersion(trx, id, inForce, ['agreed'], {
              status: 'retired',
              retired_at: at,
              retirement_note: note,
            });
            await retireOpenVersions(trx, tables, id, at);
          },
        };
      });
    },

    async archive(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'approach.write');
      return step(signedIn, id, version, 'archive', ({ head }, at) => {
        requireAgreeWhileInForce(signedIn, head);
        return head.archived_at === null ? { head: { archived_at: at } } : null;
      });
    },

    async restore(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'approach.write');
      return step(signedIn, id, version, 'restore', ({ head }) => {
        requireAgreeWhileInForce(signedIn, head);
        return head.archived_at === null ? null : { head: { archived_at: null } };
      });
    },
  };
}

export type AgreedDocuments<Content, T> = ReturnType<typeof agreedDocuments<Content, T>>;

/** The fields every agreed document shows, from its head. */
export function headFields(head: AgreedDocumentsTable) {
  return {
    id: head.id,
    status: head.status as AgreementStatus,
    currentVersion: head.current_version,
    agreedVersion: head.agreed_version,
    agreedAt: head.agreed_at,
    agreedBy: head.agreed_by,
    nextReviewOn: head.next_review_on,
    createdBy: head.created_by,
    archivedAt: head.archived_at,
    version: head.version,
    createdAt: head.created_at,
    updatedAt: head.updated_at,
  };
}
