import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

describe.each(dialects)('training materials on %s', (dialect) => {
  let h: Harness;
  let agent: Session;
  let otherAgent: Session;

  const post = (as: Session, url: string, payload?: object) => as.request({ method: 'POST', url, payload });
  const get = (as: Session, url: string) => as.request({ method: 'GET', url }).then((r) => r.json());

  beforeAll(async () => {
    h = await createHarness(dialect);
    agent = await h.userWith('relationship_agent', { name: 'Agnes Agent' });
    otherAgent = await h.userWith('relationship_agent', { name: 'Otto Agent' });
  });
  afterAll(() => h.close());

  it('counts who in the audience has read the current revision, and asks again after a change', async () => {
    const principle = (await post(h.admin, '/api/v1/principles', { title: 'Listen first' })).json();
    const created = await post(h.admin, '/api/v1/materials', {
      title: 'How we listen',
      kind: 'markdown',
      body: '# Listening\nAsk, then wait.',
      principleId: principle.id,
      audience: ['relationship_agent'],
    });
    expect(created.statusCode).toBe(201);
    const material = created.json();
    expect(material).toMatchObject({
      revision: 1,
      acknowledgement: { audience: 2, acknowledged: 0 },
      acknowledgedByMe: false,
    });
    expect(
      (await get(agent, '/api/v1/materials?pendingForMe=true')).data.map((m: { id: string }) => m.id),
    ).toEqual([material.id]);
    // The administrator is not in the audience: nothing is pending for them.
    expect((await get(h.admin, '/api/v1/materials?pendingForMe=true')).data).toEqual([]);

    const ack = await post(agent, `/api/v1/materials/${material.id}/acknowledgements`, { revision: 1 });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ materialId: material.id, userId: agent.user.id, revision: 1 });
    expect(await get(agent, `/api/v1/materials/${material.id}`)).toMatchObject({
      acknowledgement: { audience: 2, acknowledged: 1 },
      acknowledgedByMe: true,
    });
    expect((await get(agent, '/api/v1/materials?pendingForMe=true')).data).toEqual([]);
    const readers = await get(h.admin, `/api/v1/materials/${material.id}/acknowledgements`);
    expect(readers.acknowledged.map((r: { name: string }) => r.name)).toEqual(['Agnes Agent']);
    expect(readers.pending.map((r: { name: string }) => r.name)).toEqual(['Otto Agent']);
    expect((await get(h.admin, `/api/v1/materials?principleId=${principle.id}`)).data).toHaveLength(1);

    // A new text is a new revision: everyone reads it again; an acknowledgement of the old one is refused.
    const retitled = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/materials/${material.id}`,
      payload: { title: 'How we listen well' },
      headers: { 'if-match': '"1"' },
    });
    expect(retitled.json()).toMatchObject({ revision: 1, acknowledgement: { acknowledged: 1 } });
    const rewritten = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/materials/${material.id}`,
      payload: { body: '# Listening\nAsk, wait, summarise.' },
      headers: { 'if-match': '"2"' },
    });
    expect(rewritten.json()).toMatchObject({
      revision: 2,
      acknowledgement: { audience: 2, acknowledged: 0 },
    });
    const late = await post(otherAgent, `/api/v1/materials/${material.id}/acknowledgements`, { revision: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().current).toMatchObject({
      revision: 2,
      acknowledgedByMe: false,
      acknowledgement: { audience: 2 },
    });
    const again = await get(h.admin, `/api/v1/materials/${material.id}/acknowledgements`);
    expect(again.pending.find((r: { name: string }) => r.name === 'Agnes Agent').acknowledgedRevision).toBe(
      1,
    );
  });

  it('needs an http(s) address for a link and a text for Markdown, and known attachments', async () => {
    const before = await h.count('materials');
    const hostile = await post(h.admin, '/api/v1/materials', {
      title: 'Click me',
      kind: 'link',
      url: 'javascript:alert(1)',
      audience: [],
    });
    expect(hostile.statusCode).toBe(400);
    expect(
      hostile
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['audience', 'url']);
    const empty = await post(h.admin, '/api/v1/materials', {
      title: 'Nothing',
      kind: 'markdown',
      body: '   ',
      principleId: 'ghost',
      modelId: 'ghost',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body',
      'principleId',
      'modelId',
    ]);
    const noUrl = await post(h.admin, '/api/v1/materials', { title: 'Link', kind: 'link' });
    expect(noUrl.json().errors).toEqual([{ path: 'url', message: expect.any(String) }]);
    expect(await h.count('materials')).toBe(before);

    const link = await post(h.admin, '/api/v1/materials', {
      title: 'Gottman: the four horsemen',
      kind: 'link',
      url: 'https://www.gottman.com/blog/the-four-horsemen-recognizing-criticism-contempt-defensiveness-and-stonewalling/',
    });
    expect(link.json()).toMatchObject({
      kind: 'link',
      audience: ['relationship_manager', 'relationship_agent'],
    });
    expect(
      (await post(agent, '/api/v1/materials', { title: 'x', kind: 'markdown', body: 'y' })).statusCode,
    ).toBe(201);
    const viewer = await h.userWith('viewer');
    expect(
      (await post(viewer, '/api/v1/materials', { title: 'x', kind: 'markdown', body: 'y' })).statusCode,
    ).toBe(403);
    // Reading is open to every role; acknowledging is for the audience: others get 403 and nothing is written.
    expect(
      (await viewer.request({ method: 'GET', url: `/api/v1/materials/${link.json().id}` })).statusCode,
    ).toBe(200);
    const acknowledgements = await h.count('material_acknowledgements');
    const outsider = await post(viewer, `/api/v1/materials/${link.json().id}/acknowledgements`, {
      revision: 1,
    });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.headers['content-type']).toContain('application/problem+json');
    expect(await h.count('material_acknowledgements')).toBe(acknowledgements);
    const contributor = await h.userWith('contributor');
    expect(
      (await post(contributor, `/api/v1/materials/${link.json().id}/acknowledgements`, { revision: 1 }))
        .statusCode,
    ).toBe(403);
    // The administrator holds every permission but is not in this audience either.
    expect(
      (await post(h.admin, `/api/v1/materials/${link.json().id}/acknowledgements`, { revision: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await get(h.admin, `/api/v1/materials/${link.json().id}/acknowledgements`)).acknowledged).toEqual(
      [],
    );
    // A reader whose role left the audience later stays listed as such, and is not counted.
    expect(
      (await post(agent, `/api/v1/materials/${link.json().id}/acknowledgements`, { revision: 1 })).statusCode,
    ).toBe(200);
    const narrowed = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/materials/${link.json().id}`,
      payload: { audience: ['relationship_manager'] },
      headers: { 'if-match': `"${link.json().version}"` },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    const readers = await get(h.admin, `/api/v1/materials/${link.json().id}/acknowledgements`);
    expect(readers.acknowledged).toEqual([
      expect.objectContaining({ userId: agent.user.id, inAudience: false }),
    ]);
    expect((await get(h.admin, `/api/v1/materials/${link.json().id}`)).acknowledgement.acknowledged).toBe(0);
    // Acknowledging needs the revision read.
    expect((await post(agent, `/api/v1/materials/${link.json().id}/acknowledgements`, {})).statusCode).toBe(
      400,
    );
  });

  it('refuses to acknowledge an archived material', async () => {
    const m = (
      await post(h.admin, '/api/v1/materials', { title: 'Old', kind: 'markdown', body: 'old' })
    ).json();
    await h.admin.request({
      method: 'DELETE',
      url: `/api/v1/materials/${m.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(
      (await post(agent, `/api/v1/materials/${m.id}/acknowledgements`, { revision: 1 })).statusCode,
    ).toBe(422);
    expect((await post(agent, '/api/v1/materials/ghost/acknowledgements', { revision: 1 })).statusCode).toBe(
      404,
    );
  });
});
