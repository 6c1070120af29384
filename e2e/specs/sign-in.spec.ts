import { readFileSync } from 'node:fs';
import { admin, baseURL } from '../fixtures/env';
import { expect, originHeader, signInPageThroughApi, test } from '../fixtures/test';
import { AppShell } from '../page-models/app-shell';
import { SignInPage } from '../page-models/sign-in-page';

test.describe('Signing in', () => {
  test('a visitor is sent to the sign-in page and signs in through the form', async ({ page }) => {
    await page.goto('/stakeholders');
    await expect(page).toHaveURL(/\/sign-in/);

    const signIn = new SignInPage(page);
    await signIn.signIn(admin.email, admin.password);

    await expect(page).toHaveURL(/\/stakeholders$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Stakeholders' })).toBeVisible();
    await expect(new AppShell(page).navLink('Users')).toBeVisible();
    // The version in the footer is the one of package.json, as `rapport --version` and /api/v1/health say.
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    await expect(page.getByText(`Rapport ${version}`, { exact: true })).toBeVisible();
  });

  test('a wrong password is refused with a message', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(admin.email, 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText('The e-mail or password is not correct.');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('signing out returns to the sign-in page', async ({ page }) => {
    // A session of its own: signing out ends it, and the shared administrator session must live on.
    await signInPageThroughApi(page, admin.email, admin.password);
    await page.goto('/stakeholders');
    await new AppShell(page).signOut();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/stakeholders');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a user changes their password from the account menu and may revoke their API tokens', async ({
    adminApi,
    page,
  }) => {
    const password = 'first-long-passphrase';
    const user = await adminApi.createUser({ password });
    await signInPageThroughApi(page, user.email, password);
    const created = await page.request.post('/api/v1/tokens', {
      data: { name: 'CI' },
      headers: originHeader,
    });
    const { token } = await created.json();
    const viaToken = () =>
      page.request.get(`${baseURL}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await viaToken()).status()).toBe(200);

    await page.goto('/stakeholders');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password').fill(password);
    await dialog.getByLabel('New password').fill('short');
    await dialog.getByLabel('Repeat password').fill('short');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByText('At least 12 characters')).toBeVisible();

    await dialog.getByLabel('New password').fill('password1234');
    await dialog.getByLabel('Repeat password').fill('password1234');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByText('A common or breached password: choose another')).toBeVisible();
    expect((await viaToken()).status()).toBe(200);

    await dialog.getByLabel('New password').fill('a-second-long-passphrase');
    await dialog.getByLabel('Repeat password').fill('a-second-long-passphrase');
    await dialog.getByRole('checkbox', { name: 'Also revoke all my API tokens' }).check();
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText(/your API tokens are revoked/)).toBeVisible();
    await expect(dialog).toBeHidden();
    expect((await viaToken()).status()).toBe(401);
    expect((await page.request.get('/api/v1/me')).status()).toBe(200);
  });
});
