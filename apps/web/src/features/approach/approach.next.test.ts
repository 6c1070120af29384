import type { ApproachOverview } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { firstStep, nextSteps } from './approach.next';

const none = { draft: 0, proposed: 0, agreed: 0, retired: 0 };

/** An organisation where every activity is up to date. */
function healthy(): ApproachOverview {
  return {
    analyse: {
      cultureAssessments: 3,
      lastAssessedOn: '2026-06-01',
      orgUnits: 4,
      unitsAssessed: 2,
      stakeholders: 40,
      stakeholdersDue: 0,
      strategicRequirements: true,
    },
    principles: { byStatus: { ...none, agreed: 5 }, inForce: 5, awaitingAgreement: [], reviewDue: [] },
    models: {
      byStatus: { ...none, agreed: 2 },
      inForce: 2,
      awaitingAgreement: [],
      reviewDue: [],
      coverage: {
        keyGroups: 2,
        coveredGroups: 2,
        stakeholdersInKeyGroups: 10,
        uncoveredStakeholders: 0,
        relationshipsInKeyGroups: 4,
        uncoveredRelationships: 0,
      },
    },
    embed: { materials: 3, expectedReads: 12, acknowledged: 12, pendingForMe: [] },
    review: {
      lastHeldOn: '2026-03-01',
      nextDueOn: '2027-03-01',
      overdue: false,
      planned: [],
      openImprovements: 0,
    },
  };
}

const today = '2026-11-27';

describe('nextSteps', () => {
  it('has nothing to do when every activity is up to date', () => {
    expect(Object.values(nextSteps(healthy(), today))).toEqual([null, null, null, null, null]);
  });

  it('starts the analysis with a culture assessment', () => {
    const overview = healthy();
    overview.analyse.cultureAssessments = 0;
    expect(nextSteps(overview, today).analyse).toMatchObject({
      key: 'firstCulture',
      to: '/approach/culture/new',
    });
  });

  it('asks for a fresh culture analysis once the last one is over a year old', () => {
    const overview = healthy();
    overview.analyse.lastAssessedOn = '2025-11-01';
    expect(nextSteps(overview, today).analyse?.key).toBe('refreshCulture');
  });

  it('sends a proposed principle to agreement before anything else in that activity', () => {
    const overview = healthy();
    overview.principles.awaitingAgreement = [{ id: 'p1', title: 'Be open', proposedAt: null }];
    overview.principles.reviewDue = [{ id: 'p2', title: 'Listen', nextReviewOn: '2026-01-01' }];
    expect(nextSteps(overview, today).principles).toMatchObject({
      key: 'agreePrinciple',
      to: '/approach/principles/p1',
      permission: 'approach.agree',
      values: { title: 'Be open' },
    });
  });

  it('counts the key groups that still lack a model in force', () => {
    const overview = healthy();
    overview.models.coverage.keyGroups = 5;
    expect(nextSteps(overview, today).models).toMatchObject({ key: 'coverGroups', values: { count: 3 } });
  });

  it("puts the user's own unread material first in embedding", () => {
    const overview = healthy();
    overview.embed.expectedReads = 20;
    overview.embed.pendingForMe = [{ id: 'm1', title: 'Code of conduct' }];
    expect(nextSteps(overview, today).embed).toMatchObject({
      key: 'readMaterial',
      to: '/approach/materials/m1',
    });
  });

  it('asks for the first review of the approach when none was ever held', () => {
    const overview = healthy();
    overview.review.lastHeldOn = null;
    overview.review.nextDueOn = today;
    expect(nextSteps(overview, today).review).toMatchObject({ key: 'firstReview', to: '/approach/reviews' });
  });

  it('opens the planned review when the yearly review is overdue', () => {
    const overview = healthy();
    overview.review.overdue = true;
    overview.review.planned = [{ id: 'r1', title: 'Annual review', scheduledOn: '2026-12-01' }];
    expect(nextSteps(overview, today).review).toMatchObject({
      key: 'holdPlanned',
      to: '/approach/reviews/r1',
      values: { title: 'Annual review' },
    });
    overview.review.planned = [];
    expect(nextSteps(overview, today).review).toMatchObject({ key: 'holdReview', to: '/approach/reviews' });
  });
});

describe('firstStep', () => {
  const overview = healthy();
  overview.principles.awaitingAgreement = [{ id: 'p1', title: 'Be open', proposedAt: null }];
  overview.embed.pendingForMe = [{ id: 'm1', title: 'Code of conduct' }];
  const steps = nextSteps(overview, today);

  it('takes the earliest activity the user may act on', () => {
    expect(firstStep(steps, () => true)?.key).toBe('agreePrinciple');
    expect(firstStep(steps, (permission) => permission !== 'approach.agree')?.key).toBe('readMaterial');
  });

  it('still names what the approach waits for when the user may do none of it', () => {
    expect(firstStep(steps, () => false)?.key).toBe('agreePrinciple');
  });
});
