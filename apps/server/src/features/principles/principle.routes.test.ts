import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

describe.each(dialects)('principles on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;

  const send = (
    as: Session,
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    version?: number,
  ) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());
  const create = (as: Session, payload: object) =>
    send(as, 'POST', '/api/v1/principles', payload).then((r) => {
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    });

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
  });
  afterAll(() => h.close());

  it('takes a principle from draft to agreed, freezes that version and drafts the next one on edit', async () => {
    const draft = await create(agent, { title: 'Two-way communication', body: 'We listen **first**.' });
    expect(draft).toMatchObject({ status: 'draft', currentVersion: 1, agreedVersion: null, version: 1 });

    // A draft is edited in place: still version 1.
    const edited = (
      await send(
        agent,
        'PATCH',
        `/api/v1/principles/${draft.id}`,
        { body: 'We listen first, then speak.' },
        1,
      )
    ).json();
    expect(edited).toMatchObject({ currentVersion: 1, body: 'We listen first, then speak.', version: 2 });

    const proposed = (await send(agent, 'POST', `/api/v1/principles/${draft.id}/propose`, {}, 2)).json();
    expect(proposed).toMatchObject({ status: 'proposed', version: 3 });
    const whileProposed = await send(agent, 'PATCH', `/api/v1/principles/${draft.id}`, { body: 'x' }, 3);
    expect(whileProposed.statusCode).toBe(422);

    expect((await send(agent, 'POST', `/api/v1/principles/${draft.id}/agree`, {}, 3)).statusCode).toBe(403);
    const agreed = await send(
      manager,
      'POST',
      `/api/v1/principles/${draft.id}/agree`,
      { note: 'Board, 27 Nov' },
      3,
    );
    expect(agreed.json()).toMatchObject({
      status: 'agreed',
      agreedVersion: 1,
      agreedBy: manager.user.id,
      version: 4,
    });

    // Editing the agreed principle starts version 2 as a draft; version 1 stays in force, unchanged.
    const next = (
      await send(
        agent,
        'PATCH',
        `/api/v1/principles/${draft.id}`,
        { title: 'Always two-way', changeNote: 'shorter' },
        4,
      )
    ).json();
    expect(next).toMatchObject({
      status: 'draft',
      currentVersion: 2,
      agreedVersion: 1,
      title: 'Always two-way',
    });
    const v1 = await get(`/api/v1/principles/${draft.id}/versions/1`);
    expect(v1).toMatchObject({
      number: 1,
      status: 'agreed',
      title: 'Two-way communication',
      body: 'We listen first, then speak.',
      agreedBy: manager.user.id,
      agreementNote: 'Board, 27 Nov',
    });
    const versions = await get(`/api/v1/principles/${draft.id}/versions`);
    expect(versions.data.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'agreed'],
    ]);
    expect(versions.data[0].changeNote).toBe('shorter');

    // Agreeing version 2 retires version 1.
    await send(agent, 'POST', `/api/v1/principles/${draft.id}/propose`, {}, 5);
    const second = (await send(manager, 'POST', `/api/v1/principles/${draft.id}/agree`, {}, 6)).json();
    expect(second).toMatchObject({ status: 'agreed', agreedVersion: 2, currentVersion: 2 });
    expect((await get(`/api/v1/principles/${draft.id}/versions/1`)).status).toBe('retired');

    const retired = (
      await send(
        manager,
        'POST',
        `/api/v1/principles/${draft.id}/retire`,
        { note: 'Superseded by the charter' },
        7,
      )
    ).json();
    expect(retired).toMatchObject({ status: 'retired', agreedVersion: null });
    expect(await get(`/api/v1/principles/${draft.id}/versions/2`)).toMatchObject({
      status: 'retired',
      retirementNote: 'Superseded by the charter',
      agreementNote: '',
    });
    const audit = await get(`/api/v1/audit-log?entityId=${draft.id}`);
    expect(audit.data.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      'retire',
      'agree',
      'propose',
    ]);
    const afterRetire = await send(agent, 'PATCH', `/api/v1/principles/${draft.id}`, { body: 'revive' }, 8);
    expect(afterRetire.statusCode).toBe(422);
  });

  it('keeps a principle in force out of the hands of those who may not agree', async () => {
    const p = await create(agent, { title: 'In force' });
    await send(agent, 'POST', `/api/v1/principles/${p.id}/propose`, {}, 1);
    const other = await h.userWith('relationship_agent');
    expect((await send(other, 'POST', `/api/v1/principles/${p.id}/withdraw`, {}, 2)).statusCode).toBe(403);
    expect((await send(manager, 'POST', `/api/v1/principles/${p.id}/agree`)).statusCode).toBe(428);
    await send(manager, 'POST', `/api/v1/principles/${p.id}/agree`, {}, 2);
    expect((await send(agent, 'DELETE', `/api/v1/principles/${p.id}`, undefined, 3)).statusCode).toBe(403);
    expect((await send(agent, 'POST', `/api/v1/principles/${p.id}/retire`, {}, 3)).statusCode).toBe(403);
    expect(
      (await get(`/api/v1/principles?inForce=true&q=in force`)).data.map((x: { id: string }) => x.id),
    ).toEqual([p.id]);
    const archived = await send(manager, 'DELETE', `/api/v1/principles/${p.id}`, undefined, 3);
    expect(archived.json().archivedAt).not.toBeNull();
  });

  it('writes a change note on a draft, refuses one without a change elsewhere, and skips an empty edit', async () => {
    const p = await create(agent, { title: 'Notes' });
    const noted = (
      await send(agent, 'PATCH', `/api/v1/principles/${p.id}`, { changeNote: 'first cut' }, 1)
    ).json();
    expect(noted.version).toBe(2);
    expect((await get(`/api/v1/principles/${p.id}/versions/1`)).changeNote).toBe('first cut');
    const empty = await send(agent, 'PATCH', `/api/v1/principles/${p.id}`, {}, 2);
    expect(empty.json().version).toBe(2);
    await send(agent, 'POST', `/api/v1/principles/${p.id}/propose`, {}, 2);
    await send(manager, 'POST', `/api/v1/principles/${p.id}/agree`, {}, 3);
    const noteOnAgreed = await send(agent, 'PATCH', `/api/v1/principles/${p.id}`, { changeNote: 'why?' }, 4);
    expect(noteOnAgreed.statusCode).toBe(422);
    expect(noteOnAgreed.json().errors).toEqual([{ path: 'changeNote', message: expect.any(String) }]);
  });

  it('sends a proposal back to draft with a note', async () => {
    const p = await create(agent, { title: 'No surprises' });
    await send(agent, 'POST', `/api/v1/principles/${p.id}/propose`, {}, 1);
    const back = await send(
      manager,
      'POST',
      `/api/v1/principles/${p.id}/withdraw`,
      { note: 'Add an example' },
      2,
    );
    expect(back.json()).toMatchObject({ status: 'draft', currentVersion: 1 });
    expect((await get(`/api/v1/principles/${p.id}/versions/1`)).agreementNote).toBe('Add an example');
  });

  it('refuses steps out of order, retiring what was never agreed, and unknown versions', async () => {
    const p = await create(agent, { title: 'Out of order' });
    const agreeDraft = await send(manager, 'POST', `/api/v1/principles/${p.id}/agree`, {}, 1);
    expect(agreeDraft.statusCode).toBe(422);
    expect(agreeDraft.json().detail).toMatch(/draft/);
    expect((await send(manager, 'POST', `/api/v1/principles/${p.id}/withdraw`, {}, 1)).statusCode).toBe(422);
    expect((await send(manager, 'POST', `/api/v1/principles/${p.id}/retire`, {}, 1)).statusCode).toBe(422);
    expect(
      (await h.admin.request({ method: 'GET', url: `/api/v1/principles/${p.id}/versions/9` })).statusCode,
    ).toBe(404);
    expect((await h.admin.request({ method: 'GET', url: '/api/v1/principles/ghost' })).statusCode).toBe(404);
    expect((await get(`/api/v1/principles/${p.id}`)).version).toBe(1);
  });

  it('rejects bad input, a missing or stale version, and roles that may not write', async () => {
    const viewer = await h.userWith('viewer');
    const contributor = await h.userWith('contributor');
    const before = await h.count('audit_log');
    const principles = await h.count('principles');
    const bad = await send(agent, 'POST', '/api/v1/principles', {
      title: '',
      body: 'x'.repeat(100_001),
      nextReviewOn: '2026-13-01',
      owner: 'me',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body', 'nextReviewOn', 'owner', 'title']);
    expect((await send(viewer, 'POST', '/api/v1/principles', { title: 'Mine' })).statusCode).toBe(403);
    expect((await send(contributor, 'POST', '/api/v1/principles', { title: 'Mine' })).statusCode).toBe(403);
    expect(await h.count('principles')).toBe(principles);
    expect(await h.count('audit_log')).toBe(before);

    const p = await create(agent, { title: 'Versioned' });
    expect(
      (await send(agent, 'PATCH', `/api/v1/principles/${p.id}`, { body: 'no version' })).statusCode,
    ).toBe(428);
    await send(agent, 'PATCH', `/api/v1/principles/${p.id}`, { body: 'first' }, 1);
    const stale = await send(agent, 'PATCH', `/api/v1/principles/${p.id}`, { body: 'second' }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ body: 'first', version: 2 });
    expect((await viewerCanRead(viewer, p.id)).statusCode).toBe(200);
  });

  const viewerCanRead = (viewer: Session, id: string) =>
    viewer.request({ method: 'GET', url: `/api/v1/principles/${id}` });

  it('lets only one of two simultaneous edits of the same version through', async () => {
    const p = await create(agent, { title: 'Race' });
    const results = await Promise.all([
      send(agent, 'PATCH', `/api/v1/principles/${p.id}`, { body: 'A' }, 1),
      send(manager, 'PATCH', `/api/v1/principles/${p.id}`, { body: 'B' }, 1),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)?.json().body;
    expect((await get(`/api/v1/principles/${p.id}`)).body).toBe(winner);
  });

  it('filters by status, in force and review due, and pages through review dates with gaps', async () => {
    const tag = `filter-${dialect}`;
    const dates = ['2020-01-01', null, '2030-06-01', null, '2025-03-01'];
    const made = [];
    for (const [index, nextReviewOn] of dates.entries()) {
      made.push(await create(agent, { title: `${tag} ${index}`, nextReviewOn }));
    }
    // Agree the first: in force and past its review date.
    await send(agent, 'POST', `/api/v1/principles/${made[0].id}/propose`, {}, 1);
    await send(manager, 'POST', `/api/v1/principles/${made[0].id}/agree`, {}, 2);

    const ids = (page: { data: { id: string }[] }) => page.data.map((p) => p.id);
    expect(ids(await get(`/api/v1/principles?q=${tag}&inForce=true`))).toEqual([made[0].id]);
    expect(ids(await get(`/api/v1/principles?q=${tag}&reviewDue=true`))).toEqual([made[0].id]);
    expect((await get(`/api/v1/principles?q=${tag}&status=draft&count=true`)).total).toBe(4);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await get(
        `/api/v1/principles?q=${tag}&sort=nextReviewOn&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    const undated = [made[1].id, made[3].id].sort();
    expect(seen).toEqual([made[0].id, made[4].id, made[2].id, ...undated]);
  });

  it('archives a principle out of the list; an archived one is read-only until restored', async () => {
    const p = await create(agent, { title: 'Archive this principle' });
    const archived = (await send(agent, 'DELETE', `/api/v1/principles/${p.id}`, undefined, 1)).json();
    expect(archived.archivedAt).not.toBeNull();
    expect((await get('/api/v1/principles?q=archive this')).data).toEqual([]);
    expect((await send(agent, 'PATCH', `/api/v1/principles/${p.id}`, { body: 'x' }, 2)).statusCode).toBe(422);
    const restored = (await send(agent, 'POST', `/api/v1/principles/${p.id}/restore`, {}, 2)).json();
    expect(restored).toMatchObject({ archivedAt: null, version: 3 });
  });
});
