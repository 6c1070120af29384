import { uniqueName } from '../fixtures/api';
import { expect, originHeader, signInPageThroughApi, test } from '../fixtures/test';
import { NotificationsPage } from '../page-models/notification-pages';

const password = 'notification-password-123';

test.describe('Notifications', () => {
  test('an owner sees an assigned exception under the bell, reads it and chooses what to hear about', async ({
    adminApi,
    page,
  }) => {
    test.slow();
    const owner = await adminApi.createUser({
      name: uniqueName('Nora Owner'),
      role: 'relationship_agent',
      password,
    });
    const stakeholder = await adminApi.createStakeholder();
    const title = uniqueName('Invoice dispute');
    const raised = await adminApi.context.post('/api/v1/exceptions', {
      data: {
        stakeholderIds: [stakeholder.id],
        title,
        description: 'They were billed twice.',
        type: 'complaint',
        severity: 'moderate',
        ownerId: owner.id,
      },
      headers: originHeader,
    });
    expect(raised.status(), await raised.text()).toBe(201);

    await signInPageThroughApi(page, owner.email, password);
    const notifications = new NotificationsPage(page);
    // The server's job runner writes the notification within seconds of the change.
    await expect(async () => {
      await page.goto('/work');
      await expect(notifications.bell).toHaveAccessibleName('Notifications: 1 unread', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    await notifications.bell.click();
    await expect(page).toHaveURL(/\/notifications$/);
    const item = notifications.item(`Exception assigned to you: ${title}`);
    await expect(item).toBeVisible();
    await expect(item.getByRole('link', { name: `Exception assigned to you: ${title}` })).toHaveAttribute(
      'href',
      /\/exceptions\//,
    );
    await item.getByRole('button', { name: `Mark “Exception assigned to you: ${title}” read` }).click();
    await expect(notifications.inbox.getByRole('heading', { name: 'You are all caught up' })).toBeVisible();
    await expect(notifications.bell).toHaveAccessibleName('Notifications: nothing unread');
    await notifications.inbox.getByText('All', { exact: true }).click();
    await expect(notifications.item(title)).toBeVisible();

    // Preferences: the defaults, then a change that is kept.
    await expect(notifications.checkbox('Exception escalated by e-mail')).toBeChecked();
    await expect(notifications.checkbox('Contact overdue by e-mail')).not.toBeChecked();
    await notifications.checkbox('Exception escalated by e-mail').uncheck();
    await notifications.checkbox('Follow-up due in Rapport').uncheck();
    await notifications.preferences.getByRole('radio', { name: 'Collect them in one daily digest' }).check();
    await notifications.preferences.getByRole('button', { name: 'Save choices' }).click();
    await expect(page.getByText('Your notification choices are saved.')).toBeVisible();
    await page.reload();
    await expect(notifications.checkbox('Exception escalated by e-mail')).not.toBeChecked();
    await expect(notifications.checkbox('Follow-up due in Rapport')).not.toBeChecked();
    await expect(
      notifications.preferences.getByRole('radio', { name: 'Collect them in one daily digest' }),
    ).toBeChecked();

    const saved = await page.request.get('/api/v1/me/notification-preferences');
    expect((await saved.json()).digest).toBe('daily');
  });
});
