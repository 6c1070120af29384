import type { Locator, Page } from '@playwright/test';

/** The relationship model editor: model fields, the step list on the side and the chosen step's editor. */
export class ModelEditorPage {
  readonly name: Locator;
  readonly relationshipType: Locator;
  readonly stepList: Locator;
  readonly newStepName: Locator;
  readonly addStep: Locator;
  readonly addActivity: Locator;
  readonly create: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Name', exact: true });
    this.relationshipType = page.getByRole('combobox', { name: 'Relationship type' });
    this.stepList = page.getByRole('list', { name: 'Journey steps' });
    this.newStepName = page.getByRole('textbox', { name: 'New step', exact: true });
    this.addStep = page.getByRole('button', { name: 'Add step', exact: true });
    this.addActivity = page.getByRole('button', { name: '+ Add activity' });
    this.create = page.getByRole('button', { name: 'Create model' });
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'Some fields need attention' });
  }

  /** Opens a new model, blank or from an example, and waits for the editor (the first load is the slowest). */
  async gotoNew(template?: string) {
    await this.page.goto(template ? `/approach/models/new?template=${template}` : '/approach/models/new');
    await this.name.waitFor({ timeout: 20_000 });
  }

  async chooseRelationshipType(label: string) {
    await this.relationshipType.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Picks a point (1 to 5) of one communality scale, e.g. ('Control ↔ trust', 4). */
  async chooseScale(dimension: string, score: number) {
    await this.page
      .getByRole('radiogroup', { name: dimension })
      .getByRole('radio', { name: new RegExp(`^${score}: `) })
      .check();
  }

  /** The button that opens a step, found by the step's name in the side list. */
  step(name: string): Locator {
    return this.stepList.getByRole('button', { name: new RegExp(`^\\d+\\. ${name}\\b`) });
  }

  async removeStep(name: string) {
    await this.stepList.getByRole('button', { name: `Remove step ${name}`, exact: true }).click();
  }

  async newStep(name: string) {
    await this.newStepName.fill(name);
    await this.addStep.click();
  }

  activity(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Activity ${n}`, exact: true });
  }

  /** Enters the activities of the open step, pressing Enter between them as a user would. */
  async typeActivities(texts: string[]) {
    await this.addActivity.click();
    for (const [index, text] of texts.entries()) {
      await this.page.keyboard.insertText(text);
      if (index < texts.length - 1) await this.page.keyboard.press('Enter');
    }
  }

  weight(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }
}
