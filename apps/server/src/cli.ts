import { Competency, Role, UserCreate } from '@rapport/contracts';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { permissionsMarkdown } from './features/auth/permissions.doc.js';
import { seedDemo } from './features/demo/demo.seed.js';
import { createUserService } from './features/users/user.service.js';
import { startServer } from './server.js';

const program = new Command('rapport').description('Rapport — the ITIL 4 Relationship Management practice');

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
    await migrateToLatest(database.db);
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
    const stop = async () => {
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const database = openDatabase(config().databaseUrl);
    try {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await database.close();
    }
  });

program
  .command('demo')
  .description('load the demo organisation (bilingual stakeholders across the map); needs an administrator')
  .action(() =>
    withDatabase(async (database) => {
      const summary = await seedDemo(database.db);
      console.log(summary);
    }),
  );

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user; the first user of an empty database may be created this way')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--role <role>', `one of ${Role.options.join(', ')}`, 'administrator')
  .option('--password <password>', 'at least 10 characters (or RAPPORT_NEW_USER_PASSWORD)')
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

program
  .command('docs')
  .description('print generated documentation')
  .argument('<page>', 'permissions')
  .action((page: string) => {
    if (page !== 'permissions') throw new InvalidArgumentError(`no generated page ${page}`);
    process.stdout.write(permissionsMarkdown());
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
