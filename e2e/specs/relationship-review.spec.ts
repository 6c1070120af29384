import type { Relationship, Review } from '@rapport/contracts';
import { openRelationship, seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, test } from '../fixtures/test';
import { ImprovementRegisterPage, RelationshipReviewPage } from '../page-models/relationship-review-pages';

const today = () => new Date().toISOString().slice(0, 10);

test.describe('Relationship reviews', () => {
  test('a manager plans a review, holds it from its evidence pack and starts an improvement', async ({
    adminApi,
    adminPage: page,
  }) => {
    test.slow();
    const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
      { name: 'Engage', activities: ['Hold a kick-off', 'Agree contacts'] },
    ]);
    const relationship: Relationship = await openRelationship(adminApi, {
      stakeholderId: stakeholder.id,
      modelId: model.id,
    });
    for (const [summary, sentiment] of [
      ['Kick-off went well', 2],
      ['Pricing call', 0],
    ] as const) {
      const logged = await adminApi.context.post('/api/v1/interactions', {
        data: {
          relationshipId: relationship.id,
          kind: 'meeting',
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          summary,
          sentiment,
        },
      });
      expect(logged.status(), await logged.text()).toBe(201);
    }

    await page.goto(`/relationships/${relationship.id}`);
    await expect(page.getByRole('heading', { level: 1, name: relationship.name })).toBeVisible();
    const review = await RelationshipReviewPage.planFrom(page, relationship.name);
    await expect(page).toHaveURL(/\/reviews\/[^/]+$/);

    // The evidence pack of the period: two meetings averaging +1, the journey's two activities not done yet.
    await expect(review.evidence).toBeVisible();
    await expect(review.interactionCount).toHaveText('2');
    await expect(review.averageSentiment).toHaveText('+1');
    await expect(review.evidence.getByText('0 of 2 activities done, 0 of them in the period.')).toBeVisible();
    await expect(review.evidence.getByText('Kick-off went well')).toBeVisible();

    await review.addParticipant('Sponsor at the client');
    await review.findings.fill('Contact is regular; the sponsor wants quarterly value reports.');
    await review.satisfaction('4 – Satisfied');
    await review.heldOn.fill(today());
    await review.hold.click();
    await expect(page.getByText('Review saved.')).toBeVisible();
    await expect(review.hold).toBeHidden();
    const reviewId = page.url().split('/').at(-1) as string;
    const saved = (await (await adminApi.context.get(`/api/v1/reviews/${reviewId}`)).json()) as Review;
    expect(saved).toMatchObject({
      subject: 'relationship',
      relationshipId: relationship.id,
      status: 'done',
      heldOn: today(),
      satisfaction: 4,
      participants: ['Sponsor at the client'],
    });
    // Holding it moved the relationship's next review on by the model's review cadence (90 days by default).
    const after = (await (
      await adminApi.context.get(`/api/v1/relationships/${relationship.id}`)
    ).json()) as Relationship;
    expect(after.nextReviewOn).toBe(
      new Date(Date.parse(`${today()}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10),
    );

    await review.addInitiative('Quarterly value report for the sponsor');
    await expect(
      review.improvements.getByRole('cell', { name: 'Quarterly value report for the sponsor', exact: true }),
    ).toBeVisible();

    const register = new ImprovementRegisterPage(page);
    await register.goto();
    const row = register.row('Quarterly value report for the sponsor');
    await expect(row).toBeVisible();
    await row.getByRole('link', { name: 'Review' }).click();
    await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}$`));
  });
});
