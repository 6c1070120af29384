import type { AgreementStatus, DocumentVersionSummary } from '@rapport/contracts';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { AgreedDocumentsTable, DB, DocumentVersionsTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned-update.js';

/** Where one kind of agreed document is stored: its heads and their versions. */
export interface DocumentTables {
  head: 'principles' | 'relationship_models';
  versions: 'principle_versions' | 'relationship_model_versions';
}

// Both kinds have the same columns; Kysely cannot follow a table name chosen at run time, so the queries below
// are written against the principle tables and run against whichever pair `tables` names.
type Heads = Kysely<{ principles: AgreedDocumentsTable; principle_versions: DocumentVersionsTable }>;
const heads = (db: Kysely<DB>) => db as unknown as Heads;
const as = <T>(name: string) => name as unknown as T;

export interface StoredDocument {
  head: AgreedDocumentsTable;
  latest: DocumentVersionsTable;
}

export async function findDocument(
  db: Kysely<DB>,
  tables: DocumentTables,
  id: string,
): Promise<StoredDocument | undefined> {
  const head = await heads(db)
    .selectFrom(as<'principles'>(tables.head))
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!head) return undefined;
  const latest = await findVersion(db, tables, id, head.current_version);
  if (!latest) throw new Error(`${tables.head} ${id} has no version ${head.current_version}`);
  return { head, latest };
}

export const findVersion = (db: Kysely<DB>, tables: DocumentTables, id: string, number: number) =>
  heads(db)
    .selectFrom(as<'principle_versions'>(tables.versions))
    .selectAll()
    .where('document_id', '=', id)
    .where('number', '=', number)
    .executeTakeFirst();

export async function insertDocument(
  db: Kysely<DB>,
  tables: DocumentTables,
  head: AgreedDocumentsTable,
  version: DocumentVersionsTable,
): Promise<void> {
  await heads(db).insertInto(as<'principles'>(tables.head)).values(head).execute();
  await insertVersion(db, tables, version);
}

export async function insertVersion(db: Kysely<DB>, tables: DocumentTables, version: DocumentVersionsTable) {
  await heads(db).insertInto(as<'principle_versions'>(tables.versions)).values(version).execute();
}

export const updateHead = (
  db: Kysely<DB>,
  tables: DocumentTables,
  id: string,
  version: number,
  changes: Partial<Omit<AgreedDocumentsTable, 'id' | 'version'>>,
) => updateVersioned(db, tables.head, id, version, changes);

/**
 * Changes one version, only while it is in the status `from`. The condition is in the UPDATE so that an agreed
 * version can never be edited in place, whatever the caller believed.
 */
export async function updateVersion(
  db: Kysely<DB>,
  tables: DocumentTables,
  id: string,
  number: number,
  from: AgreementStatus[],
  changes: Partial<Omit<DocumentVersionsTable, 'document_id' | 'number'>>,
): Promise<boolean> {
  const result = await heads(db)
    .updateTable(as<'principle_versions'>(tables.versions))
    .set(changes)
    .where('document_id', '=', id)
    .where('number', '=', number)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Retires every version still agreed, proposed or drafted (when the whole document is retired). */
export async function retireOpenVersions(db: Kysely<DB>, tables: DocumentTables, id: string, at: string) {
  await heads(db)
    .updateTable(as<'principle_versions'>(tables.versions))
    .set({ status: 'retired', retired_at: at })
    .where('document_id', '=', id)
    .where('status', 'in', ['agreed', 'proposed', 'draft'])
    .execute();
}

export async function listVersions(
  db: Kysely<DB>,
  tables: DocumentTables,
  id: string,
): Promise<DocumentVersionSummary[]> {
  const rows = await heads(db)
    .selectFrom(as<'principle_versions'>(tables.versions))
    .selectAll()
    .where('document_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  return rows.map(versionSummaryOf);
}

export function versionSummaryOf(row: DocumentVersionsTable): DocumentVersionSummary {
  return {
    number: row.number,
    status: row.status as AgreementStatus,
    title: row.title,
    changeNote: row.change_note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    agreedBy: row.agreed_by,
    agreedAt: row.agreed_at,
    agreementNote: row.agreement_note,
    retiredAt: row.retired_at,
    retirementNote: row.retirement_note,
  };
}

export interface DocumentFilters {
  q?: string;
  status?: AgreementStatus;
  inForce?: boolean;
  reviewDue?: boolean;
  archived: 'false' | 'true' | 'only';
  sort: string;
  limit: number;
  cursor?: string;
  count?: boolean;
}

export function listDocuments<T>(
  db: Kysely<DB>,
  tables: DocumentTables,
  filters: DocumentFilters,
  today: string,
  present: (row: AgreedDocumentsTable) => T,
  narrow: (
    query: SelectQueryBuilder<DB, DocumentTables['head'], object>,
  ) => SelectQueryBuilder<DB, DocumentTables['head'], object> = (query) => query,
) {
  const table = tables.head;
  const base = narrow(
    withCommonFilters(db.selectFrom(table), table, filters)
      .$if(filters.status !== undefined, (q) => q.where('status', '=', filters.status as string))
      .$if(filters.inForce === true, (q) => q.where('agreed_version', 'is not', null))
      .$if(filters.inForce === false, (q) => q.where('agreed_version', 'is', null))
      .$if(filters.reviewDue === true, (q) =>
        q.where('agreed_version', 'is not', null).where(sql<boolean>`next_review_on <= ${today}`),
      ),
  );
  const sortColumns = {
    title: 'sort_name',
    name: 'sort_name',
    updatedAt: 'updated_at',
    nextReviewOn: 'next_review_on?',
  };
  return listPage(base, table, { ...filters, sortColumns }, present);
}
