import type { Locator, Page } from '@playwright/test';

/** The journey board: one column per step of a model, cards moved by drag and drop or by dialog. */
export class BoardPage {
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status').filter({ hasText: /moved to/ });
  }

  async goto(modelId: string) {
    await this.page.goto(`/relationships/board?model=${modelId}`);
  }

  column(stepName: string): Locator {
    return this.page.getByRole('region', { name: stepName, exact: true });
  }

  card(stepName: string, relationshipName: string): Locator {
    return this.page
      .getByRole('list', { name: stepName, exact: true })
      .getByRole('listitem')
      .filter({ hasText: relationshipName });
  }

  moveDialog(relationshipName: string): Locator {
    return this.page.getByRole('dialog', { name: `Move ${relationshipName}` });
  }
}
