import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { startWalCheckpoints } from './db/wal.js';
import { recoverImports } from './features/csv/import.recovery.js';
import { startJobRunner } from './features/jobs/jobs.js';
import { startHealthFill } from './features/relationships/health.jobs.js';
import { createUserService } from './features/users/user.service.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates it, creates the first administrator from the environment, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    await ensureFirstAdmin(config, database);
    const app = await buildApp(config, database);
    const url = await app.listen({ port: config.port, host: config.host });
    // Background jobs (handlers register themselves when their feature loads with the app).
    const jobs = config.jobs
      ? startJobRunner({
          db: database.db,
          config,
          onError: (error) => app.log.error({ err: error }, 'job runner pass failed'),
        })
      : null;
    // Relationships never scored (an upgraded database, bulk-seeded rows) get their stored health score in the
    // background, so start-up does not wait on it; the dashboard scores the few it still finds on the spot.
    // Imports whose process died (a killed `rapport import`) are finished or taken back, beside the server.
    if (config.jobs)
      recoverImports(database.db).catch((error) =>
        app.log.error({ err: error }, 'recovering imports failed'),
      );
    const fill = config.jobs
      ? startHealthFill(database.db, (error) => app.log.error({ err: error }, 'filling health scores failed'))
      : null;
    // An idle server's WAL stays small, whatever wrote last (db/wal.ts).
    const checkpoints = startWalCheckpoints(database.db, (error) =>
      app.log.warn({ err: error }, 'WAL checkpoint failed; tried again later'),
    );
    return {
      app,
      database,
      url,
      // Drains: no new connection is accepted, requests under way and the job under way finish, then the
      // database closes cleanly (SQLite checkpoints its WAL), so a restarted server serves at once.
      async stop() {
        await checkpoints.stop();
        await Promise.all([fill?.stop(), jobs?.stop(), app.close()]);
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function ensureFirstAdmin(config: Config, database: Database): Promise<void> {
  if (!config.admin) return;
  const users = createUserService(database.db);
  if (!(await users.needsFirstAdmin())) return;
  try {
    await users.createFirstAdmin({
      email: config.admin.email,
      name: config.admin.name,
      password: config.admin.password,
    });
  } catch (error) {
    // Instances starting together race for it: losing to another instance is fine, anything else is not.
    if (await users.needsFirstAdmin()) throw error;
  }
}
