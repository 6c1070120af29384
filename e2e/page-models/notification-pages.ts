import type { Locator, Page } from '@playwright/test';

/** The bell in the header and the notifications page with its inbox and preferences. */
export class NotificationsPage {
  readonly bell: Locator;
  readonly inbox: Locator;
  readonly preferences: Locator;

  constructor(readonly page: Page) {
    this.bell = page.getByTestId('notification-bell');
    this.inbox = page.getByRole('region', { name: /Inbox|收件箱/ });
    this.preferences = page.getByRole('region', { name: /What you are told|通知内容与方式/ });
  }

  item(title: string): Locator {
    return this.page.getByTestId('notification').filter({ hasText: title });
  }

  checkbox(name: string): Locator {
    return this.preferences.getByRole('checkbox', { name, exact: true });
  }
}
