import fs from 'node:fs';
import path from 'node:path';
import { Competency, Role, UserCreate } from '@rapport/contracts';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Actor } from './features/auth/actor.js';
import { permissionsMarkdown } from './features/auth/permissions.doc.js';
import { createImportService } from './features/csv/import.service.js';
import { removeDemoRows } from './features/demo/demo.removal.js';
import { seedDemo } from './features/demo/demo.seed.js';
import { seedScale } from './features/demo/scale.seed.js';
import { importAllInto, registerExportCommand } from './features/exports/exports.cli.js';
import { backupDatabase } from './features/operations/backup.js';
import { restoreDatabase, sourceOf } from './features/operations/restore.js';
import { writeReportFile } from './features/reports/report.cli.js';
import { findUserByEmail } from './features/users/user.repository.js';
import { createUserService } from './features/users/user.service.js';
import { startServer } from './server.js';
import { RAPPORT_VERSION } from './version.js';

/** A commander parser for a whole number in a range, with the range in its error message. */
const wholeNumber = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(
      `a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`,
    );
  return n;
};

const program = new Command('rapport')
  .description('Rapport — the ITIL 4 Relationship Management practice')
  .version(RAPPORT_VERSION, '-V, --version', 'print the version of Rapport');

function config() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

async function withDatabase<T>(work: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const database = openDatabase(config().databaseUrl);
  try {
    await migrateToLatest(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

program
  .command('serve')
  .description('migrate the database and serve the API and the web app')
  .action(async () => {
    const running = await startServer(config());
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      running.app.log.info({ signal }, 'draining: finishing the requests and the job under way');
      try {
        await running.stop();
        process.exit(0);
      } catch (error) {
        running.app.log.error({ err: error }, 'stopping failed');
        process.exit(1);
      }
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const database = openDatabase(config().databaseUrl);
    try {
      const applied = await migrateToLatest(database);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await database.close();
    }
  });

program
  .command('demo')
  .description(
    'load the demo organisation (bilingual stakeholders across the map), all or nothing; needs an administrator',
  )
  .option('--remove', 'remove every demo record, as a whole (refused while your own records refer to them)')
  .action((options: { remove?: boolean }) =>
    withDatabase(async (database) => {
      if (options.remove) {
        const removed = await removeDemoRows(database.db, database.dialect, database.schema);
        console.log(`Removed the demo organisation (${removed} records).`);
        return;
      }
      // Without an administrator this throws: the command exits 1 with the reason.
      console.log(await seedDemo(database.db));
    }),
  );

program
  .command('seed')
  .description(
    'generate a realistic organisation of N stakeholders (assessments, groups, links) with relationships, their journeys and interactions, the same for the same seed',
  )
  .requiredOption('--scale <n>', 'how many stakeholders', wholeNumber(1, 2_000_000))
  .option(
    '--relationships <n>',
    'how many relationships (default: two per stakeholder)',
    wholeNumber(0, 4_000_000),
  )
  .option(
    '--interactions <n>',
    'how many interactions (default: ten per relationship)',
    wholeNumber(0, 40_000_000),
  )
  .option('--seed <n>', 'random seed', (value) => Number(value), 42)
  .action((options: { scale: number; seed: number; relationships?: number; interactions?: number }) =>
    withDatabase(async (database) => {
      const started = performance.now();
      const summary = await seedScale(database.db, options.scale, options);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { journeys } = summary;
      console.log(
        `Generated ${summary.stakeholders} stakeholders, ${summary.assessments} assessments, ${summary.groups} groups, ` +
          `${summary.memberships} memberships, ${summary.links} links, ${journeys.users} staff, ${journeys.models} models, ` +
          `${journeys.relationships} relationships, ${journeys.interactions} interactions and ${journeys.followUps} follow-ups in ${seconds} s.`,
      );
    }),
  );

function progressBar(done: number, total: number) {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(percent).padStart(3)}%`,
  );
}

program
  .command('import')
  .description(
    'import stakeholders from a CSV file, as the web app does (validated first; all or nothing unless --mode valid)',
  )
  .argument('<what>', 'stakeholders, or all (a `rapport export all` file, into an empty instance)')
  .argument('<file>', 'a CSV file (UTF-8 or GB18030; , or ; separated)')
  .option(
    '--mapping <json>',
    'column → field, e.g. {"Name":"name"}; default: the remembered or suggested mapping',
  )
  .option('--mode <mode>', 'all: any row error imports nothing; valid: skip rows with errors', 'all')
  .option('--dry-run', 'validate only')
  .option('--as <email>', 'the user the import is recorded for (default: the first administrator)')
  .action(
    (
      what: string,
      file: string,
      options: { mapping?: string; mode: string; dryRun?: boolean; as?: string },
    ) =>
      withDatabase(async (database) => {
        if (what === 'all') return importAllInto(database, file);
        if (what !== 'stakeholders')
          throw new InvalidArgumentError('only stakeholders (or all) can be imported');
        if (options.mode !== 'all' && options.mode !== 'valid')
          throw new InvalidArgumentError('--mode is all or valid');
        const row = options.as
          ? await findUserByEmail(database.db, options.as)
          : await database.db
              .selectFrom('users')
              .selectAll()
              .where('role', '=', 'administrator')
              .orderBy('created_at')
              .executeTakeFirst();
        if (!row) throw new Error(options.as ? `No user ${options.as}` : 'Create an administrator first');
        const actor: Actor = { id: row.id, name: row.name, role: row.role as Actor['role'], via: 'token' };
        const imports = createImportService(database.db);
        const bytes = fs.readFileSync(file);
        const fileName = path.basename(file);
        const mapping = options.mapping
          ? (JSON.parse(options.mapping) as Record<string, string | null>)
          : (await imports.preview(actor, fileName, bytes)).suggestedMapping;
        try {
          const result = await imports.run(
            actor,
            { fileName, bytes, mapping, mode: options.mode, dryRun: Boolean(options.dryRun) },
            progressBar,
          );
          process.stderr.write('\n');
          for (const error of result.errors.slice(0, 20))
            console.error(`row ${error.row}, ${error.field}: ${error.message}`);
          console.log(
            `${result.dryRun ? 'Checked' : 'Imported'} ${result.total} rows: ${result.created} created, ${result.updated} updated, ` +
              `${result.skipped} skipped${result.importId ? ` (import ${result.importId}; undo with DELETE /api/v1/imports/${result.importId})` : ''}.`,
          );
        } catch (error) {
          process.stderr.write('\n');
          const rows = (
            error as { extensions?: { rowErrors?: { row: number; field: string; message: string }[] } }
          ).extensions?.rowErrors;
          for (const e of rows?.slice(0, 20) ?? []) console.error(`row ${e.row}, ${e.field}: ${e.message}`);
          throw error;
        }
      }),
  );

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user; the first user of an empty database may be created this way')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--role <role>', `one of ${Role.options.join(', ')}`, 'administrator')
  .option('--password <password>', '12 to 128 characters, not a common one (or RAPPORT_NEW_USER_PASSWORD)')
  .option('--locale <locale>', 'en or zh-CN', 'en')
  .option('--competencies <codes>', 'e.g. L,C', (value) => {
    const codes = value.split(',').map((code) => code.trim().toUpperCase());
    for (const code of codes) {
      if (!Competency.safeParse(code).success) throw new InvalidArgumentError(`unknown competency ${code}`);
    }
    return codes;
  })
  .action((options) =>
    withDatabase(async (database) => {
      const parsed = UserCreate.safeParse({
        email: options.email,
        name: options.name,
        role: options.role,
        password: options.password ?? process.env.RAPPORT_NEW_USER_PASSWORD,
        locale: options.locale,
        competencies: options.competencies,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
        process.exitCode = 2;
        return;
      }
      const created = await createUserService(database.db).createAsSystem(parsed.data);
      console.log(`Created ${created.role} ${created.email} (${created.id})`);
    }),
  );

registerExportCommand(program, config);

program
  .command('docs')
  .description('print generated documentation')
  .argument('<page>', 'permissions')
  .action((page: string) => {
    if (page !== 'permissions') throw new InvalidArgumentError(`no generated page ${page}`);
    process.stdout.write(permissionsMarkdown());
  });

program
  .command('backup')
  .description(
    'back up the database while Rapport runs: FILE.jsonl.gz is portable (restores into SQLite or PostgreSQL); ' +
      'FILE.db of a SQLite database is SQLite’s online backup (a copy of the file)',
  )
  .argument('<file>', 'where to write the backup')
  .action(async (file: string) => {
    const database = openDatabase(config().databaseUrl);
    try {
      const summary = await backupDatabase(database, file, (line) => process.stderr.write(`${line}\n`));
      console.log(`Backed up ${summary.rows} rows of ${summary.tables} tables to ${file}.`);
    } finally {
      await database.close();
    }
  });

program
  .command('restore')
  .description(
    'restore a backup (FILE.jsonl.gz or FILE.db) into an empty database: checked whole first, written in one ' +
      'transaction, then migrated to this version',
  )
  .argument('<file>', 'a backup made by `rapport backup`')
  .option('--force', 'replace everything the database holds')
  .action(async (file: string, options: { force?: boolean }) => {
    const database = openDatabase(config().databaseUrl);
    try {
      const summary = await restoreDatabase(database, sourceOf(file), {
        force: Boolean(options.force),
        progress: (line) => process.stderr.write(`${line}\n`),
      });
      console.log(
        `Restored ${summary.rows} rows of ${summary.tables} tables from ${file}` +
          (summary.migratedAfter.length ? `, then applied ${summary.migratedAfter.join(', ')}.` : '.'),
      );
    } finally {
      await database.close();
    }
  });

program
  .command('report')
  .description('write a report as a PDF file: stakeholder-map, relationship-review, kpis or approach')
  .argument('<kind>', 'stakeholder-map, relationship-review, kpis or approach')
  .requiredOption('--out <file>', 'the PDF file to write')
  .option('--lang <lang>', 'en or zh-CN', 'en')
  .option('--from <date>', 'KPI report: first day of the period (YYYY-MM-DD)')
  .option('--to <date>', 'KPI report: last day of the period (YYYY-MM-DD)')
  .option('--review <id>', 'relationship review report: the review')
  .option('--as <email>', 'the reader the report is made for (default: the first administrator)')
  .action((kind: string, options: Parameters<typeof writeReportFile>[2]) =>
    withDatabase(async (database) => console.log(await writeReportFile(database.db, kind, options))),
  );

program.parseAsync().catch((error: unknown) => {
  const fields = (error as { errors?: { path: string; message: string }[] }).errors;
  console.error(error instanceof Error ? error.message : error);
  // A refusal that names records (the demo's removal) lists them.
  if (Array.isArray(fields))
    for (const field of fields.slice(0, 20)) console.error(`  ${field.path}: ${field.message}`);
  process.exit(1);
});
