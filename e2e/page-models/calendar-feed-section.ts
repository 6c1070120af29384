import type { Locator, Page } from '@playwright/test';

/** The calendar feed section of the notifications page, and its confirmation dialog. */
export class CalendarFeedSection {
  readonly region: Locator;
  readonly status: Locator;
  readonly url: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /^(Calendar feed|日历订阅)$/ });
    this.status = this.region.getByTestId('calendar-feed-status');
    this.url = this.region.getByTestId('calendar-feed-url');
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.goto('/notifications');
  }

  button(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }

  /** Clicks a button of the section, then the confirming button of the dialog it opens. */
  async confirm(action: string, confirmation: string): Promise<void> {
    await this.button(action).click();
    await this.dialog.getByRole('button', { name: confirmation, exact: true }).click();
  }
}
