import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { demoLoaded } from './demo.records.js';
import { removeDemoRows } from './demo.removal.js';
import { seedDemo } from './demo.seed.js';

/** The demo organisation from the web app: offered while the organisation is empty, removable as a whole. */
export function createDemoService(database: Database) {
  const { db } = database;
  return {
    async status(actor: Actor | null) {
      requirePermission(actor, 'demo.manage');
      const anyStakeholder = await db.selectFrom('stakeholders').select('id').limit(1).executeTakeFirst();
      return { loaded: await demoLoaded(db), organisationEmpty: !anyStakeholder };
    },

    async load(actor: Actor | null) {
      const admin = requirePermission(actor, 'demo.manage');
      if (await demoLoaded(db))
        throw new AppError('already_exists', 'The demo organisation is loaded already');
      const summary = await seedDemo(db, admin);
      if (!summary.startsWith('Loaded'))
        throw new AppError('already_exists', 'The demo organisation is loaded already');
      return { loaded: true, summary };
    },

    async remove(actor: Actor | null) {
      requirePermission(actor, 'demo.manage');
      const removed = await removeDemoRows(db, database.dialect, database.schema);
      return { loaded: false, removed };
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
