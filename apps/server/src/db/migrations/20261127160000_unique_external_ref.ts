import type { Kysely } from 'kysely';

// Frozen. An external reference names one stakeholder: the database holds that, not only the code that checks
// first (two writers at once could both pass the check). NULLs may repeat on both dialects.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stakeholders_external_ref').execute();
  await db.schema
    .createIndex('stakeholders_external_ref')
    .on('stakeholders')
    .column('external_ref')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stakeholders_external_ref').execute();
  await db.schema
    .createIndex('stakeholders_external_ref')
    .on('stakeholders')
    .column('external_ref')
    .execute();
}
