import { readFileSync } from 'node:fs';
import { admin } from '../fixtures/env';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
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
});
