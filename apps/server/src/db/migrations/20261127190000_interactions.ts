import type { Kysely } from 'kysely';

// Frozen: interactions with stakeholders (guide §2.2.3), their follow-up actions, and each relationship's contact
// cadence (last contact, next contact due), kept on the relationship so the overdue list is one index range.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'integer')
    .addColumn('participant_user_ids', 'text', (c) => c.notNull())
    .addColumn('participant_stakeholder_ids', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interactions_relationship')
    .on('interactions')
    .columns(['relationship_id', 'occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('interactions_occurred_at')
    .on('interactions')
    .columns(['occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('interactions_author')
    .on('interactions')
    .columns(['author_id', 'occurred_at', 'id'])
    .execute();

  // Everyone an interaction was with (the counterpart and the stakeholders taking part), for the stakeholder
  // timeline; `occurred_at` is copied so that the timeline is one index range.
  await db.schema
    .createTable('interaction_stakeholders')
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_stakeholders_pk', ['interaction_id', 'stakeholder_id'])
    .execute();
  await db.schema
    .createIndex('interaction_stakeholders_timeline')
    .on('interaction_stakeholders')
    .columns(['stakeholder_id', 'occurred_at', 'interaction_id'])
    .execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id'))
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_interaction').on('follow_ups').column('interaction_id').execute();
  await db.schema
    .createIndex('follow_ups_owner')
    .on('follow_ups')
    .columns(['owner_id', 'done_at', 'due_on', 'id'])
    .execute();
  await db.schema
    .createIndex('follow_ups_relationship')
    .on('follow_ups')
    .columns(['relationship_id', 'due_on', 'id'])
    .execute();

  await db.schema.alterTable('relationships').addColumn('last_contact_at', 'text').execute();
  await db.schema.alterTable('relationships').addColumn('contact_every_days', 'integer').execute();
  await db.schema.alterTable('relationships').addColumn('next_contact_on', 'text').execute();
  // A manager's judgement of the relationship's health, shown as such beside the computed score.
  await db.schema.alterTable('relationships').addColumn('health_override', 'integer').execute();
  await db.schema.alterTable('relationships').addColumn('health_override_comment', 'text').execute();
  await db.schema
    .alterTable('relationships')
    .addColumn('health_override_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('relationships').addColumn('health_override_at', 'text').execute();
  // One score per relationship and day, for the sparkline of health over time.
  await db.schema
    .createTable('health_history')
    .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addPrimaryKeyConstraint('health_history_pk', ['relationship_id', 'day'])
    .execute();
  await db.schema
    .createIndex('relationships_next_contact')
    .on('relationships')
    .columns(['next_contact_on', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('relationships_next_contact').execute();
  await db.schema.dropTable('health_history').execute();
  for (const column of [
    'health_override_at',
    'health_override_by',
    'health_override_comment',
    'health_override',
    'next_contact_on',
    'contact_every_days',
    'last_contact_at',
  ]) {
    await db.schema.alterTable('relationships').dropColumn(column).execute();
  }
  for (const table of ['follow_ups', 'interaction_stakeholders', 'interactions']) {
    await db.schema.dropTable(table).execute();
  }
}
