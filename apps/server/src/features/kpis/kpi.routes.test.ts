import type { Kpi, KpiCatalogue } from '@rapport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import { shiftDay, todayUtc } from './kpi.period.js';
import { ids, relationship, seedKpiData } from './kpi.test-data.js';

// The period of every test: January 2026 (31 days); the trend's period before it is December 2025.
const JAN = 'from=2026-01-01&to=2026-01-31';

describe.each(dialects)('KPIs on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let viewer: Session;

  const get = async (as: Session, url: string) => {
    const response = await as.request({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const catalogue = (query = JAN): Promise<KpiCatalogue> => get(h.admin, `/api/v1/kpis?${query}`);
  const kpi = async (key: string, query = JAN): Promise<Kpi> => get(h.admin, `/api/v1/kpis/${key}?${query}`);

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    viewer = await h.userWith('viewer');
    await seedKpiData(h.test.database.db, {
      admin: h.admin.user.id,
      manager: manager.user.id,
      viewer: viewer.user.id,
    });
  });
  afterAll(() => h.close());

  describe('GET /api/v1/kpis', () => {
    it('lists every KPI once, in catalogue order, for the period asked', async () => {
      const body = await catalogue();
      expect(body.period).toEqual({ from: '2026-01-01', to: '2026-01-31' });
      expect(body.data).toHaveLength(15);
      expect(body.data[0]?.key).toBe('principles_acknowledged');
      expect(body.data.every((k) => k.trend.length === 6)).toBe(true);
    });

    it('lays the trend out as the five same-length periods before, oldest first', async () => {
      const ended = await kpi('ended_approach_not_followed');
      expect(ended.trend[5]).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
      expect(ended.trend[4]).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
      expect(ended.trend[0]).toMatchObject({ from: '2025-07-30', to: '2025-08-29' });
    });

    it('defaults to the 90 days ending today', async () => {
      const body = await catalogue('');
      const today = new Date().toISOString().slice(0, 10);
      expect(body.period.to).toBe(today);
      expect(Date.parse(body.period.to) - Date.parse(body.period.from)).toBe(89 * 86_400_000);
    });

    it('refuses a period that ends before it starts, and an unknown filter', async () => {
      const backwards = await h.admin.request({
        method: 'GET',
        url: '/api/v1/kpis?from=2026-02-01&to=2026-01-01',
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().errors).toEqual([{ path: 'from', message: expect.any(String) }]);
      const unknown = await h.admin.request({
        method: 'GET',
        url: '/api/v1/kpis?colour=red&from=2026-13-01',
      });
      expect(unknown.statusCode).toBe(400);
    });

    it('answers 404 for a KPI that does not exist', async () => {
      const response = await h.admin.request({ method: 'GET', url: '/api/v1/kpis/happiness' });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('each computed KPI, worked out by hand', () => {
    it('ended because the approach was not followed', async () => {
      // Ended in January: r1 (10th, approach not followed), r2 (20th, completed) → 1 of 2 = 50 %.
      // r3 ended on 15 December (approach not followed) → December 1 of 1 = 100 %; r4 ended on 1 February.
      const k = await kpi('ended_approach_not_followed');
      expect(k).toMatchObject({ value: 50, numerator: 1, denominator: 2, direction: 'lower_is_better' });
      expect(k.trend.map((p) => p.value)).toEqual([null, null, null, null, 100, 50]);
      expect(k.breakdown.map((b) => [b.id, b.count])).toEqual(
        expect.arrayContaining([
          ['approach_not_followed', 1],
          ['completed', 1],
        ]),
      );
    });

    it('reviews on time', async () => {
      // Due in January: rv1 held on the 4th for the 5th (on time), rv2 held on the 12th for the 10th (late),
      // rv3 planned for the 20th and not held (late); rv4 cancelled (left out) → 1 of 3 = 33.3 %.
      expect(await kpi('reviews_on_time')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    });

    it('exceptions resolved in time', async () => {
      // Due in January: e1 resolved on its due day (18:00 UTC), e2 resolved the day after, e3 unresolved and
      // past due; e4 is a compliment (left out) → 1 of 3 = 33.3 %.
      expect(await kpi('exceptions_resolved_in_time')).toMatchObject({
        value: 33.3,
        numerator: 1,
        denominator: 3,
      });
    });

    it('toxic-behaviour exceptions', async () => {
      // January: e5 happened on the 3rd, e6 has no day and was recorded on the 30th → 2; e8 is archived.
      // December: e7 → 1. Months without any → 0.
      const k = await kpi('toxic_exceptions');
      expect(k.value).toBe(2);
      expect(k.trend.map((p) => p.value)).toEqual([0, 0, 0, 0, 1, 2]);
      expect(k.breakdown.map((b) => [b.id, b.count]).sort()).toEqual([
        ['contempt', 1],
        ['criticism', 1],
      ]);
    });

    it('climate score', async () => {
      // January answers: Carol 4, Cathy 2; December: Carol 5. The surveys' k is 3, so neither month is an
      // aggregate of enough answers: nothing is shown, not even how many answered.
      const k = await kpi('climate_score');
      expect(k).toMatchObject({ value: null, numerator: null, denominator: null, unit: 'score5' });
      expect(k.status).toBe('no_data');
      expect(k.trend[4]?.value).toBeNull();
      expect(k.breakdown).toEqual([]);
    });

    it('internal satisfaction', async () => {
      // Satisfaction answers of internal stakeholders: Carol's CSAT 4 alone (Dan, Alice and Bob are external):
      // one person's answer is no aggregate of k = 3.
      expect(await kpi('internal_satisfaction')).toMatchObject({ value: null, denominator: null });
    });

    it('CSAT and NPS of key stakeholders, per key group', async () => {
      // Key customers Alice (5, NPS 10), Bob (3, NPS 6), Alice again (4, NPS 9); Dan is in no key group.
      // CSAT (5 + 3 + 4) / 3 = 4. NPS: 2 promoters, 1 detractor of 3 → (2 − 1) / 3 × 100 = 33.3.
      const csat = await kpi('key_stakeholder_csat');
      expect(csat).toMatchObject({ value: 4, numerator: 12, denominator: 3 });
      expect(csat.breakdown).toEqual([{ id: ids.keyCustomers, label: 'Key customers', value: 4, count: 3 }]);
      const nps = await kpi('key_stakeholder_nps');
      expect(nps).toMatchObject({ value: 33.3, numerator: 1, denominator: 3, unit: 'nps' });
    });

    it('relationships with an agreed model', async () => {
      // Open on 31 January: r4 (ends 1 February), r5 (model 1), r6 (model 2, retired on 15 January), r7 →
      // 1 of 4 = 25 %. Open on 31 December: r1, r2, r4, r5, r6, r7, and both models were in force → 2 of 6.
      const k = await kpi('relationships_with_agreed_model');
      expect(k).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
      expect(k.trend[4]?.value).toBe(33.3);
    });

    it('key groups with an agreed model', async () => {
      // Key customers have model 1 (in force), key partners none; the third group is not a key group → 50 %.
      expect(await kpi('key_groups_with_agreed_model')).toMatchObject({
        value: 50,
        numerator: 1,
        denominator: 2,
      });
    });

    it('contacts on cadence', async () => {
      // At the end of 31 January: r5 (every 30 days, call on the 15th; its latest call, 10 February, is after
      // the end, so the interactions are read) on cadence; r6 (every 10 days, last
      // call on the 10th) overdue; r7 (every 30 days, no contact, started 2025) overdue; r4 has no cadence.
      expect(await kpi('contacts_on_cadence')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    });

    it('contacts on cadence in a period that runs to today (the usual case)', async () => {
      // Every 30 days, started long before: on cadence at the end of a period = a contact in its last 30 days.
      // The current period is the 30 days to today (end = tomorrow, interval from today − 29); the one before
      // ends at today − 29 (interval from today − 59). Started in March 2026: January's tests are unchanged.
      const today = todayUtc();
      const at = (days: number) => `${shiftDay(today, days)}T10:00:00.000Z`;
      const contacts = { n1: [-5, -40], n2: [-10, 2], n3: [-45], n4: [-45, 2] } as const;
      await h.test.database.db
        .insertInto('relationships')
        .values(
          Object.entries(contacts).map(([id, days]) =>
            relationship(id, {
              started_on: '2026-03-01',
              contact_every_days: 30,
              last_contact_at: at(Math.max(...days)),
            }),
          ),
        )
        .execute();
      await h.test.database.db
        .insertInto('interactions')
        .values(
          Object.entries(contacts).flatMap(([id, days]) =>
            days.map((day) => ({
              id: `${id}-${day}`,
              relationship_id: id,
              stakeholder_id: ids.alice,
              kind: 'call',
              occurred_at: at(day),
              confidential: 0,
              summary: '',
              sentiment: null,
              participant_user_ids: '[]',
              participant_stakeholder_ids: '[]',
              author_id: null,
              archived_at: null,
              version: 1,
              created_at: at(day),
              updated_at: at(day),
            })),
          ),
        )
        .execute();
      const result = await kpi('contacts_on_cadence', `from=${shiftDay(today, -29)}&to=${today}`);
      // Now: n1 (5 days ago) and n2 (10 days ago; its latest contact is dated after the end, so the interactions
      // are read) on cadence; n3 (45 days ago), n4 (only a contact dated after the end inside the interval: no)
      // and r5, r6, r7 (last contacts in early 2026) overdue → 2 of 7.
      expect(result).toMatchObject({ value: 28.6, numerator: 2, denominator: 7 });
      // At today − 29: n1 (40 days before today), n3 and n4 (45) within the 30 days before; n2's contacts came
      // later → 3 of 7.
      expect(result.trend[4]?.value).toBe(42.9);
    });

    it('map coverage', async () => {
      // Key customers re-assess every 30 days: Alice assessed on 20 January (covered), Bob on 1 November
      // (not) → 50 %. Key partners have no interval (left out); the third group is not a key group.
      const k = await kpi('map_coverage');
      expect(k).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
      expect(k.breakdown).toEqual([{ id: ids.keyCustomers, label: 'Key customers', value: 50, count: 2 }]);
    });

    it('acknowledgement of the current principles', async () => {
      // Two materials of the principle in force × three users = 6 pairs. Acknowledged by 1 February: the
      // administrator both (revision 2 of mt1, revision 1 of mt2); the manager read an old revision of mt1;
      // the viewer read mt2 on 10 February → 2 of 6 = 33.3 %.
      const k = await kpi('principles_acknowledged');
      expect(k).toMatchObject({ value: 33.3, numerator: 2, denominator: 6 });
      expect(k.breakdown.map((b) => [b.id, b.count])).toEqual([
        ['mt1', 1],
        ['mt2', 1],
      ]);
    });
  });

  describe('period boundaries', () => {
    it('counts both the first and the last day of a period', async () => {
      // 10–20 January holds r1 (10th) and r2 (20th); from the 11th only r2.
      expect(await kpi('ended_approach_not_followed', 'from=2026-01-10&to=2026-01-20')).toMatchObject({
        numerator: 1,
        denominator: 2,
      });
      expect(await kpi('ended_approach_not_followed', 'from=2026-01-11&to=2026-01-20')).toMatchObject({
        value: 0,
        numerator: 0,
        denominator: 1,
      });
    });
  });

  describe('filters', () => {
    it('narrows relationship KPIs to a manager, unit or group', async () => {
      const byManager = await kpi('ended_approach_not_followed', `${JAN}&managerId=${manager.user.id}`);
      expect(byManager).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
      // Key customers' relationships with a cadence: r5 (on cadence), r6 (overdue).
      const byGroup = await kpi('contacts_on_cadence', `${JAN}&groupId=${ids.keyCustomers}`);
      expect(byGroup).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
      const byUnit = await kpi('relationships_with_agreed_model', `${JAN}&orgUnitId=${ids.unit}`);
      expect(byUnit).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    });

    it('narrows survey KPIs, and says there is no data where nothing matches', async () => {
      // The unit's one climate answer (Carol's 4) is not shown: fewer than k = 3.
      expect(await kpi('climate_score', `${JAN}&orgUnitId=${ids.unit}`)).toMatchObject({
        value: null,
        denominator: null,
      });
      const none = await kpi('key_stakeholder_csat', `${JAN}&groupId=${ids.keyPartners}`);
      expect(none).toMatchObject({ value: null, status: 'no_data' });
    });

    it('leaves KPIs a filter does not apply to unchanged', async () => {
      const k = await kpi('principles_acknowledged', `${JAN}&managerId=${manager.user.id}`);
      expect(k.value).toBe(33.3);
    });
  });

  describe('PATCH /api/v1/kpis/{key} (target)', () => {
    const patch = (as: Session, key: string, payload: object, ifMatch?: string) =>
      as.request({
        method: 'PATCH',
        url: `/api/v1/kpis/${key}`,
        payload,
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });

    it('needs the version (428), refuses a stale one (409 with the current KPI) and audits the change', async () => {
      expect((await patch(h.admin, 'reviews_on_time', { target: 80 })).statusCode).toBe(428);
      const saved = await patch(h.admin, 'reviews_on_time', { target: 80 }, '"1"');
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ target: 80, version: 2, status: 'no_data' });
      const stale = await patch(manager, 'reviews_on_time', { target: 90 }, '"1"');
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toMatchObject({ key: 'reviews_on_time', target: 80, version: 2 });
      const audit = await get(h.admin, '/api/v1/audit-log?entity=kpi&entityId=reviews_on_time');
      expect(audit.data).toHaveLength(1);
      expect(audit.data[0]).toMatchObject({ before: { target: null }, after: { target: 80 } });
    });

    it('shows met or missed against the target in the right direction', async () => {
      // Ended because the approach was not followed is 50 % in January; lower is better.
      const first = await patch(h.admin, 'ended_approach_not_followed', { target: 60, version: 1 });
      expect(first.statusCode, first.body).toBe(200);
      expect((await kpi('ended_approach_not_followed')).status).toBe('met');
      await patch(h.admin, 'ended_approach_not_followed', { target: 40, version: 2 });
      expect((await kpi('ended_approach_not_followed')).status).toBe('missed');
    });

    it('refuses a target out of the unit range or of the wrong type, writing nothing', async () => {
      const range = await patch(h.admin, 'climate_score', { target: 7 }, '"1"');
      expect(range.statusCode).toBe(422);
      expect(range.json().errors).toEqual([{ path: 'target', message: expect.any(String) }]);
      const type = await patch(h.admin, 'climate_score', { target: 'high', colour: 1 }, '"1"');
      expect(type.statusCode).toBe(400);
      expect(
        type
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['colour', 'target']);
      expect((await kpi('climate_score')).target).toBeNull();
    });

    it('lets a viewer read but not change', async () => {
      expect((await viewer.request({ method: 'GET', url: `/api/v1/kpis?${JAN}` })).statusCode).toBe(200);
      expect((await patch(viewer, 'climate_score', { target: 4 }, '"1"')).statusCode).toBe(403);
    });
  });

  describe('manual entries', () => {
    const enter = (as: Session, key: string, payload: object) =>
      as.request({ method: 'POST', url: `/api/v1/kpis/${key}/entries`, payload });

    it('adds counts and averages scores of the entries in the period', async () => {
      for (const value of [70, 80]) {
        const response = await enter(manager, 'image_in_media', {
          from: '2026-01-01',
          to: '2026-01-31',
          value,
        });
        expect(response.statusCode, response.body).toBe(201);
      }
      await enter(manager, 'left_due_to_toxic_relationships', {
        from: '2026-01-01',
        to: '2026-01-15',
        value: 2,
      });
      await enter(manager, 'left_due_to_toxic_relationships', {
        from: '2026-01-16',
        to: '2026-01-31',
        value: 3,
      });
      await enter(manager, 'left_due_to_toxic_relationships', {
        from: '2025-12-01',
        to: '2025-12-31',
        value: 1,
      });
      // Image: (70 + 80) / 2 = 75. People who left: 2 + 3 = 5 in January, 1 in December.
      expect(await kpi('image_in_media')).toMatchObject({ value: 75, source: 'manual' });
      const left = await kpi('left_due_to_toxic_relationships');
      expect(left.value).toBe(5);
      expect(left.trend[4]?.value).toBe(1);
      const list = await get(viewer, '/api/v1/kpis/left_due_to_toxic_relationships/entries');
      expect(list.data.map((e: { value: number }) => e.value)).toEqual([3, 2, 1]);
    });

    it('refuses entries for computed KPIs, bad values and periods, and viewers', async () => {
      const computed = await enter(manager, 'climate_score', {
        from: '2026-01-01',
        to: '2026-01-31',
        value: 3,
      });
      expect(computed.statusCode).toBe(422);
      const bad = await enter(manager, 'image_in_media', {
        from: '2026-01-31',
        to: '2026-01-01',
        value: 150,
      });
      expect(bad.statusCode).toBe(422);
      expect(
        bad
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['to', 'value']);
      const missing = await enter(manager, 'image_in_media', { value: 'x' });
      expect(missing.statusCode).toBe(400);
      expect(
        missing
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['from', 'to', 'value']);
      const byViewer = await enter(viewer, 'image_in_media', {
        from: '2026-01-01',
        to: '2026-01-31',
        value: 5,
      });
      expect(byViewer.statusCode).toBe(403);
      expect((await kpi('image_in_media')).value).toBe(75);
    });
  });

  describe('cached answers', () => {
    // June 2025: no other test enters values for it.
    const JUNE = 'from=2025-06-01&to=2025-06-30';
    const image = async () => (await catalogue(JUNE)).data.find((k) => k.key === 'image_in_media') as Kpi;

    it('serves a repeated read from the cache, and reflects an entry or a target set after it', async () => {
      expect(await image()).toMatchObject({ value: null, target: null, status: 'no_data' });
      // A row written behind the service's back (no audit entry) is not seen: the answer is cached.
      await h.test.database.db
        .insertInto('kpi_entries')
        .values({
          id: 'kpi-entry-unaudited',
          key: 'image_in_media',
          period_from: '2025-06-01',
          period_to: '2025-06-10',
          value: 40,
          note: '',
          created_by: h.admin.user.id,
          created_at: '2025-06-10T12:00:00.000Z',
        })
        .execute();
      expect((await image()).value).toBeNull();
      // An entry through the API writes an audit entry: the next read is computed afresh and sees both rows,
      // (40 + 60) / 2 = 50.
      const entered = await h.admin.request({
        method: 'POST',
        url: '/api/v1/kpis/image_in_media/entries',
        payload: { from: '2025-06-11', to: '2025-06-30', value: 60 },
      });
      expect(entered.statusCode, entered.body).toBe(201);
      expect(await image()).toMatchObject({ value: 50, numerator: 100, denominator: 2, status: 'no_target' });
      const { version } = await kpi('image_in_media', JUNE);
      const targeted = await h.admin.request({
        method: 'PATCH',
        url: '/api/v1/kpis/image_in_media',
        payload: { target: 55 },
        headers: { 'if-match': `"${version}"` },
      });
      expect(targeted.statusCode, targeted.body).toBe(200);
      expect(await image()).toMatchObject({ value: 50, target: 55, status: 'missed' });
    });
  });

  describe('GET /api/v1/kpis/{key}/records (drill-down)', () => {
    it('pages through the records behind the value, saying which counted', async () => {
      const first = await get(viewer, `/api/v1/kpis/ended_approach_not_followed/records?${JAN}&limit=1`);
      expect(first.data).toEqual([
        {
          entity: 'relationship',
          id: 'r1',
          parentId: null,
          label: 'Relationship r1',
          date: '2026-01-10',
          counted: true,
          value: null,
        },
      ]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await get(
        viewer,
        `/api/v1/kpis/ended_approach_not_followed/records?${JAN}&limit=1&cursor=${first.nextCursor}`,
      );
      expect(second.data.map((r: { id: string; counted: boolean }) => [r.id, r.counted])).toEqual([
        ['r2', false],
      ]);
      expect(second.nextCursor).toBeNull();
    });

    it('lists memberships for map coverage and answers for satisfaction, naming who answered only to those who may read answers', async () => {
      const coverage = await get(h.admin, `/api/v1/kpis/map_coverage/records?${JAN}`);
      expect(
        coverage.data.map((r: { id: string; parentId: string; counted: boolean }) => [
          r.id,
          r.parentId,
          r.counted,
        ]),
      ).toEqual([
        [ids.alice, ids.keyCustomers, true],
        [ids.bob, ids.keyCustomers, false],
      ]);
      const asAdmin = await get(h.admin, `/api/v1/kpis/key_stakeholder_csat/records?${JAN}`);
      expect(asAdmin.data.map((r: { label: string; value: number }) => [r.label, r.value])).toEqual([
        ['Alice', 5],
        ['Bob', 3],
        ['Alice', 4],
      ]);
      expect(asAdmin.data[0]).toMatchObject({ entity: 'survey_answer', parentId: 'sv-sat' });
      // A viewer gets the KPI's value, an aggregate, and no answer one by one (not even a score without a name).
      const asViewer = await get(viewer, `/api/v1/kpis/key_stakeholder_csat/records?${JAN}`);
      expect(asViewer.data).toEqual([]);
      // An anonymous survey's answers (the climate survey) are listed to nobody, administrators included.
      const climate = await get(h.admin, `/api/v1/kpis/climate_score/records?${JAN}`);
      expect(climate.data).toEqual([]);
    });

    it('refuses a cursor it did not give out', async () => {
      const response = await h.admin.request({
        method: 'GET',
        url: '/api/v1/kpis/toxic_exceptions/records?cursor=%%%',
      });
      expect(response.statusCode).toBe(400);
    });
  });
});
