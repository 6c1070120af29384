import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};

type Method = 'POST' | 'PATCH' | 'DELETE';

describe.each(dialects)('the exception register on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let contributor: Session;
  let viewer: Session;
  let customer: { id: string };
  let colleague: { id: string };
  let modelId: string;

  const send = (as: Session, method: Method, url: string, payload?: object, version?: number) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const get = (as: Session, url: string) => as.request({ method: 'GET', url }).then((r) => r.json());
  const openRelationship = async (withModel = true) => {
    const response = await send(h.admin, 'POST', '/api/v1/relationships', {
      stakeholderId: customer.id,
      ourRole: 'provider',
      ...(withModel && { modelId }),
      managerId: manager.user.id,
      agentId: agent.user.id,
      startedOn: new Date().toISOString().slice(0, 10),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const raise = async (as: Session, body: object) => {
    const response = await send(as, 'POST', '/api/v1/exceptions', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const move = (as: Session, id: string, version: number, body: object) =>
    send(as, 'POST', `/api/v1/exceptions/${id}/transitions`, body, version);
  const exceptionsComponent = async (relationshipId: string) =>
    (await get(manager, `/api/v1/relationships/${relationshipId}`)).health.reasons.find(
      (reason: { component: string }) => reason.component === 'exceptions',
    );

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    contributor = await h.userWith('contributor');
    viewer = await h.userWith('viewer');
    const group = (await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: 'Customers' })).json();
    customer = await h.admin.createStakeholder({ name: 'Contoso' });
    colleague = await h.admin.createStakeholder({
      name: 'Service desk',
      scope: 'internal',
      category: 'internal_team',
    });
    await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
      stakeholderIds: [customer.id],
    });
    const model = (
      await send(manager, 'POST', '/api/v1/relationship-models', {
        name: 'Partnership',
        description: 'How we work with customers.',
        groupIds: [group.id],
        relationshipType: 'cooperative',
        communality,
        steps: [{ key: 'engage', name: 'Engage' }],
      })
    ).json();
    modelId = model.id;
    await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/propose`, {}, 1);
    const agreed = await send(manager, 'POST', `/api/v1/relationship-models/${modelId}/agree`, {}, 2);
    expect(agreed.statusCode, agreed.body).toBe(200);
  });
  afterAll(() => h.close());

  it('raises a toxic behaviour with its antidote and walks it through mediation to closure, keeping the history', async () => {
    const r = await openRelationship();
    const raised = await raise(contributor, {
      relationshipId: r.id,
      title: 'Eye-rolling in the steering meeting',
      description: 'The **account lead** mocked our proposal.',
      type: 'toxic_behaviour',
      toxicBehaviour: 'contempt',
      severity: 'moderate',
      ownerId: agent.user.id,
      dueOn: '2026-12-31',
      occurredOn: '2026-11-20',
    });
    expect(raised).toMatchObject({
      relationshipId: r.id,
      relationshipName: r.name,
      status: 'open',
      reportedBy: contributor.user.id,
      reporterHidden: false,
      toxicBehaviour: 'contempt',
      guidance: expect.stringContaining('appreciation'),
      version: 1,
      // A contributor reports but does not handle someone else's exception.
      allowedTransitions: [],
    });
    expect((await get(agent, `/api/v1/exceptions/${raised.id}`)).allowedTransitions).toEqual([
      'in_mediation',
      'resolved',
      'escalated',
    ]);
    // The contributor may not move it on.
    expect((await move(contributor, raised.id, 1, { to: 'in_mediation' })).statusCode).toBe(403);

    const mediating = await move(agent, raised.id, 1, { to: 'in_mediation', note: 'Meeting booked' });
    expect(mediating.statusCode, mediating.body).toBe(200);
    const notes = await send(
      agent,
      'PATCH',
      `/api/v1/exceptions/${raised.id}`,
      { mediationNotes: 'Both sides agreed to a **respect charter**.' },
      2,
    );
    expect(notes.json()).toMatchObject({
      status: 'in_mediation',
      mediationNotes: expect.any(String),
      version: 3,
    });

    // Resolving needs a resolution.
    const bare = await move(agent, raised.id, 3, { to: 'resolved' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors).toEqual([{ path: 'resolution', message: expect.any(String) }]);
    const resolved = await move(agent, raised.id, 3, {
      to: 'resolved',
      resolution: 'Apology given; charter signed',
    });
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolution: 'Apology given; charter signed',
    });
    expect(resolved.json().resolvedAt).not.toBeNull();
    const closed = (await move(agent, raised.id, 4, { to: 'closed', version: 4 })).json();
    expect(closed).toMatchObject({ status: 'closed', allowedTransitions: [], version: 5 });
    expect(closed.closedAt).not.toBeNull();
    // Closed is read-only and final.
    expect((await move(agent, raised.id, 5, { to: 'open' })).statusCode).toBe(422);
    expect(
      (await send(agent, 'PATCH', `/api/v1/exceptions/${raised.id}`, { title: 'x' }, 5)).statusCode,
    ).toBe(422);

    const history = await get(viewer, `/api/v1/exceptions/${raised.id}/transitions`);
    expect(history.data.map((t: { from: string; to: string }) => `${t.from}>${t.to}`)).toEqual([
      'open>in_mediation',
      'in_mediation>resolved',
      'resolved>closed',
    ]);
    expect(history.data[0]).toMatchObject({ note: 'Meeting booked', actorId: agent.user.id });
  });

  it('allows exactly the workflow’s transitions and names the allowed ones when refusing', async () => {
    const r = await openRelationship();
    const allowed: Record<string, string[]> = {
      open: ['in_mediation', 'resolved', 'escalated'],
      in_mediation: ['resolved', 'escalated'],
      escalated: ['in_mediation', 'resolved'],
      resolved: ['closed'],
      closed: [],
    };
    // How to reach each status from open.
    const paths: Record<string, string[]> = {
      open: [],
      in_mediation: ['in_mediation'],
      escalated: ['escalated'],
      resolved: ['resolved'],
      closed: ['resolved', 'closed'],
    };
    const statuses = Object.keys(allowed);
    for (const from of statuses) {
      for (const to of statuses) {
        const e = await raise(agent, {
          relationshipId: r.id,
          title: `${from} to ${to}`,
          type: 'conflict',
          severity: 'minor',
        });
        let version = 1;
        for (const step of paths[from] as string[]) {
          const moved = await move(manager, e.id, version, { to: step, resolution: 'Settled' });
          expect(moved.statusCode, moved.body).toBe(200);
          version += 1;
        }
        const transitionsBefore = await h.count('exception_transitions');
        const response = await move(manager, e.id, version, { to, resolution: 'Settled' });
        if ((allowed[from] as string[]).includes(to)) {
          expect(response.statusCode, `${from} → ${to}`).toBe(200);
          expect(response.json().status).toBe(to);
        } else {
          expect(response.statusCode, `${from} → ${to}`).toBe(422);
          const problem = response.json();
          expect(problem.errors).toEqual([
            {
              path: 'to',
              message: allowed[from]?.length ? `allowed: ${allowed[from]?.join(', ')}` : 'no move is allowed',
            },
          ]);
          for (const status of allowed[from] as string[]) expect(problem.detail).toContain(status);
          expect(await h.count('exception_transitions')).toBe(transitionsBefore);
          expect((await get(manager, `/api/v1/exceptions/${e.id}`)).version).toBe(version);
        }
      }
    }
  });

  it('names every field error at once and writes nothing on rejection', async () => {
    const r = await openRelationship();
    const before = await h.count('exceptions');
    const mirrored = await h.count('exception_stakeholders');
    const audit = await h.count('audit_log');
    const bad = await send(agent, 'POST', '/api/v1/exceptions', {
      relationshipId: r.id,
      title: '',
      type: 'gossip',
      severity: 'catastrophic',
      colour: 'red',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(expect.arrayContaining(['severity', 'title', 'type']));
    expect(bad.body).toContain('colour');

    const missing = await send(agent, 'POST', '/api/v1/exceptions', { relationshipId: r.id });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['title', 'type', 'severity']),
    );

    // The toxic behaviour is required exactly with type toxic_behaviour; references must exist.
    const toxicWithout = await send(agent, 'POST', '/api/v1/exceptions', {
      relationshipId: r.id,
      title: 'Sarcasm',
      type: 'toxic_behaviour',
      severity: 'minor',
      ownerId: 'no-such-user',
      stakeholderIds: [customer.id, 'no-such-stakeholder'],
    });
    expect(toxicWithout.statusCode).toBe(422);
    expect(toxicWithout.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'toxicBehaviour',
      'stakeholderIds.1',
      'ownerId',
    ]);
    const behaviourWithoutToxic = await send(agent, 'POST', '/api/v1/exceptions', {
      relationshipId: r.id,
      title: 'Complaint',
      type: 'complaint',
      toxicBehaviour: 'criticism',
      severity: 'minor',
    });
    expect(behaviourWithoutToxic.statusCode).toBe(422);
    expect(behaviourWithoutToxic.json().errors).toEqual([
      { path: 'toxicBehaviour', message: expect.any(String) },
    ]);
    const badBehaviour = await send(agent, 'POST', '/api/v1/exceptions', {
      relationshipId: r.id,
      title: 'x',
      type: 'toxic_behaviour',
      toxicBehaviour: 'gaslighting',
      severity: 'minor',
    });
    expect(badBehaviour.statusCode).toBe(400);
    const nowhere = await send(agent, 'POST', '/api/v1/exceptions', {
      title: 'x',
      type: 'crisis',
      severity: 'severe',
    });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().errors).toEqual([{ path: 'stakeholderIds', message: expect.any(String) }]);
    const tooMany = await send(agent, 'POST', '/api/v1/exceptions', {
      title: 'x',
      type: 'crisis',
      severity: 'severe',
      stakeholderIds: Array.from({ length: 21 }, () => customer.id),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(await h.count('exceptions')).toBe(before);
    expect(await h.count('exception_stakeholders')).toBe(mirrored);
    expect(await h.count('audit_log')).toBe(audit);

    // Between stakeholders only, internal ones too; a patch keeps the rules.
    const between = await raise(agent, {
      stakeholderIds: [customer.id, colleague.id],
      title: 'Blame over the outage',
      type: 'conflict',
      severity: 'moderate',
    });
    expect(between).toMatchObject({ relationshipId: null, stakeholderIds: [customer.id, colleague.id] });
    const found = await get(agent, `/api/v1/exceptions?stakeholderId=${colleague.id}`);
    expect(found.data.map((e: { id: string }) => e.id)).toEqual([between.id]);
    const wrongPatch = await send(
      agent,
      'PATCH',
      `/api/v1/exceptions/${between.id}`,
      { toxicBehaviour: 'contempt', severity: 'huge', note: 'x' },
      1,
    );
    expect(wrongPatch.statusCode).toBe(400);
    const rulePatch = await send(
      agent,
      'PATCH',
      `/api/v1/exceptions/${between.id}`,
      { toxicBehaviour: 'contempt' },
      1,
    );
    expect(rulePatch.statusCode).toBe(422);
    const toToxic = await send(
      agent,
      'PATCH',
      `/api/v1/exceptions/${between.id}`,
      { type: 'toxic_behaviour', toxicBehaviour: 'stonewalling' },
      1,
    );
    expect(toToxic.json()).toMatchObject({
      toxicBehaviour: 'stonewalling',
      guidance: expect.stringContaining('20 minutes'),
    });
    // Back to a conflict: the behaviour goes with the type.
    const back = await send(agent, 'PATCH', `/api/v1/exceptions/${between.id}`, { type: 'conflict' }, 2);
    expect(back.json()).toMatchObject({ type: 'conflict', toxicBehaviour: null, guidance: null });
  });

  it('needs a version: 428 without, 409 with the current record when stale, nothing written', async () => {
    const r = await openRelationship();
    const e = await raise(agent, {
      relationshipId: r.id,
      title: 'Late invoices',
      type: 'complaint',
      severity: 'minor',
    });
    expect((await send(agent, 'PATCH', `/api/v1/exceptions/${e.id}`, { title: 'New' })).statusCode).toBe(428);
    expect(
      (await send(agent, 'POST', `/api/v1/exceptions/${e.id}/transitions`, { to: 'escalated' })).statusCode,
    ).toBe(428);
    await send(agent, 'PATCH', `/api/v1/exceptions/${e.id}`, { title: 'Late invoices again' }, 1);
    const transitions = await h.count('exception_transitions');
    const stale = await move(manager, e.id, 1, { to: 'escalated' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({
      id: e.id,
      version: 2,
      title: 'Late invoices again',
      status: 'open',
    });
    const stalePatch = await send(manager, 'PATCH', `/api/v1/exceptions/${e.id}`, { severity: 'severe' }, 1);
    expect(stalePatch.statusCode).toBe(409);
    expect(await h.count('exception_transitions')).toBe(transitions);
    expect(await get(manager, `/api/v1/exceptions/${e.id}`)).toMatchObject({ severity: 'minor', version: 2 });
    expect((await get(manager, '/api/v1/exceptions/nope')).status).toBe(404);
  });

  it('grants reporting, handling and reading per role; the owner and the relationship’s manager handle theirs', async () => {
    const r = await openRelationship();
    const body = {
      relationshipId: r.id,
      title: 'Missed escalation',
      type: 'breach_of_trust',
      severity: 'severe',
    };
    expect((await send(viewer, 'POST', '/api/v1/exceptions', body)).statusCode).toBe(403);
    const unsigned = await h.app.inject({ method: 'GET', url: '/api/v1/exceptions' });
    expect(unsigned.statusCode).toBe(401);
    for (const role of [h.admin, manager, agent, contributor]) await raise(role, body);
    const e = await raise(contributor, body);
    expect((await get(viewer, `/api/v1/exceptions/${e.id}`)).title).toBe('Missed escalation');
    expect((await move(viewer, e.id, 1, { to: 'escalated' })).statusCode).toBe(403);
    expect(
      (await send(contributor, 'PATCH', `/api/v1/exceptions/${e.id}`, { severity: 'minor' }, 1)).statusCode,
    ).toBe(403);
    expect((await send(contributor, 'DELETE', `/api/v1/exceptions/${e.id}`, undefined, 1)).statusCode).toBe(
      403,
    );

    // A contributor who owns it, or manages its relationship, may handle it.
    const owned = await raise(agent, { ...body, ownerId: contributor.user.id });
    expect((await move(contributor, owned.id, 1, { to: 'escalated' })).statusCode).toBe(200);
    const contributorManaged = (
      await send(h.admin, 'POST', '/api/v1/relationships', {
        stakeholderId: colleague.id,
        ourRole: 'consumer',
        managerId: contributor.user.id,
        startedOn: '2026-01-01',
      })
    ).json();
    const theirs = await raise(agent, { ...body, relationshipId: contributorManaged.id });
    expect((await move(contributor, theirs.id, 1, { to: 'in_mediation' })).statusCode).toBe(200);

    // Archive and restore need exceptions.manage.
    const archived = await send(agent, 'DELETE', `/api/v1/exceptions/${e.id}`, undefined, 1);
    expect(archived.json().archivedAt).not.toBeNull();
    expect(
      (await get(agent, `/api/v1/exceptions?relationshipId=${r.id}`)).data.map((x: { id: string }) => x.id),
    ).not.toContain(e.id);
    expect((await move(agent, e.id, 2, { to: 'escalated' })).statusCode).toBe(422);
    expect(
      (await send(agent, 'POST', `/api/v1/exceptions/${e.id}/restore`, {}, 2)).json().archivedAt,
    ).toBeNull();
  });

  it('hides a hidden reporter from everyone but administrators, in the record and the audit log', async () => {
    const r = await openRelationship();
    const secret = await raise(contributor, {
      relationshipId: r.id,
      title: 'Harassment by the account lead',
      type: 'toxic_behaviour',
      toxicBehaviour: 'criticism',
      severity: 'severe',
      reporterHidden: true,
    });
    expect(secret).toMatchObject({ reportedBy: null, reporterHidden: true });
    for (const reader of [manager, agent, viewer, contributor]) {
      expect(await get(reader, `/api/v1/exceptions/${secret.id}`)).toMatchObject({ reportedBy: null });
      const listed = await get(reader, `/api/v1/exceptions?relationshipId=${r.id}`);
      expect(listed.data.find((x: { id: string }) => x.id === secret.id).reportedBy).toBeNull();
    }
    expect(await get(h.admin, `/api/v1/exceptions/${secret.id}`)).toMatchObject({
      reportedBy: contributor.user.id,
      reporterHidden: true,
    });
    await move(agent, secret.id, 1, { to: 'in_mediation' });
    for (const reader of [manager, viewer]) {
      const log = await reader.request({ method: 'GET', url: `/api/v1/audit-log?entityId=${secret.id}` });
      expect(log.statusCode).toBe(200);
      expect(log.body).not.toContain(contributor.user.id);
      const byReporter = await get(
        reader,
        `/api/v1/audit-log?actorId=${contributor.user.id}&entity=exception`,
      );
      expect(byReporter.data.map((entry: { entityId: string }) => entry.entityId)).not.toContain(secret.id);
    }
    const full = await get(h.admin, `/api/v1/audit-log?entityId=${secret.id}`);
    expect(full.data.at(-1)).toMatchObject({
      action: 'create',
      actorId: null,
      after: { reportedBy: contributor.user.id },
    });
    expect(full.data[0].after.reportedBy).toBe(contributor.user.id);
  });

  it('filters, sorts and pages the register', async () => {
    const r = await openRelationship();
    const today = new Date().toISOString().slice(0, 10);
    const made = [];
    for (const [title, severity, dueOn] of [
      ['Filter alpha', 'minor', '2020-01-01'],
      ['Filter beta', 'severe', null],
      ['Filter gamma', 'moderate', '2999-01-01'],
    ] as const) {
      made.push(
        await raise(agent, {
          relationshipId: r.id,
          title,
          type: 'complaint',
          severity,
          dueOn,
          ownerId: manager.user.id,
        }),
      );
    }
    await move(agent, (made[2] as { id: string }).id, 1, { to: 'resolved', resolution: 'Refund' });
    const ids = (page: { data: { id: string }[] }) => page.data.map((x) => x.id);
    const base = `/api/v1/exceptions?relationshipId=${r.id}`;
    expect(ids(await get(agent, `${base}&sort=severity`))).toEqual([made[0].id, made[2].id, made[1].id]);
    expect(ids(await get(agent, `${base}&sort=-severity`))).toEqual([made[1].id, made[2].id, made[0].id]);
    expect(ids(await get(agent, `${base}&sort=dueOn`))).toEqual([made[0].id, made[2].id, made[1].id]);
    expect(ids(await get(agent, `${base}&sort=-createdAt`))).toEqual([made[2].id, made[1].id, made[0].id]);
    const overdue = await get(agent, `${base}&overdue=true`);
    expect(ids(overdue)).toEqual([made[0].id]);
    expect(overdue.data[0].overdue).toBe(true);
    expect(ids(await get(agent, `${base}&open=true&sort=createdAt`))).toEqual([made[0].id, made[1].id]);
    expect(ids(await get(agent, `${base}&status=resolved`))).toEqual([made[2].id]);
    expect(ids(await get(agent, `${base}&severity=severe`))).toEqual([made[1].id]);
    expect(ids(await get(agent, `${base}&q=BETA`))).toEqual([made[1].id]);
    expect(ids(await get(agent, `${base}&type=crisis`))).toEqual([]);
    expect(ids(await get(agent, `${base}&ownerId=${manager.user.id}&sort=createdAt`))).toHaveLength(3);
    expect(ids(await get(agent, `${base}&from=${today}&to=${today}`))).toHaveLength(3);
    expect(ids(await get(agent, `${base}&to=2020-01-01`))).toEqual([]);
    const first = await get(agent, `${base}&sort=dueOn&limit=2&count=true`);
    expect(first).toMatchObject({ total: 3 });
    expect(ids(first)).toEqual([made[0].id, made[2].id]);
    const second = await get(agent, `${base}&sort=dueOn&limit=2&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual([made[1].id]);
    expect(second.nextCursor).toBeNull();
    const badQuery = await agent.request({ method: 'GET', url: `${base}&severity=huge&colour=red` });
    expect(badQuery.statusCode).toBe(400);
  });

  it('proposes a model update as a draft of the relationship’s model, once, and refuses without a model', async () => {
    const r = await openRelationship();
    const e = await raise(agent, {
      relationshipId: r.id,
      title: 'Model ignores escalations',
      type: 'model_not_effective',
      severity: 'moderate',
    });
    expect(
      (await send(contributor, 'POST', `/api/v1/exceptions/${e.id}/model-proposal`, { note: 'x' }, 1))
        .statusCode,
    ).toBe(403);
    const emptyNote = await send(
      agent,
      'POST',
      `/api/v1/exceptions/${e.id}/model-proposal`,
      { note: ' ' },
      1,
    );
    expect(emptyNote.statusCode).toBe(400);
    const modelBefore = await get(manager, `/api/v1/relationship-models/${modelId}`);
    const proposed = await send(
      agent,
      'POST',
      `/api/v1/exceptions/${e.id}/model-proposal`,
      { note: 'Add an escalation step' },
      1,
    );
    expect(proposed.statusCode, proposed.body).toBe(200);
    const nextVersion = modelBefore.currentVersion + 1;
    expect(proposed.json()).toMatchObject({ modelProposal: { modelId, version: nextVersion }, version: 2 });
    const draft = await get(manager, `/api/v1/relationship-models/${modelId}/versions/${nextVersion}`);
    expect(draft).toMatchObject({ status: 'draft' });
    expect(draft.changeNote).toContain(`/exceptions/${e.id}`);
    expect(draft.description).toContain('Add an escalation step');
    // The agreed version stays in force.
    expect(await get(manager, `/api/v1/relationship-models/${modelId}`)).toMatchObject({
      agreedVersion: modelBefore.agreedVersion,
      status: 'draft',
    });
    // Once per exception.
    const again = await send(agent, 'POST', `/api/v1/exceptions/${e.id}/model-proposal`, { note: 'More' }, 2);
    expect(again.statusCode).toBe(422);

    // A second exception links to the draft already under way rather than making another.
    const other = await raise(agent, {
      relationshipId: r.id,
      title: 'Same gap',
      type: 'model_not_effective',
      severity: 'minor',
    });
    const versionsBefore = await h.count('relationship_model_versions');
    const linked = await send(
      agent,
      'POST',
      `/api/v1/exceptions/${other.id}/model-proposal`,
      { note: 'Same' },
      1,
    );
    expect(linked.json().modelProposal).toEqual({ modelId, version: nextVersion });
    expect(await h.count('relationship_model_versions')).toBe(versionsBefore);

    // A stale version changes neither the model nor the exception.
    const third = await raise(agent, {
      relationshipId: r.id,
      title: 'Third',
      type: 'crisis',
      severity: 'minor',
    });
    await send(agent, 'PATCH', `/api/v1/exceptions/${third.id}`, { title: 'Third, renamed' }, 1);
    const stale = await send(
      agent,
      'POST',
      `/api/v1/exceptions/${third.id}/model-proposal`,
      { note: 'x' },
      1,
    );
    expect(stale.statusCode).toBe(409);

    // Without a model: refused.
    const bare = await openRelationship(false);
    const noModel = await raise(agent, {
      relationshipId: bare.id,
      title: 'No model',
      type: 'crisis',
      severity: 'minor',
    });
    const refused = await send(
      agent,
      'POST',
      `/api/v1/exceptions/${noModel.id}/model-proposal`,
      { note: 'x' },
      1,
    );
    expect(refused.statusCode).toBe(422);
    expect((await get(agent, `/api/v1/exceptions/${noModel.id}`)).modelProposal).toBeNull();

    // A draft is agreed away, then a new proposal makes a new draft whose failure would roll back with it.
    await send(
      manager,
      'POST',
      `/api/v1/relationship-models/${modelId}/propose`,
      {},
      (await get(manager, `/api/v1/relationship-models/${modelId}`)).version,
    );
    const inAgreement = await send(
      agent,
      'POST',
      `/api/v1/exceptions/${third.id}/model-proposal`,
      { note: 'x' },
      2,
    );
    expect(inAgreement.statusCode).toBe(422);
    expect((await get(agent, `/api/v1/exceptions/${third.id}`)).modelProposal).toBeNull();
  });

  it('scores the exceptions component of health: 100 without, less per unresolved one by severity', async () => {
    const r = await openRelationship();
    expect(await exceptionsComponent(r.id)).toMatchObject({ score: 100, value: 0 });
    const severe = await raise(agent, {
      relationshipId: r.id,
      title: 'Outage',
      type: 'crisis',
      severity: 'severe',
    });
    await raise(agent, { relationshipId: r.id, title: 'Rude mail', type: 'complaint', severity: 'moderate' });
    await raise(agent, {
      relationshipId: r.id,
      title: 'Thank you note',
      type: 'compliment',
      severity: 'minor',
    });
    expect(await exceptionsComponent(r.id)).toMatchObject({ score: 25, value: 2 });
    const listed = await get(manager, `/api/v1/relationships?limit=200`);
    const row = listed.data.find((x: { id: string }) => x.id === r.id);
    expect(row.health.reasons.find((x: { component: string }) => x.component === 'exceptions').score).toBe(
      25,
    );
    await move(agent, severe.id, 1, { to: 'resolved', resolution: 'Restored' });
    expect(await exceptionsComponent(r.id)).toMatchObject({ score: 75, value: 1 });
    const history = await get(agent, `/api/v1/relationships/${r.id}/health-history`);
    expect(history.data).toHaveLength(1);
    expect(history.data[0].score).not.toBeNull();
  });
});
