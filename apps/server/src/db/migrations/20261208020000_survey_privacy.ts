import { type Kysely, sql } from 'kysely';

/**
 * Frozen: each survey states its privacy. `anonymity` is `anonymous` (nobody sees an individual answer; figures
 * only from `min_answers` answers) or `named` (answers readable by roles with `surveys.answers`). Climate surveys
 * become anonymous, as their respondents (colleagues) expect; satisfaction surveys stay named, which is how their
 * answers were shown until now. `min_answers` (k) is 5 and never below 3 (the contract refuses less).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys')
    .addColumn('anonymity', 'text', (column) => column.notNull().defaultTo('named'))
    .execute();
  await db.schema
    .alterTable('surveys')
    .addColumn('min_answers', 'integer', (column) => column.notNull().defaultTo(5))
    .execute();
  await sql`update surveys set anonymity = 'anonymous' where kind = 'climate'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys').dropColumn('min_answers').execute();
  await db.schema.alterTable('surveys').dropColumn('anonymity').execute();
}
