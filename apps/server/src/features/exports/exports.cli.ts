import { once } from 'node:events';
import fs from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import type { Config } from '../../config.js';
import { type Database, openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createServices } from '../../services.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { findUserByEmail } from '../users/user.repository.js';
import { listCsv } from './list-export.service.js';
import { exportQueryOf, listExportNamed, listExports } from './list-exports.js';
import { exportOrganisationToFile, importOrganisation } from './organisation-export.js';

const stderrLine = (line: string) => process.stderr.write(`${line}\n`);

/** `rapport import all FILE.json`: into an empty instance (the import brings the schema to the file's level). */
export async function importAllInto(database: Database, file: string) {
  const summary = await importOrganisation(database, file, stderrLine);
  console.log(
    `Imported ${summary.rows} rows of ${summary.tables} tables from ${file}` +
      (summary.migratedAfter.length ? `, then applied ${summary.migratedAfter.join(', ')}` : '') +
      '. Users sign in with their passwords as before; create API tokens and webhooks again.',
  );
}

/** `rapport export all FILE.json` (the organisation's data) or `rapport export <list> FILE.csv`. */
export function registerExportCommand(program: Command, config: () => Config) {
  program
    .command('export')
    .description(
      'export all of the organisation’s data as JSON (`rapport import all` reads it into an empty instance), ' +
        `or one list as CSV: ${listExports.map((list) => list.name).join(', ')}`,
    )
    .argument('<what>', 'all, or the name of a list')
    .argument('<file>', 'FILE.json for all, FILE.csv for a list')
    .option('--filter <query>', 'the list’s filters as in its URL, e.g. "status=open&sort=-createdAt"', '')
    .option(
      '--as <email>',
      'whose permissions and visibility apply to a list (default: the first administrator)',
    )
    .action(async (what: string, file: string, options: { filter: string; as?: string }) => {
      const settings = config();
      const database = openDatabase(settings.databaseUrl);
      try {
        if (what === 'all') {
          // As the download does: who took a copy of everything belongs in the audit log (here: the command line).
          await recordAudit(database.db, {
            actorId: null,
            action: 'export',
            entity: 'organisation',
            entityId: 'all',
            before: null,
            after: { via: 'command line' },
          });
          await exportOrganisationToFile(database, file, stderrLine);
          console.log(`Exported the organisation's data to ${file}.`);
          return;
        }
        const list = listExportNamed(what);
        if (!list)
          throw new InvalidArgumentError(
            `export all, or one of ${listExports.map((l) => l.name).join(', ')}`,
          );
        await migrateToLatest(database);
        const parsed = exportQueryOf(list).safeParse(Object.fromEntries(new URLSearchParams(options.filter)));
        if (!parsed.success) {
          for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
          process.exitCode = 2;
          return;
        }
        const row = options.as
          ? await findUserByEmail(database.db, options.as)
          : await database.db
              .selectFrom('users')
              .selectAll()
              .where('role', '=', 'administrator')
              .where('deactivated_at', 'is', null)
              .orderBy('created_at')
              .executeTakeFirst();
        if (!row) throw new Error(options.as ? `No user ${options.as}` : 'Create an administrator first');
        if (row.deactivated_at !== null) throw new Error(`${options.as} is deactivated`);
        const actor: Actor = { id: row.id, name: row.name, role: row.role as Actor['role'], via: 'token' };
        const services = createServices(database.db, settings);
        let rows = 0;
        const query = parsed.data as Record<string, unknown>;
        // The first page is read (and a refusal thrown) before the file is created, so a failure leaves no file.
        const chunks = await listCsv(services, list, actor, query, (n) => {
          rows += n;
        });
        const out = fs.createWriteStream(file);
        for await (const text of chunks) {
          if (!out.write(text)) await once(out, 'drain');
        }
        out.end();
        await once(out, 'finish');
        console.log(`Exported ${rows} ${list.name} rows to ${file}.`);
      } finally {
        await database.close();
      }
    });
}
