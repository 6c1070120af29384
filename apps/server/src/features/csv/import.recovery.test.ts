import type { Stakeholder } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { rowOf } from '../stakeholders/stakeholder.rules.js';
import { recoverImports } from './import.recovery.js';
import { insertImport } from './import.repository.js';
import { importWriter } from './import.writer.js';

/** An import that wrote its batches and then its process died (before publishing, or while publishing). */
async function halfImport(
  db: Kysely<DB>,
  template: Stakeholder,
  names: string[],
  state: 'running' | 'publishing',
) {
  const id = newId();
  const at = now();
  await insertImport(db, {
    id,
    kind: 'stakeholders',
    file_name: `${state}.csv`,
    actor_id: null,
    created: names.length,
    updated: 0,
    skipped: 0,
    created_at: at,
    undone_at: null,
    state: 'running',
    heartbeat_at: at,
  });
  const writer = importWriter(db, id);
  for (const name of names) {
    const stakeholderId = newId();
    const row = rowOf({ ...template, id: stakeholderId, name, externalRef: null, version: 1 });
    writer.create(row, {
      assessment: {
        stakeholderId,
        at,
        actorId: null,
        note: 'test',
        before: null,
        after: { influence: 3, interest: 3 },
      },
      audit: {
        actorId: null,
        action: 'import',
        entity: 'stakeholder',
        entityId: stakeholderId,
        before: null,
        after: null,
      },
    } as Parameters<typeof writer.create>[1]);
  }
  await writer.flush();
  // The process dies here: the heartbeat stops (set back a few minutes to say so).
  const old = new Date(Date.now() - 10 * 60_000).toISOString();
  await db.updateTable('imports').set({ state, heartbeat_at: old }).where('id', '=', id).execute();
  return id;
}

describe.each(dialects)('an import whose process died, on %s', (dialect) => {
  let h: Harness;
  let template: Stakeholder;
  beforeAll(async () => {
    h = await createHarness(dialect);
    // A stakeholder as the service stores it, copied for the import's rows, then deleted.
    template = await h.admin.createStakeholder({ name: 'Template', tags: ['pending-test'] });
    await h.test.database.db.deleteFrom('stakeholders').execute();
    await h.test.database.db.deleteFrom('audit_log').execute();
  });
  afterAll(() => h.close());

  const names = async (query: string) =>
    (await h.admin.request({ method: 'GET', url: `/api/v1/stakeholders?limit=200&${query}` }))
      .json()
      .data.map((s: { name: string }) => s.name)
      .sort();

  it('shows none of its stakeholders while unfinished, not even as archived, and is taken back whole', async () => {
    const id = await halfImport(h.test.database.db, template, ['Pending One', 'Pending Two'], 'running');
    expect(await names('q=Pending')).toEqual([]);
    expect(await names('q=Pending&archived=true')).toEqual([]);
    expect(await names('q=Pending&archived=only')).toEqual([]);
    const count = await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders?count=true&limit=1' });
    expect(count.json().total).toBe(0);

    // A fresh heartbeat is left alone: that import is alive.
    expect(await recoverImports(h.test.database.db, 60 * 60_000)).toBe(0);
    expect(await recoverImports(h.test.database.db)).toBe(1);
    expect(await h.count('stakeholders')).toBe(0);
    const imported = await h.test.database.db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(imported).toMatchObject({ state: 'failed', heartbeat_at: null });
    expect(imported.undone_at).not.toBeNull();
    expect(
      await h.test.database.db.selectFrom('audit_log').select('id').where('action', '=', 'import').execute(),
    ).toEqual([]);
    // Recovered once: a second pass finds nothing to do.
    expect(await recoverImports(h.test.database.db)).toBe(0);
  });

  it('one that died while publishing is published to the end', async () => {
    await halfImport(h.test.database.db, template, ['Shown A', 'Shown B', 'Shown C'], 'publishing');
    expect(await names('q=Shown')).toEqual([]);
    expect(await recoverImports(h.test.database.db)).toBe(1);
    expect(await names('q=Shown')).toEqual(['Shown A', 'Shown B', 'Shown C']);
  });
});
