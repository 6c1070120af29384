import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { updateVersioned, type VersionedTable } from '../db/versioned-update.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../features/audit/audit.repository.js';
import type { Actor } from '../features/auth/actor.js';
import { now } from './time.js';
import { staleVersion } from './version.js';

interface Versioned {
  id: string;
  version: number;
  archivedAt: string | null;
}

export interface RecordKind<T extends Versioned, Row> {
  table: VersionedTable;
  /** The audit log's name for it, e.g. `org_unit`. */
  entity: string;
  /** How messages name it, e.g. `org unit`. */
  label: string;
  find: (db: Kysely<DB>, id: string) => Promise<T | undefined>;
  insert: (db: Kysely<DB>, row: Row) => Promise<void>;
  /** The record as the API shows it to this actor, for the `current` of a 409 (defaults to the record). */
  present?: (db: Kysely<DB>, record: T, actor: Actor) => Promise<unknown>;
}

type Changes = Record<string, unknown>;

/**
 * Load, create, versioned change, archive and restore for a record that carries `version` and `archivedAt`,
 * each in one transaction with its audit entry. Services keep the rules; this keeps the bookkeeping.
 */
export function versionedRecords<T extends Versioned, Row extends { id: string }>(
  db: Kysely<DB>,
  kind: RecordKind<T, Row>,
) {
  async function load(trx: Kysely<DB>, id: string): Promise<T> {
    const record = await kind.find(trx, id);
    if (!record) throw new AppError('not_found', `No ${kind.label} with id ${id}`);
    return record;
  }

  async function write(
    actor: Actor,
    id: string,
    version: number,
    action: 'update' | 'archive' | 'restore',
    changes: (current: T, trx: Kysely<DB>, at: string) => Changes | Promise<Changes>,
    after?: (trx: Kysely<DB>, at: string) => Promise<void>,
  ): Promise<T> {
    const stale = async (trx: Kysely<DB>, record: T) =>
      staleVersion(kind.present ? await kind.present(trx, record, actor) : record);
    return db.transaction().execute(async (trx) => {
      const current = await load(trx, id);
      if (current.version !== version) throw await stale(trx, current);
      if (action === 'update' && current.archivedAt !== null) {
        throw new AppError('rule_broken', `An archived ${kind.label} is read-only; restore it first`);
      }
      // Archiving what is archived, or restoring what is active, changes nothing and writes nothing.
      if (action !== 'update' && (action === 'archive') === (current.archivedAt !== null)) return current;
      const at = now();
      const set = await changes(current, trx, at);
      if (!(await updateVersioned(trx, kind.table, id, version, { ...set, updated_at: at } as never))) {
        throw await stale(trx, await load(trx, id));
      }
      await after?.(trx, at);
      const saved = await load(trx, id);
      await recordAudit(trx, {
        actorId: actor.id,
        action,
        entity: kind.entity,
        entityId: id,
        before: current,
        after: saved,
      });
      return saved;
    });
  }

  return {
    load,

    async create(actor: Actor, row: Row | ((trx: Kysely<DB>) => Promise<Row>)): Promise<T> {
      return db.transaction().execute(async (trx) => {
        const values = typeof row === 'function' ? await row(trx) : row;
        await kind.insert(trx, values);
        const created = await load(trx, values.id);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'create',
          entity: kind.entity,
          entityId: values.id,
          before: null,
          after: created,
        });
        return created;
      });
    },

    update: (
      actor: Actor,
      id: string,
      version: number,
      changes: (current: T, trx: Kysely<DB>, at: string) => Changes | Promise<Changes>,
      /** Runs after the write, in its transaction, before the saved record is read back. */
      after?: (trx: Kysely<DB>, at: string) => Promise<void>,
    ) => write(actor, id, version, 'update', changes, after),

    archive: (
      actor: Actor,
      id: string,
      version: number,
      after?: (trx: Kysely<DB>, at: string) => Promise<void>,
    ) =>
      write(
        actor,
        id,
        version,
        'archive',
        (current, _trx, at) => ({ archived_at: current.archivedAt ?? at }),
        after,
      ),

    restore: (
      actor: Actor,
      id: string,
      version: number,
      after?: (trx: Kysely<DB>, at: string) => Promise<void>,
    ) => write(actor, id, version, 'restore', () => ({ archived_at: null }), after),
  };
}
