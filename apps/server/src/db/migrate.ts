import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as initial from './migrations/20261127100000_initial.js';
import * as stakeholderAnalysis from './migrations/20261127120000_stakeholder_analysis.js';
import * as listCoveringIndexes from './migrations/20261127130000_list_covering_indexes.js';
import * as postgresSearch from './migrations/20261127140000_postgres_search.js';
import * as sqliteSearch from './migrations/20261127150000_sqlite_search.js';
import * as uniqueExternalRef from './migrations/20261127160000_unique_external_ref.js';
import * as commonApproach from './migrations/20261127170000_common_approach.js';
import * as relationships from './migrations/20261127180000_relationships.js';
import * as interactions from './migrations/20261127190000_interactions.js';
import * as journeyBoard from './migrations/20261127195000_journey_board.js';
import * as exceptions from './migrations/20261127200000_exceptions.js';
import * as surveys from './migrations/20261127210000_surveys.js';
import * as relationshipReviews from './migrations/20261127220000_relationship_reviews.js';
import * as jobsNotifications from './migrations/20261127230000_jobs_notifications.js';
import * as webhooks from './migrations/20261127240000_webhooks.js';
import * as kpis from './migrations/20261127250000_kpis.js';
import * as valueChain from './migrations/20261127260000_value_chain.js';
import * as calendarFeeds from './migrations/20261127270000_calendar_feeds.js';
import * as dashboard from './migrations/20261127280000_dashboard.js';
import * as healthScore from './migrations/20261127310000_health_score.js';
import * as kpiSpeed from './migrations/20261127320000_kpi_speed.js';
import * as surveyPrivacy from './migrations/20261208020000_survey_privacy.js';
import * as stakeholderLinksList from './migrations/20261208050000_stakeholder_links_list.js';
import * as demoRecordsImportState from './migrations/20261208070000_demo_records_import_state.js';

// Listed by hand, not read from disk, so the same list works from source, in tests and in a bundle; in name order,
// the order Kysely runs them (a test checks the list against the files and against migrations/checksums.json).
const migrations: Record<string, Migration> = {
  '20261127100000_initial': initial,
  '20261127120000_stakeholder_analysis': stakeholderAnalysis,
  '20261127130000_list_covering_indexes': listCoveringIndexes,
  '20261127140000_postgres_search': postgresSearch,
  '20261127150000_sqlite_search': sqliteSearch,
  '20261127160000_unique_external_ref': uniqueExternalRef,
  '20261127170000_common_approach': commonApproach,
  '20261127180000_relationships': relationships,
  '20261127190000_interactions': interactions,
  '20261127195000_journey_board': journeyBoard,
  '20261127200000_exceptions': exceptions,
  '20261127210000_surveys': surveys,
  '20261127220000_relationship_reviews': relationshipReviews,
  '20261127230000_jobs_notifications': jobsNotifications,
  '20261127240000_webhooks': webhooks,
  '20261127250000_kpis': kpis,
  '20261127260000_value_chain': valueChain,
  '20261127270000_calendar_feeds': calendarFeeds,
  '20261127280000_dashboard': dashboard,
  '20261127310000_health_score': healthScore,
  '20261127320000_kpi_speed': kpiSpeed,
  '20261208020000_survey_privacy': surveyPrivacy,
  '20261208050000_stakeholder_links_list': stakeholderLinksList,
  '20261208070000_demo_records_import_state': demoRecordsImportState,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// Kysely looks for its own tables in every schema unless told which one: on PostgreSQL it is told.
const migratorOf = ({ db, schema }: Pick<Database, 'db' | 'schema'>) =>
  new Migrator({ db, provider, migrationTableSchema: schema });

/** Brings the schema up to date. On PostgreSQL Kysely takes a lock, so instances starting together migrate once. */
export async function migrateToLatest(database: Pick<Database, 'db' | 'schema'>): Promise<string[]> {
  const migrator = migratorOf(database);
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}

export async function pendingMigrations(database: Pick<Database, 'db' | 'schema'>): Promise<string[]> {
  const migrator = migratorOf(database);
  const all = await migrator.getMigrations();
  return all.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}

/** For tests of a migration's data step: bring the schema up to (and including) one named migration. */
export async function migrateTo(database: Pick<Database, 'db' | 'schema'>, name: string): Promise<void> {
  const { error } = await migratorOf(database).migrateTo(name);
  if (error) throw error;
}

/** The names of every migration this version knows, in the order Kysely runs them (by name). */
export const migrationNames = (): string[] => Object.keys(migrations).sort();

/** The list exactly as written above, for the test that keeps it sorted and equal to the files. */
export const listedMigrationNames = (): string[] => Object.keys(migrations);
