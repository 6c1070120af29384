import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { configureWriter, SqliteWriterDialect } from './sqlite-writer.js';
import { checkpointWal, WAL_SIZE_LIMIT_BYTES } from './wal.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL: the schema Rapport's tables live in (the migrator must look only there). */
  schema?: string;
  /** SQLite: the database file (for the online backup). */
  sqliteFile?: string;
  /** PostgreSQL: the connection pool (its counts are metrics). */
  pool?: pg.Pool;
  /** Reports each query slower than the threshold: its SQL text only, as parameters may hold personal data. */
  onSlowQuery(thresholdMs: number, report: (query: SlowQuery) => void): void;
  close(): Promise<void>;
}

export interface SlowQuery {
  sql: string;
  durationMs: number;
  failed: boolean;
}

/** Kysely's `log` hook, quiet until `onSlowQuery` names a threshold and where to report. */
function slowQueryLog() {
  const slow: { thresholdMs: number; report: ((query: SlowQuery) => void) | null } = {
    thresholdMs: Number.POSITIVE_INFINITY,
    report: null,
  };
  return {
    log(event: LogEvent) {
      if (!slow.report || event.queryDurationMillis < slow.thresholdMs) return;
      slow.report({
        sql: event.query.sql,
        durationMs: Math.round(event.queryDurationMillis * 10) / 10,
        failed: event.level === 'error',
      });
    },
    onSlowQuery(thresholdMs: number, report: (query: SlowQuery) => void) {
      slow.thresholdMs = thresholdMs;
      slow.report = report;
    },
  };
}

export interface DatabaseOptions {
  /** PostgreSQL only: the schema to work in (tests use one per run). */
  schema?: string;
  poolSize?: number;
  /** PostgreSQL: `application_name` of the pool's connections (default `rapport`). */
  applicationName?: string;
}

const BIGINT_OID = 20;
const NUMERIC_OID = 1700;

/** pg returns int8 and numeric as strings; both dialects must hand numbers to the repositories. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === BIGINT_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export function sqlitePathOf(url: string): string | null {
  const match = /^(?:sqlite|file):(.*)$/.exec(url);
  return match ? (match[1] ?? '') : null;
}

export function openDatabase(url: string, options: DatabaseOptions = {}): Database {
  const sqlitePath = sqlitePathOf(url);
  if (sqlitePath !== null) return openSqlite(sqlitePath);
  return openPostgres(url, options);
}

/**
 * Kysely prepares every query afresh, and better-sqlite3 compiles the SQL each time (a board's queries with a
 * hundred and sixty parameters cost more to compile than to run): the statements of the last texts are kept.
 * One connection serves one query at a time (Kysely's lock), so a kept statement is never in use twice.
 */
function preparedOnce(connection: SQLite.Database, kept = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement) {
        // Most recently used last, so the least recently used is the one let go.
        statements.delete(text);
      } else {
        statement = connection.prepare(text);
        if (statements.size >= kept) statements.delete(statements.keys().next().value as string);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

function openSqlite(file: string): Database {
  if (!file) throw new Error('DATABASE_URL names no SQLite file (sqlite:PATH)');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connection = new SQLite(file);
  // Other processes (the command line, another instance) write to the same file: see sqlite-writer.ts.
  configureWriter(connection, () => {
    // WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged commit survive power loss.
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    // A WAL grown by a large write is cut back to this size once a checkpoint resets it (db/wal.ts).
    connection.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    // Gathers planner statistics where they are missing or stale, so filtered lists pick the better index.
    connection.pragma('optimize = 0x10002');
  });
  const { log, onSlowQuery } = slowQueryLog();
  const db = new Kysely<DB>({
    dialect: new SqliteWriterDialect({ database: preparedOnce(connection) }),
    log,
  });
  return {
    db,
    dialect: 'sqlite',
    sqliteFile: file,
    onSlowQuery,
    async close() {
      // Whatever this connection wrote last (a command's import, restore or demo) leaves no large WAL behind,
      // even when the server keeps the file open and SQLite therefore does not remove the WAL on close.
      await checkpointWal(db).catch(() => {});
      await db.destroy();
    },
  };
}

function openPostgres(url: string, options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    // `public` after the schema: shared extensions (pg_trgm) live there, so every test schema can use them.
    options: options.schema ? `-c search_path=${options.schema},public` : undefined,
    // Names the connections, so an operator (and the fault tests) can tell Rapport's sessions apart.
    application_name: options.applicationName ?? 'rapport',
  });
  // A connection the server ended while idle (pg_terminate_backend, a restart) reports here: the pool drops it
  // and opens a new one for the next query. Without a listener the error would end the process.
  pool.on('error', () => {});
  // One ended while a query ran reports on the client as well: the query fails (503, see db/unavailable.ts), the
  // pool discards the client when it is released; the event itself must not end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  const { log, onSlowQuery } = slowQueryLog();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  return {
    db,
    dialect: 'postgres',
    schema: options.schema ?? 'public',
    pool,
    onSlowQuery,
    close: () => db.destroy(),
  };
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
