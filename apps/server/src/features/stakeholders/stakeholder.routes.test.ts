import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

describe.each(dialects)('stakeholders API on %s', (dialect) => {
  let h: Harness;
  let admin: Session;

  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = h.admin;
  });
  afterAll(() => h.close());

  describe('POST /api/v1/stakeholders', () => {
    let before: { stakeholders: number; audit: number };
    beforeEach(async () => {
      before = { stakeholders: await h.count('stakeholders'), audit: await h.count('audit_log') };
    });
    const nothingWritten = async () => {
      expect(await h.count('stakeholders')).toBe(before.stakeholders);
      expect(await h.count('audit_log')).toBe(before.audit);
    };

    it('rejects an influence of 7, a text interest, a missing category and an unknown field, all at once', async () => {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        payload: { name: 'Acme', influence: 7, interest: 'high', colour: 'red' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.status).toBe(400);
      const paths = problem.errors.map((error: { path: string }) => error.path).sort();
      expect(paths).toEqual(['category', 'colour', 'influence', 'interest']);
      expect(problem.errors.find((e: { path: string }) => e.path === 'colour').message).toBe('unknown field');
      await nothingWritten();
    });

    it('rejects names over 200 characters, notes over 100,000 and more than 100 e-mails as field errors', async () => {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        payload: {
          name: 'x'.repeat(201),
          category: 'customer',
          influence: 3,
          interest: 3,
          notes: 'n'.repeat(100_001),
          emails: Array.from({ length: 101 }, (_, i) => `p${i}@example.com`),
        },
      });
      expect(response.statusCode).toBe(400);
      const paths = response.json().errors.map((error: { path: string }) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['name', 'notes', 'emails']));
      await nothingWritten();
    });

    it('rejects an invalid e-mail and names the list position', async () => {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        payload: {
          name: 'A',
          category: 'customer',
          influence: 3,
          interest: 3,
          emails: ['a@example.com', 'nope'],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ path: 'emails.1', message: expect.any(String) }]);
      await nothingWritten();
    });

    it('answers 413 to a body over 1 MB and writes nothing', async () => {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          name: 'big',
          category: 'customer',
          influence: 3,
          interest: 3,
          notes: 'x'.repeat(1_100_000),
        }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().type).toContain('payload-too-large');
      await nothingWritten();
    });

    it('answers 400 to malformed JSON', async () => {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        headers: { 'content-type': 'application/json' },
        payload: '{"name": ',
      });
      expect(response.statusCode).toBe(400);
      await nothingWritten();
    });

    it('rejects an owner that does not exist and a parent that does not exist, both at once', async () => {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        payload: {
          name: 'Orphan',
          category: 'customer',
          influence: 3,
          interest: 3,
          ownerId: 'nobody',
          parentId: 'nothing',
        },
      });
      expect(response.statusCode).toBe(422);
      expect(
        response
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['ownerId', 'parentId']);
      await nothingWritten();
    });

    it('creates a stakeholder with derived quadrant and salience, its first assessment and an audit entry', async () => {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        payload: {
          name: '  国家电网 State Grid ',
          category: 'supplier',
          influence: 4,
          interest: 2,
          power: true,
          urgency: true,
          emails: ['Procurement@Grid.example'],
          tags: ['Energy'],
          ownerId: admin.user.id,
        },
      });
      expect(response.statusCode).toBe(201);
      const created = response.json();
      expect(response.headers.location).toBe(`/api/v1/stakeholders/${created.id}`);
      expect(created).toMatchObject({
        name: '国家电网 State Grid',
        kind: 'person',
        scope: 'external',
        quadrant: 'keep_satisfied',
        salience: 'dangerous',
        emails: ['procurement@grid.example'],
        version: 1,
        archivedAt: null,
      });
      expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

      const history = (
        await admin.request({ method: 'GET', url: `/api/v1/stakeholders/${created.id}/assessments` })
      ).json();
      expect(history.data).toHaveLength(1);
      expect(history.data[0]).toMatchObject({ before: null, actorId: admin.user.id, actorName: 'Ada Admin' });
      expect(history.data[0].after).toMatchObject({ influence: 4, interest: 2, power: true, urgency: true });

      const audit = (
        await admin.request({
          method: 'GET',
          url: `/api/v1/audit-log?entity=stakeholder&entityId=${created.id}`,
        })
      ).json();
      expect(audit.data).toEqual([
        expect.objectContaining({ action: 'create', actorId: admin.user.id, before: null, after: created }),
      ]);
    });
  });

  describe('external references', () => {
    it('names one stakeholder: a second one is a field error, and the database refuses a twin too', async () => {
      const first = await admin.createStakeholder({ externalRef: 'crm-42' });
      const second = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        payload: { name: 'Twin', category: 'customer', influence: 3, interest: 3, externalRef: 'crm-42' },
      });
      expect(second.statusCode).toBe(422);
      expect(second.json().errors).toEqual([{ path: 'externalRef', message: 'another stakeholder has it' }]);
      const row = await h.test.database.db
        .selectFrom('stakeholders')
        .selectAll()
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow();
      await expect(
        h.test.database.db
          .insertInto('stakeholders')
          .values({ ...row, id: 'raced-in' })
          .execute(),
      ).rejects.toMatchObject({ code: dialect === 'sqlite' ? 'SQLITE_CONSTRAINT_UNIQUE' : '23505' });
    });
  });

  describe('GET /api/v1/stakeholders/{id}', () => {
    it('answers 404 problem+json for an unknown id', async () => {
      const response = await admin.request({ method: 'GET', url: '/api/v1/stakeholders/unknown-id' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('PATCH /api/v1/stakeholders/{id}', () => {
    it('needs a version: 428 without one, and nothing changes', async () => {
      const s = await admin.createStakeholder();
      const response = await admin.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${s.id}`,
        payload: { name: 'New' },
      });
      expect(response.statusCode).toBe(428);
      const after = (await admin.request({ method: 'GET', url: `/api/v1/stakeholders/${s.id}` })).json();
      expect(after).toEqual(s);
    });

    it('refuses a stale version with 409 and the current record, writing nothing', async () => {
      const s = await admin.createStakeholder();
      const first = await admin.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${s.id}`,
        headers: { 'if-match': `"${s.version}"` },
        payload: { name: 'First edit' },
      });
      expect(first.statusCode).toBe(200);
      const auditBefore = await h.count('audit_log');
      const stale = await admin.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${s.id}`,
        payload: { name: 'Second edit', influence: 5, version: s.version },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toMatchObject({ name: 'First edit', version: 2, influence: s.influence });
      expect(await h.count('audit_log')).toBe(auditBefore);
    });

    it('records an assessment with before and after when the position changes, and none for a note', async () => {
      const s = await admin.createStakeholder({ influence: 2, interest: 2 });
      const moved = await admin.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${s.id}`,
        headers: { 'if-match': '"1"' },
        payload: { influence: 5, engagementCurrent: 'neutral', assessmentNote: 'New CFO' },
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ influence: 5, quadrant: 'keep_satisfied', version: 2 });
      const notesOnly = await admin.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${s.id}`,
        headers: { 'if-match': '"2"' },
        payload: { notes: 'Prefers e-mail' },
      });
      expect(notesOnly.statusCode).toBe(200);
      const history = (
        await admin.request({ method: 'GET', url: `/api/v1/stakeholders/${s.id}/assessments` })
      ).json();
      expect(history.data).toHaveLength(2);
      expect(history.data[0]).toMatchObject({
        note: 'New CFO',
        before: { influence: 2, engagementCurrent: null },
        after: { influence: 5, engagementCurrent: 'neutral' },
      });
    });

    it('refuses to make a stakeholder its own ancestor', async () => {
      const parent = await admin.createStakeholder();
      const child = await admin.createStakeholder({ parentId: parent.id });
      const response = await admin.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${parent.id}`,
        headers: { 'if-match': '"1"' },
        payload: { parentId: child.id },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        { path: 'parentId', message: expect.stringContaining('ancestor') },
      ]);
    });

    it('rejects unknown fields in a patch', async () => {
      const s = await admin.createStakeholder();
      const response = await admin.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${s.id}`,
        headers: { 'if-match': '"1"' },
        payload: { quadrant: 'monitor' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ path: 'quadrant', message: 'unknown field' }]);
    });
  });

  describe('DELETE /api/v1/stakeholders/{id} archives', () => {
    it('keeps the record readable, leaves it out of lists, and restores it', async () => {
      const s = await admin.createStakeholder({ name: 'Archivable Ltd' });
      const archived = await admin.request({
        method: 'DELETE',
        url: `/api/v1/stakeholders/${s.id}`,
        payload: { version: 1 },
      });
      expect(archived.statusCode).toBe(200);
      expect(archived.json().archivedAt).not.toBeNull();
      expect((await admin.request({ method: 'GET', url: `/api/v1/stakeholders/${s.id}` })).statusCode).toBe(
        200,
      );

      const list = (q: string) =>
        admin
          .request({ method: 'GET', url: `/api/v1/stakeholders?q=archivable&${q}` })
          .then((r) => r.json().data);
      expect(await list('')).toHaveLength(0);
      expect(await list('archived=true')).toHaveLength(1);
      expect(await list('archived=only')).toHaveLength(1);

      const edit = await admin.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${s.id}`,
        headers: { 'if-match': '"2"' },
        payload: { name: 'Changed' },
      });
      expect(edit.statusCode).toBe(422);

      const restored = await admin.request({
        method: 'POST',
        url: `/api/v1/stakeholders/${s.id}/restore`,
        headers: { 'if-match': '"2"' },
      });
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
      expect(await list('')).toHaveLength(1);
    });
  });

  describe('permissions', () => {
    it('lets a viewer read but refuses their writes with 403, writing nothing', async () => {
      const viewer = await h.userWith('viewer');
      const s = await admin.createStakeholder();
      expect((await viewer.request({ method: 'GET', url: `/api/v1/stakeholders/${s.id}` })).statusCode).toBe(
        200,
      );
      const count = await h.count('stakeholders');
      const create = await viewer.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        payload: { name: 'No', category: 'customer', influence: 3, interest: 3 },
      });
      expect(create.statusCode).toBe(403);
      const patch = await viewer.request({
        method: 'PATCH',
        url: `/api/v1/stakeholders/${s.id}`,
        headers: { 'if-match': '"1"' },
        payload: { name: 'No' },
      });
      expect(patch.statusCode).toBe(403);
      expect(await h.count('stakeholders')).toBe(count);
    });

    it('lets a contributor edit but not archive', async () => {
      const contributor = await h.userWith('contributor');
      const s = await contributor.createStakeholder();
      const archive = await contributor.request({
        method: 'DELETE',
        url: `/api/v1/stakeholders/${s.id}`,
        headers: { 'if-match': '"1"' },
      });
      expect(archive.statusCode).toBe(403);
    });

    it('answers 401 to a request that is not signed in', async () => {
      const response = await h.app.inject({ method: 'GET', url: '/api/v1/stakeholders' });
      expect(response.statusCode).toBe(401);
    });

    it('refuses a cookie-signed write from another origin or with no origin', async () => {
      const payload = { name: 'CSRF', category: 'customer', influence: 3, interest: 3 };
      const count = await h.count('stakeholders');
      const foreign = await admin.request({
        method: 'POST',
        url: '/api/v1/stakeholders',
        headers: { origin: 'https://evil.example' },
        payload,
      });
      expect(foreign.statusCode).toBe(403);
      const none = await h.app.inject({
        method: 'POST',
        url: '/api/v1/stakeholders',
        headers: { cookie: admin.cookie },
        payload,
      });
      expect(none.statusCode).toBe(403);
      expect(await h.count('stakeholders')).toBe(count);
    });
  });
});
