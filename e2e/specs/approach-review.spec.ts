import type { ApproachOverview } from '@rapport/contracts';
import { uniqueName } from '../fixtures/api';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
import {
  ApproachOverviewPage,
  ReviewDetailPage,
  ReviewListPage,
  ReviewReportPage,
} from '../page-models/review-pages';

const password = 'manager-password-123';

/** A calendar day as the server counts it (UTC), so "today" is never in its future. */
function isoDay(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** How the web app shows a calendar day in English. */
function shownDay(isoDate: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

test.describe('Approach reviews', () => {
  test('a manager plans a review, records it as done with an improvement, prints it and sees it on the overview', async ({
    adminApi,
    page,
  }) => {
    const manager = await adminApi.createUser({
      name: uniqueName('Rita Reviewer'),
      role: 'relationship_manager',
      password,
    });
    const title = uniqueName('Yearly approach review');
    const initiative = uniqueName('Shorten the contact cadence for partners');
    const today = isoDay();
    const dueOn = isoDay(30);

    await signInPageThroughApi(page, manager.email, password);
    const list = new ReviewListPage(page);
    await list.goto();
    await list.plan(title, today);
    await expect(list.dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Done needs the date it was held and its findings: both are marked at once, and nothing is saved.
    const review = new ReviewDetailPage(page);
    await review.markDone.click();
    await expect(review.heldOn).toHaveAttribute('aria-invalid', 'true');
    await expect(review.heldOn).toHaveAccessibleDescription(/Enter the date the review was held/);
    await expect(review.findings).toHaveAttribute('aria-invalid', 'true');
    await expect(review.findings).toHaveAccessibleDescription(/Write down the findings/);
    await expect(review.status).toHaveValue('Planned');

    await review.heldOn.fill(today);
    await review.findings.fill('Partners are contacted too rarely; the principles are well known.');
    await review.decisions.fill('Contact partners every 30 days.');
    await review.effective('No');
    await review.markDone.click();
    await expect(page.getByText('Review saved.')).toBeVisible();
    await expect(review.status).toHaveValue('Done');
    await expect(review.markDone).toHaveCount(0);
    await expect(review.heldOn).not.toHaveAttribute('aria-invalid', 'true');

    const { review: before } = (await (
      await page.request.get('/api/v1/approach/overview')
    ).json()) as ApproachOverview;
    await review.addInitiative({ title: initiative, owner: manager.name, dueOn, status: 'Approved' });
    const row = review.initiative(initiative);
    await expect(row).toContainText(manager.name);
    await expect(row).toContainText(shownDay(dueOn));
    await expect(review.initiativeStatus(initiative)).toHaveValue('Approved');
    await expect(review.addImprovement.getByRole('textbox', { name: 'New initiative' })).toHaveValue('');

    await page.getByRole('link', { name: 'Printable report' }).click();
    await expect(page).toHaveURL(/\/approach\/reviews\/[^/]+\/print$/);
    const report = new ReviewReportPage(page);
    await expect(report.report.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(report.section('Findings')).toContainText('Partners are contacted too rarely');
    await expect(report.section('Decisions')).toContainText('Contact partners every 30 days.');
    await expect(report.fact('Held on')).toHaveText(shownDay(today));
    await expect(report.fact('Is the approach effective?')).toHaveText('No');
    await expect(report.improvements.getByRole('row', { name: new RegExp(initiative) })).toContainText(
      'Approved',
    );
    // The button hands the page to the browser's print dialog, which a headless browser cannot show.
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printed = 'true';
      };
    });
    await report.print.click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'true');

    const overview = new ApproachOverviewPage(page);
    await overview.goto();
    await expect(overview.fact(overview.reviewActivity, 'Last approach review')).toHaveText(shownDay(today));
    await expect(overview.fact(overview.reviewActivity, 'Open improvements')).toHaveText(
      String(before.openImprovements + 1),
    );
  });
});
