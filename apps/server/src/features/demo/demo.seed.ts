import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { joinable } from '../../shared/transaction.js';
import type { Actor } from '../auth/actor.js';
import { createStakeholderService } from '../stakeholders/stakeholder.service.js';
import { findUserByEmail } from '../users/user.repository.js';
import { createUserService } from '../users/user.service.js';
import { seedDemoApproach } from './demo.approach.js';
import { demoOwners, demoReassessments, demoStakeholders } from './demo.data.js';
import { seedDemoExceptions } from './demo.exceptions.js';
import { seedDemoKpis } from './demo.kpis.js';
import { seedDemoNotifications } from './demo.notifications.js';
import { InsertRecorder } from './demo.recorder.js';
import { demoLoaded, recordDemoRows } from './demo.records.js';
import { seedDemoRelationships } from './demo.relationships.js';
import { seedDemoReviews } from './demo.reviews.js';
import { seedDemoSurveys } from './demo.surveys.js';
import { seedDemoWebhooks } from './demo.webhooks.js';

const DEMO_TAG = 'demo';

/** Loading the demo needs an administrator (the command line exits non-zero, the API answers 422). */
export class NoAdministratorError extends Error {
  constructor() {
    super(
      'The demo needs an administrator: create one first (npx rapport user create, or RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD).',
    );
  }
}

/**
 * Loads the demo organisation once, through the services, so it is audited like any other change: in one
 * transaction, so a failure leaves nothing behind and a rerun completes; every row it wrote is marked in
 * `demo_records`, so the demo can be removed as a whole later (demo.removal.ts).
 */
export async function seedDemo(db: Kysely<DB>, by?: Actor): Promise<string> {
  if (await demoLoaded(db)) return 'The demo organisation is loaded already.';
  return db.transaction().execute(async (trx) => {
    // Checked again under the write lock: another loader may have finished meanwhile.
    if (await demoLoaded(trx)) return 'The demo organisation is loaded already.';
    const recorder = new InsertRecorder();
    const summary = await seedDemoRows(joinable(trx.withPlugin(recorder)), by);
    await recordDemoRows(trx, recorder.rows);
    return summary;
  });
}

async function seedDemoRows(db: Kysely<DB>, by?: Actor): Promise<string> {
  const admin =
    by ??
    (await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('role', '=', 'administrator')
      .where('deactivated_at', 'is', null)
      .orderBy('created_at')
      .executeTakeFirst());
  if (!admin) throw new NoAdministratorError();
  const actor: Actor = by ?? { id: admin.id, name: admin.name, role: 'administrator', via: 'session' };

  const stakeholders = createStakeholderService(db);

  const users = createUserService(db);
  const ownerIds: string[] = [];
  for (const owner of demoOwners) {
    const found = await findUserByEmail(db, owner.email);
    ownerIds.push(
      found?.id ??
        (await users.create(actor, { ...owner, competencies: [...owner.competencies], locale: 'zh-CN' })).id,
    );
  }

  const idByKey = new Map<string, string>();
  for (const { key, parentKey, owner, ...seed } of demoStakeholders) {
    const created = await stakeholders.create(actor, {
      ...seed,
      parentId: parentKey ? idByKey.get(parentKey) : undefined,
      ownerId: owner === undefined ? undefined : ownerIds[owner],
      power: seed.power ?? false,
      legitimacy: seed.legitimacy ?? false,
      urgency: seed.urgency ?? false,
      emails: seed.emails ?? [],
      phones: seed.phones ?? [],
      tags: [...(seed.tags ?? []), DEMO_TAG],
      notes: seed.notes ?? '',
    });
    idByKey.set(key, created.id);
  }
  for (const change of demoReassessments) {
    const id = idByKey.get(change.key) as string;
    const current = await stakeholders.get(actor, id);
    await stakeholders.update(actor, id, current.version, {
      influence: change.influence,
      interest: change.interest,
      assessmentNote: change.note,
    });
  }
  const demoActor = (index: number): Actor => {
    const owner = demoOwners[index] as (typeof demoOwners)[number];
    return { id: ownerIds[index] as string, name: owner.name, role: owner.role, via: 'session' };
  };
  const people = { admin: actor, manager: demoActor(0), agent: demoActor(1), stakeholderIds: idByKey };
  const approach = await seedDemoApproach(db, people);
  const relationships = await seedDemoRelationships(db, people, approach.modelIds);
  await seedDemoExceptions(db, people);
  await seedDemoSurveys(db, people);
  await seedDemoReviews(db, people, approach.modelIds);
  await seedDemoWebhooks(db, people);
  await seedDemoKpis(db, people);
  await seedDemoNotifications(db);
  return `Loaded ${demoStakeholders.length} stakeholders, ${demoOwners.length} users, ${demoReassessments.length} re-assessments, ${approach.summary}, and ${relationships} relationships.`;
}
