import type { Locator, Page } from '@playwright/test';

/** The frame around every signed-in page: navigation, language switcher and account menu. */
export class AppShell {
  readonly navigation: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: /Main navigation|主导航/ });
  }

  navLink(name: string | RegExp): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async switchLanguage(label: 'English' | '中文') {
    await this.page.getByText(label, { exact: true }).click();
  }

  async signOut() {
    await this.page.getByRole('button', { name: /Account menu|账户菜单/ }).click();
    await this.page.getByRole('menuitem', { name: /Sign out|退出登录/ }).click();
  }
}
