import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: the journey board at the size of a large organisation. Each position (a relationship in a step) carries
// its relationship's model, whether it is open (active and not archived) and when its next contact is due, so a
// board column is one index range read in order and a column's count is a count over an index. A relationship
// keeps the two parts of its journey that health needs (weights, review cadence) in small columns of their own,
// so a page of cards is scored without reading each journey (several kilobytes of JSON).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('relationships').addColumn('health_weights', 'text').execute();
  await db.schema.alterTable('relationships').addColumn('review_every_days', 'integer').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      update relationships set
        health_weights = (journey::jsonb -> 'healthWeights')::text,
        review_every_days = (journey::jsonb ->> 'reviewEveryDays')::integer
      where journey is not null
    `.execute(db);
  } else {
    await sql`
      update relationships set
        health_weights = json_extract(journey, '$.healthWeights'),
        review_every_days = json_extract(journey, '$.reviewEveryDays')
      where journey is not null
    `.execute(db);
  }

  await db.schema.alterTable('relationship_positions').addColumn('model_id', 'text').execute();
  await db.schema
    .alterTable('relationship_positions')
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('relationship_positions').addColumn('next_contact_on', 'text').execute();
  await sql`
    update relationship_positions set
      model_id = (select r.model_id from relationships r where r.id = relationship_positions.relationship_id),
      open = (select case when r.status = 'active' and r.archived_at is null then 1 else 0 end
              from relationships r where r.id = relationship_positions.relationship_id),
      next_contact_on = (select r.next_contact_on from relationships r
                         where r.id = relationship_positions.relationship_id)
  `.execute(db);
  await db.schema
    .createIndex('relationship_positions_board')
    .on('relationship_positions')
    .columns(['model_id', 'open', 'step_key', 'next_contact_on', 'relationship_id'])
    .execute();
  // How many open positions each model's steps hold, so a board's counts are read rather than counted; kept by the
  // writes of positions, counted here once for the rows written before.
  await db.schema
    .createTable('board_counts')
    .addColumn('model_id', 'text', (c) => c.notNull().references('relationship_models.id'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_counts_pk', ['model_id', 'step_key'])
    .execute();
  await sql`
    insert into board_counts (model_id, step_key, count)
    select model_id, step_key, count(*) from relationship_positions
    where open = 1 and model_id is not null
    group by model_id, step_key
  `.execute(db);
  // On SQLite a card is read from this index alone: SQLite keeps a long row (the journey) in overflow pages, and the
  // columns stored after the journey are reached only through them. PostgreSQL keeps long values out of line
  // anyway, and refuses index entries over a third of a page (a long override comment would fail a write).
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await db.schema
      .createIndex('relationships_card')
      .on('relationships')
      .columns([
        'id',
        'name',
        'stakeholder_id',
        'model_id',
        'manager_id',
        'agent_id',
        'status',
        'current_steps',
        'next_contact_on',
        'contact_every_days',
        'next_review_on',
        'health_weights',
        'review_every_days',
        'health_override',
        'health_override_comment',
        'health_override_by',
        'health_override_at',
        'version',
      ])
      .execute();
  }
  // "My work": the user's relationships as manager or as agent, soonest contact or review first, each an index
  // range read in order (and, carrying what the list shows, without reading the rows).
  for (const person of ['manager_id', 'agent_id'] as const) {
    for (const due of ['next_contact_on', 'next_review_on'] as const) {
      await db.schema
        .createIndex(`relationships_${person}_${due}`)
        .on('relationships')
        .columns([person, 'status', due, 'archived_at', 'id', 'name', 'stakeholder_id'])
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const person of ['manager_id', 'agent_id'])
    for (const due of ['next_contact_on', 'next_review_on'])
      await db.schema.dropIndex(`relationships_${person}_${due}`).execute();
  await db.schema.dropIndex('relationships_card').ifExists().execute();
  await db.schema.dropTable('board_counts').execute();
  await db.schema.dropIndex('relationship_positions_board').execute();
  for (const column of ['next_contact_on', 'open', 'model_id']) {
    await db.schema.alterTable('relationship_positions').dropColumn(column).execute();
  }
  for (const column of ['review_every_days', 'health_weights']) {
    await db.schema.alterTable('relationships').dropColumn(column).execute();
  }
}
