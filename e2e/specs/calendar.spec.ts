import { baseURL } from '../fixtures/env';
import { openRelationship, seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
import { CalendarFeedSection } from '../page-models/calendar-feed-section';

test.describe('Calendar feed', () => {
  test('an agent creates a feed, copies its address, a calendar reads it, and once revoked it is gone', async ({
    adminApi,
    page,
    context,
  }) => {
    test.slow();
    const password = 'calendar-password-123';
    const agent = await adminApi.createUser({ name: 'Cal Agent', role: 'relationship_agent', password });
    const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
      { name: 'Explore', activities: ['Meet the sponsor'] },
    ]);
    // Started 40 days ago with the default 30-day cadence: a contact 10 days overdue, one event of the feed.
    const relationship = await openRelationship(adminApi, {
      stakeholderId: stakeholder.id,
      modelId: model.id,
      agentId: agent.id,
      daysAgo: 40,
    });
    const contactDay = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInPageThroughApi(page, agent.email, password);
    const feed = new CalendarFeedSection(page);
    await feed.open();
    // The first visit loads the page's code: on a busy machine that takes longer than one assertion's wait.
    await expect(feed.status).toHaveText(/You have no calendar feed yet/, { timeout: 20_000 });
    await expect(feed.region.getByText('Google Calendar', { exact: true })).toBeVisible();

    await feed.confirm('Create calendar feed', 'Create feed');
    await expect(feed.url).toBeVisible();
    const url = (await feed.url.textContent()) ?? '';
    expect(url).toMatch(
      new RegExp(`^${baseURL.replaceAll('.', '\\.')}/api/v1/calendar/[A-Za-z0-9_-]{43}\\.ics$`),
    );
    await feed.button('Copy address').click();
    await expect(feed.button('Copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expect(feed.status).toHaveText(/Your calendar feed is on since/);

    // What a calendar app does: fetch the address (the token is the only key; the session plays no part).
    const calendar = await page.request.get(url);
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = await calendar.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`SUMMARY:Contact: ${relationship.name}`);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${contactDay}`);

    // Once dismissed, the address is not shown again.
    await feed.button('I have copied it').click();
    await expect(feed.url).toHaveCount(0);

    await feed.confirm('Turn off the feed', 'Turn off');
    await expect(feed.status).toHaveText(/You have no calendar feed yet/);
    expect((await page.request.get(url)).status()).toBe(404);
  });
});
