import { expect, signInPageThroughApi, test } from '../fixtures/test';
import { AppShell } from '../page-models/app-shell';

test.describe('Language', () => {
  test('switching to Chinese translates the app, is kept in the profile and survives a reload', async ({
    adminApi,
    page,
  }) => {
    // A user of its own, so the language chosen here does not leak into other tests.
    const password = 'language-password-1';
    const user = await adminApi.createUser({ name: 'Li Lan', role: 'relationship_manager', password });
    await signInPageThroughApi(page, user.email, password);

    await page.goto('/stakeholders');
    const shell = new AppShell(page);
    await expect(shell.navLink('Stakeholders')).toBeVisible();

    await shell.switchLanguage('中文');
    await expect(shell.navLink('干系人')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: '干系人' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.reload();
    await expect(shell.navLink('干系人')).toBeVisible();
    await expect(shell.navLink('关系')).toBeVisible();
    await expect(page.getByRole('searchbox', { name: '搜索' })).toBeVisible();

    const me = (await (await page.request.get('/api/v1/me')).json()) as { locale: string };
    expect(me.locale).toBe('zh-CN');
  });
});
