import type { Kysely } from 'kysely';
import type { DB, ImportRowsTable, ImportsTable } from '../../db/schema.js';
import { applyKeyset, type Keyset, pageFrom } from '../../shared/pagination.js';

// SQLite allows 32,766 bound values per statement; chunks keep every IN list and batch well below that.
const CHUNK = 500;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function toImport(row: ImportsTable) {
  return {
    id: row.id,
    fileName: row.file_name,
    actorId: row.actor_id,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    createdAt: row.created_at,
    undoneAt: row.undone_at,
  };
}

export async function insertImport(db: Kysely<DB>, row: ImportsTable): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export const findImport = (db: Kysely<DB>, id: string) =>
  db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();

export async function markUndone(db: Kysely<DB>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set({ undone_at: at })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const newestFirst: Keyset = { column: 'id', direction: 'desc' };

export async function listImports(db: Kysely<DB>, page: { limit: number; cursor?: string }) {
  const rows = await applyKeyset(db.selectFrom('imports').selectAll(), newestFirst, page.cursor, 'imports')
    .limit(page.limit + 1)
    .execute();
  return pageFrom(rows, page.limit, newestFirst, toImport);
}

export async function insertImportRows(db: Kysely<DB>, rows: ImportRowsTable[]): Promise<void> {
  for (const chunk of chunks(rows)) await db.insertInto('import_rows').values(chunk).execute();
}

export const importRowsOf = (db: Kysely<DB>, importId: string) =>
  db.selectFrom('import_rows').selectAll().where('import_id', '=', importId).execute();

/** Existing stakeholders by external reference and by e-mail, for the upsert, in chunked queries. */
export async function upsertTargets(db: Kysely<DB>, refs: string[], emails: string[]) {
  const byRef = new Map<string, string>();
  // An archived stakeholder keeps its reference: a row naming it is refused rather than creating a twin.
  const archivedIds = new Set<string>();
  for (const chunk of chunks([...new Set(refs)])) {
    const rows = await db
      .selectFrom('stakeholders')
      .select(['id', 'external_ref', 'archived_at'])
      .where('external_ref', 'in', chunk)
      .execute();
    for (const row of rows) {
      byRef.set(row.external_ref as string, row.id);
      if (row.archived_at !== null) archivedIds.add(row.id);
    }
  }
  const byEmail = new Map<string, string>();
  for (const chunk of chunks([...new Set(emails)])) {
    const rows = await db
      .selectFrom('stakeholder_emails')
      .innerJoin('stakeholders', 'stakeholders.id', 'stakeholder_emails.stakeholder_id')
      .select(['stakeholder_emails.email', 'stakeholder_emails.stakeholder_id'])
      .where('stakeholder_emails.email', 'in', chunk)
      .where('stakeholders.archived_at', 'is', null)
      .execute();
    for (const row of rows) if (!byEmail.has(row.email)) byEmail.set(row.email, row.stakeholder_id);
  }
  return { byRef, byEmail, archivedIds };
}

export async function userIdsByEmail(db: Kysely<DB>, emails: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of chunks([...new Set(emails)])) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', 'in', chunk)
      .where('deactivated_at', 'is', null)
      .execute();
    for (const row of rows) found.set(row.email, row.id);
  }
  return found;
}

export async function rememberedMapping(db: Kysely<DB>, userId: string, signature: string) {
  const row = await db
    .selectFrom('import_mappings')
    .select('mapping')
    .where('user_id', '=', userId)
    .where('header_key', '=', signature)
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as Record<string, string | null>) : null;
}

export async function rememberMapping(
  db: Kysely<DB>,
  userId: string,
  signature: string,
  mapping: object,
  at: string,
) {
  await db
    .insertInto('import_mappings')
    .values({ user_id: userId, header_key: signature, mapping: JSON.stringify(mapping), updated_at: at })
    .onConflict((oc) =>
      oc.columns(['user_id', 'header_key']).doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: at }),
    )
    .execute();
}

/** Of the stakeholders an import created, those edited since (their version moved past 1). */
export async function editedSinceCreated(db: Kysely<DB>, ids: string[]) {
  const edited: { id: string; name: string }[] = [];
  for (const chunk of chunks(ids)) {
    edited.push(
      ...(await db
        .selectFrom('stakeholders')
        .select(['id', 'name'])
        .where('id', 'in', chunk)
        .where('version', '>', 1)
        .execute()),
    );
  }
  return edited;
}
