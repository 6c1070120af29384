import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';

const scores = {
  controlTrust: 2,
  exchangeCommunal: 3,
  protectiveDisclosing: 2,
  processExperimental: 1,
  isolationSharing: 4,
};

describe.each(dialects)('culture assessments on %s', (dialect) => {
  let h: Harness;
  const post = (url: string, payload: object) => h.admin.request({ method: 'POST', url, payload });
  const get = (url: string) => h.admin.request({ method: 'GET', url }).then((r) => r.json());

  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('records an assessment of a unit and of the whole organisation, and filters by them', async () => {
    const unit = (await post('/api/v1/org-units', { name: 'Operations' })).json();
    const ofUnit = await post('/api/v1/culture-assessments', {
      title: 'Operations 2026',
      orgUnitId: unit.id,
      assessedOn: '2026-10-01',
      scores,
      dominantType: 'strictly_business',
      toxicBehaviours: {
        criticism: 'often',
        defensiveness: 'sometimes',
        contempt: 'rarely',
        stonewalling: 'never',
      },
      strategicRequirements: 'Move **towards** partnership with key customers.',
    });
    expect(ofUnit.statusCode).toBe(201);
    expect(ofUnit.json()).toMatchObject({
      orgUnitId: unit.id,
      scores,
      toxicBehaviours: { criticism: 'often' },
    });
    const whole = (
      await post('/api/v1/culture-assessments', {
        title: '全组织文化评估',
        assessedOn: '2026-11-01',
        scores: { ...scores, controlTrust: 4 },
        dominantType: 'business_friends',
      })
    ).json();
    expect(whole.toxicBehaviours).toEqual({
      criticism: 'never',
      defensiveness: 'never',
      contempt: 'never',
      stonewalling: 'never',
    });

    const ids = (page: { data: { id: string }[] }) => page.data.map((a) => a.id);
    expect(ids(await get(`/api/v1/culture-assessments?orgUnitId=${unit.id}`))).toEqual([ofUnit.json().id]);
    expect(ids(await get('/api/v1/culture-assessments?orgUnitId=none'))).toEqual([whole.id]);
    expect(ids(await get('/api/v1/culture-assessments?sort=-assessedOn'))).toEqual([
      whole.id,
      ofUnit.json().id,
    ]);
    expect(ids(await get('/api/v1/culture-assessments?q=文化'))).toEqual([whole.id]);
  });

  it('rejects out-of-range scores, unknown types and units, and stale edits, writing nothing', async () => {
    const before = await h.count('audit_log');
    const bad = await post('/api/v1/culture-assessments', {
      title: 'Bad',
      assessedOn: 'yesterday',
      scores: { ...scores, exchangeCommunal: 0, isolationSharing: 2.5 },
      dominantType: 'enemies',
      toxicBehaviours: {
        criticism: 'always',
        defensiveness: 'never',
        contempt: 'never',
        stonewalling: 'never',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual([
      'assessedOn',
      'dominantType',
      'scores.exchangeCommunal',
      'scores.isolationSharing',
      'toxicBehaviours.criticism',
    ]);
    const unknownUnit = await post('/api/v1/culture-assessments', {
      title: 'Ghost unit',
      orgUnitId: 'ghost',
      assessedOn: '2026-01-01',
      scores,
      dominantType: 'strictly_business',
    });
    expect(unknownUnit.json().errors).toEqual([
      { path: 'orgUnitId', message: 'no active org unit with this id' },
    ]);
    expect(await h.count('audit_log')).toBe(before);

    const a = (
      await post('/api/v1/culture-assessments', {
        title: 'Edit me',
        assessedOn: '2026-01-01',
        scores,
        dominantType: 'strictly_business',
      })
    ).json();
    const edit = (version: number, payload: object) =>
      h.admin.request({
        method: 'PATCH',
        url: `/api/v1/culture-assessments/${a.id}`,
        payload,
        headers: { 'if-match': `"${version}"` },
      });
    expect((await edit(1, { scores: { ...scores, controlTrust: 5 } })).json().scores.controlTrust).toBe(5);
    const stale = await edit(1, { notes: 'late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.scores.controlTrust).toBe(5);

    const viewer = await h.userWith('viewer');
    const denied = await viewer.request({
      method: 'PATCH',
      url: `/api/v1/culture-assessments/${a.id}`,
      payload: { notes: 'x' },
      headers: { 'if-match': '"2"' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
