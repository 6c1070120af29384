import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import { titleOf } from '../exports/csv-cells.js';

/** Rules about records for interactions: authorship of follow-ups, confidentiality everywhere a contact shows. */
describe.each(dialects)('who reads and changes interactions and follow-ups on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let author: Session;
  let owner: Session;
  let otherAgent: Session;
  let otherManager: Session;
  let outsider: Session;
  let viewer: Session;
  let relationshipId: string;
  let customerId: string;
  let witnessId: string;
  let secretId: string;
  let openId: string;

  const send = (as: Session, method: 'POST' | 'PATCH', url: string, payload: object, version?: number) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (as: Session, url: string) => as.request({ method: 'GET', url }).then((r) => r.json());
  const ids = (page: { data: { id: string }[] }) => page.data.map((row) => row.id);

  /** A follow-up owned by `owner` on an open interaction the contributor `author` logged. */
  async function followUp(confidential = false, ownerId: string | null = owner.user.id) {
    const logged = await send(author, 'POST', '/api/v1/interactions', {
      relationshipId,
      kind: 'call',
      occurredAt: '2026-04-01T10:00:00Z',
      confidential,
      summary: 'Asked for the renewal terms',
      followUps: [{ text: 'Send the terms', ownerId, dueOn: '2026-04-10' }],
    });
    expect(logged.statusCode, logged.body).toBe(201);
    return logged.json().followUps[0] as { id: string; version: number };
  }

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    author = await h.userWith('contributor');
    owner = await h.userWith('contributor');
    otherAgent = await h.userWith('relationship_agent');
    otherManager = await h.userWith('relationship_manager');
    outsider = await h.userWith('contributor');
    viewer = await h.userWith('viewer');
    customerId = (await h.admin.createStakeholder({ name: 'Northwind' })).id;
    witnessId = (await h.admin.createStakeholder({ name: 'Witness', category: 'supplier' })).id;
    const opened = await send(manager, 'POST', '/api/v1/relationships', {
      stakeholderId: customerId,
      ourRole: 'provider',
      managerId: manager.user.id,
      agentId: agent.user.id,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    relationshipId = opened.json().id;
    const secret = await send(author, 'POST', '/api/v1/interactions', {
      relationshipId,
      kind: 'meeting',
      occurredAt: '2026-03-01T10:00:00Z',
      confidential: true,
      summary: 'Merger under discussion',
      sentiment: -2,
      participantStakeholderIds: [witnessId],
      followUps: [{ text: 'Brief the board quietly', ownerId: agent.user.id }],
    });
    expect(secret.statusCode, secret.body).toBe(201);
    secretId = secret.json().id;
    const open = await send(author, 'POST', '/api/v1/interactions', {
      relationshipId,
      kind: 'email',
      occurredAt: '2026-03-02T10:00:00Z',
      summary: 'Sent the agenda',
    });
    openId = open.json().id;
  });
  afterAll(() => h.close());

  it("refuses a contributor or agent changing someone else's follow-up, writing nothing", async () => {
    const f = await followUp();
    const audited = (await get(h.admin, `/api/v1/audit-log?entity=follow_up&entityId=${f.id}`)).data.length;
    for (const as of [outsider, otherAgent, otherManager, author]) {
      for (const patch of [
        { done: true },
        { text: 'Changed' },
        { ownerId: as.user.id },
        { dueOn: '2027-01-01' },
      ]) {
        const refused = await send(as, 'PATCH', `/api/v1/follow-ups/${f.id}`, patch, f.version);
        expect(refused.statusCode, `${as.user.name} ${JSON.stringify(patch)}`).toBe(403);
      }
    }
    expect((await send(viewer, 'PATCH', `/api/v1/follow-ups/${f.id}`, { done: true }, 1)).statusCode).toBe(
      403,
    );
    const [stored] = (
      await get(h.admin, `/api/v1/follow-ups?relationshipId=${relationshipId}&limit=100`)
    ).data.filter((row: { id: string }) => row.id === f.id);
    expect(stored).toMatchObject({
      text: 'Send the terms',
      ownerId: owner.user.id,
      doneAt: null,
      version: 1,
    });
    expect((await get(h.admin, `/api/v1/audit-log?entity=follow_up&entityId=${f.id}`)).data).toHaveLength(
      audited,
    );
  });

  it('lets the owner, the relationship’s manager and agent, and an administrator change a follow-up', async () => {
    const f = await followUp();
    let version = f.version;
    for (const [as, patch] of [
      [owner, { done: true }],
      [agent, { dueOn: '2026-05-01' }],
      [manager, { text: 'Send the signed terms' }],
      [h.admin, { ownerId: otherAgent.user.id }],
    ] as const) {
      const changed = await send(as, 'PATCH', `/api/v1/follow-ups/${f.id}`, patch, version);
      expect(changed.statusCode, changed.body).toBe(200);
      version = changed.json().version;
    }
    // Handed on: the new owner may change it, the old one no longer.
    expect(
      (await send(owner, 'PATCH', `/api/v1/follow-ups/${f.id}`, { done: false }, version)).statusCode,
    ).toBe(403);
    const reopened = await send(otherAgent, 'PATCH', `/api/v1/follow-ups/${f.id}`, { done: false }, version);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({
      text: 'Send the signed terms',
      ownerId: otherAgent.user.id,
      dueOn: '2026-05-01',
      doneAt: null,
    });
  });

  it('lets the author change a follow-up nobody owns, until it has an owner', async () => {
    const f = await followUp(false, null);
    const taken = await send(author, 'PATCH', `/api/v1/follow-ups/${f.id}`, { ownerId: owner.user.id }, 1);
    expect(taken.statusCode, taken.body).toBe(200);
    expect((await send(author, 'PATCH', `/api/v1/follow-ups/${f.id}`, { done: true }, 2)).statusCode).toBe(
      403,
    );
    expect((await send(outsider, 'PATCH', `/api/v1/follow-ups/${f.id}`, { done: true }, 2)).statusCode).toBe(
      403,
    );
  });

  it('lets the owner of a follow-up of a confidential interaction change it without reading the interaction', async () => {
    const f = await followUp(true, otherAgent.user.id);
    expect(
      (await send(otherAgent, 'PATCH', `/api/v1/follow-ups/${f.id}`, { done: true }, 1)).statusCode,
    ).toBe(200);
    const mine = await get(otherAgent, '/api/v1/follow-ups?ownerId=me&limit=100');
    expect(ids(mine)).toContain(f.id);
  });

  it('keeps a confidential interaction hidden from other roles in every list, timeline and export', async () => {
    const readers = [h.admin, manager, agent, author];
    const others = [otherAgent, otherManager, outsider, viewer];
    for (const as of [...readers, ...others]) {
      const mayRead = readers.includes(as);
      const name = as.user.name;
      // The relationship timeline and the interaction list.
      for (const url of [
        `/api/v1/interactions?relationshipId=${relationshipId}&limit=100`,
        '/api/v1/interactions?limit=100',
        `/api/v1/interactions?authorId=${author.user.id}&kind=meeting&limit=100`,
      ]) {
        const secret = (await get(as, url)).data.find((row: { id: string }) => row.id === secretId);
        expect(secret, `${name} ${url}`).toMatchObject({ redacted: !mayRead });
        expect(secret.summary === 'Merger under discussion', `${name} ${url}`).toBe(mayRead);
        expect(secret.followUps.length > 0, name).toBe(mayRead);
        expect(secret.sentiment === -2, name).toBe(mayRead);
      }
      // The counterpart's timeline shows that it happened; the participant's shows it only to its readers.
      expect(ids(await get(as, `/api/v1/interactions?stakeholderId=${customerId}&limit=100`))).toContain(
        secretId,
      );
      expect(
        ids(await get(as, `/api/v1/interactions?stakeholderId=${witnessId}&limit=100`)).includes(secretId),
        name,
      ).toBe(mayRead);
      // One record.
      expect((await get(as, `/api/v1/interactions/${secretId}`)).redacted, name).toBe(!mayRead);
      // Search looks only into what the reader may read: no "does it mention a merger?" oracle.
      const searched = await get(as, '/api/v1/interactions?q=MERGER&count=true&limit=100');
      expect(ids(searched).includes(secretId), name).toBe(mayRead);
      expect(searched.total, name).toBe(mayRead ? 1 : 0);
      expect(ids(await get(as, '/api/v1/interactions?q=agenda&limit=100'))).toContain(openId);
      const searchExport = await as.request({ method: 'GET', url: '/api/v1/interactions/export?q=merger' });
      expect(searchExport.body.includes(secretId), name).toBe(mayRead);
      // The CSV export, as the list.
      const csv = await as.request({
        method: 'GET',
        url: `/api/v1/interactions/export?relationshipId=${relationshipId}`,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.body.includes('Merger under discussion'), name).toBe(mayRead);
      expect(csv.body.includes('Brief the board quietly'), name).toBe(mayRead);
      const [header = [], ...rows] = Papa.parse<string[]>(csv.body, { skipEmptyLines: true }).data;
      const idColumn = header.indexOf(titleOf('id'));
      expect(idColumn).toBeGreaterThanOrEqual(0);
      expect(
        rows.some((row) => row[idColumn] === secretId),
        name,
      ).toBe(true);
      // Follow-ups: the agent owns the confidential one; others do not see it in any list.
      const followUps = await get(as, `/api/v1/follow-ups?relationshipId=${relationshipId}&limit=100`);
      expect(
        followUps.data.some((row: { text: string }) => row.text === 'Brief the board quietly'),
        name,
      ).toBe(mayRead);
    }
    // The open one is whole for everyone.
    for (const as of others) {
      expect((await get(as, `/api/v1/interactions/${openId}`)).summary).toBe('Sent the agenda');
    }
  });

  it('refuses changing a confidential interaction to anyone but its author, the manager and administrators', async () => {
    for (const as of [otherAgent, otherManager, outsider, agent]) {
      const refused = await send(as, 'PATCH', `/api/v1/interactions/${secretId}`, { confidential: false }, 1);
      expect(refused.statusCode, as.user.name).toBe(403);
    }
    expect((await get(h.admin, `/api/v1/interactions/${secretId}`)).confidential).toBe(true);
    const corrected = await send(manager, 'PATCH', `/api/v1/interactions/${secretId}`, { sentiment: -1 }, 1);
    expect(corrected.statusCode, corrected.body).toBe(200);
  });
});
