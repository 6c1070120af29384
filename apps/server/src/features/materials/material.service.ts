import type {
  FieldError,
  Material,
  MaterialCreate,
  MaterialListQuery,
  MaterialPatch,
  MaterialReaders,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, MaterialsTable } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { now } from '../../shared/time.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { requireAudience } from '../access/access.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import {
  acknowledge,
  activeDocumentExists,
  findMaterial,
  insertMaterial,
  listMaterialRows,
  reachOf,
  readersOf,
  type StoredMaterial,
  toMaterial,
} from './material.repository.js';

type Content = Pick<StoredMaterial, 'kind' | 'url' | 'body' | 'principleId' | 'modelId'>;

/** A link needs its address, a text needs its text, and what it is attached to must exist, not archived. */
async function contentErrors(db: Kysely<DB>, material: Content, changed: (field: keyof Content) => boolean) {
  const errors: FieldError[] = [];
  if (material.kind === 'link' && !material.url)
    errors.push({ path: 'url', message: 'a link needs its address' });
  if (material.kind === 'markdown' && !material.body.trim())
    errors.push({ path: 'body', message: 'write the text of the material' });
  const { principleId, modelId } = material;
  if (
    changed('principleId') &&
    principleId !== null &&
    !(await activeDocumentExists(db, 'principles', principleId))
  )
    errors.push({ path: 'principleId', message: 'no active principle with this id' });
  if (
    changed('modelId') &&
    modelId !== null &&
    !(await activeDocumentExists(db, 'relationship_models', modelId))
  )
    errors.push({ path: 'modelId', message: 'no active relationship model with this id' });
  return errors;
}

async function present(trx: Kysely<DB>, material: StoredMaterial, actor: Actor): Promise<Material> {
  return toMaterial(material, await reachOf(trx, [material.id], actor.id));
}

export function createMaterialService(db: Kysely<DB>) {
  const records = versionedRecords<StoredMaterial, MaterialsTable>(db, {
    table: 'materials',
    entity: 'material',
    label: 'material',
    find: findMaterial,
    insert: insertMaterial,
    present: (trx, material, actor) => present(trx, material, actor),
  });

  return {
    async list(actor: Actor | null, query: MaterialListQuery) {
      const signedIn = requirePermission(actor, 'approach.read');
      const page = await listMaterialRows(db, query, signedIn);
      const reach = await reachOf(
        db,
        page.data.map((material) => material.id),
        signedIn.id,
      );
      return { ...page, data: page.data.map((material) => toMaterial(material, reach)) };
    },

    async get(actor: Actor | null, id: string) {
      const signedIn = requirePermission(actor, 'approach.read');
      return present(db, await records.load(db, id), signedIn);
    },

    async create(actor: Actor | null, input: MaterialCreate) {
      const signedIn = requirePermission(actor, 'approach.write');
      const at = now();
      const created = await records.create(signedIn, async (trx) => {
        const errors = await contentErrors(trx, input, () => true);
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        return {
          id: newId(),
          title: input.title,
          sort_name: input.title.toLowerCase(),
          kind: input.kind,
          url: input.kind === 'link' ? input.url : null,
          body: input.body,
          principle_id: input.principleId,
          model_id: input.modelId,
          audience: toJson([...new Set(input.audience)]),
          revision: 1,
          created_by: signedIn.id,
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
      });
      return present(db, created, signedIn);
    },

    async update(actor: Actor | null, id: string, version: number, patch: MaterialPatch) {
      const signedIn = requirePermission(actor, 'approach.write');
      const saved = await records.update(signedIn, id, version, async (current, trx) => {
        const next: Content = {
          kind: patch.kind ?? current.kind,
          url: patch.url !== undefined ? patch.url : current.url,
          body: patch.body ?? current.body,
          principleId: patch.principleId !== undefined ? patch.principleId : current.principleId,
          modelId: patch.modelId !== undefined ? patch.modelId : current.modelId,
        };
        if (next.kind === 'markdown') next.url = null;
        const errors = await contentErrors(trx, next, (field) => next[field] !== current[field]);
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        // Readers acknowledge what they read: a new text or address asks them to read it again.
        const reread = next.kind !== current.kind || next.url !== current.url || next.body !== current.body;
        return {
          ...(patch.title !== undefined && { title: patch.title, sort_name: patch.title.toLowerCase() }),
          kind: next.kind,
          url: next.url,
          body: next.body,
          principle_id: next.principleId,
          model_id: next.modelId,
          ...(patch.audience !== undefined && { audience: toJson([...new Set(patch.audience)]) }),
          ...(reread && { revision: current.revision + 1 }),
        };
      });
      return present(db, saved, signedIn);
    },

    async archive(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'approach.write');
      return present(db, await records.archive(signedIn, id, version), signedIn);
    },

    async restore(actor: Actor | null, id: string, version: number) {
      const signedIn = requirePermission(actor, 'approach.write');
      return present(db, await records.restore(signedIn, id, version), signedIn);
    },

    /** "I have read it": of the revision the reader saw, which must still be the current one. */
    async acknowledge(actor: Actor | null, id: string, revision: number) {
      const signedIn = requirePermission(actor, 'approach.read');
      return db.transaction().execute(async (trx) => {
        const material = await records.load(trx, id);
        requireAudience(signedIn, material);
        if (material.archivedAt !== null) {
          throw new AppError('rule_broken', 'This material is archived; there is nothing to acknowledge');
        }
        // Everyone with approach.read may read it; only its audience confirms reading it (coverage counts them).
        if (!material.audience.includes(signedIn.role)) {
          throw new AppError(
            'forbidden',
            'This material is not addressed to your role; only its audience acknowledges it',
          );
        }
        if (revision !== material.revision) {
          throw new AppError(
            'conflict',
            `The material changed since you read it (revision ${revision}, now ${material.revision}); read it again`,
            undefined,
            await present(trx, material, signedIn),
          );
        }
        const at = now();
        await acknowledge(trx, id, signedIn.id, material.revision, at);
        const acknowledgement = {
          materialId: id,
          userId: signedIn.id,
          revision: material.revision,
          acknowledgedAt: at,
        };
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: 'material_acknowledgement',
          entityId: id,
          before: null,
          after: acknowledgement,
        });
        return acknowledgement;
      });
    },

    async readers(actor: Actor | null, id: string): Promise<MaterialReaders> {
      requirePermission(actor, 'approach.read');
      return readersOf(db, await records.load(db, id));
    },
  };
}

export type MaterialService = ReturnType<typeof createMaterialService>;
