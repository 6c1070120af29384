import { openRelationship, seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, test } from '../fixtures/test';
import { BoardPage } from '../page-models/board-page';

test.describe('Journey board', () => {
  test('moves a card by dragging it to the next step, and another with the keyboard dialog', async ({
    adminApi,
    adminPage: page,
  }) => {
    const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
      { name: 'Explore', activities: ['Map the needs'] },
      { name: 'Agree', activities: ['Sign the agreement'] },
      { name: 'Review', activities: ['Hold the review'] },
    ]);
    const dragged = await openRelationship(adminApi, {
      stakeholderId: stakeholder.id,
      modelId: model.id,
      name: `Dragged ${stakeholder.name}`,
    });
    const keyed = await openRelationship(adminApi, {
      stakeholderId: stakeholder.id,
      modelId: model.id,
      name: `Keyed ${stakeholder.name}`,
    });

    const board = new BoardPage(page);
    await board.goto(model.id);
    await expect(page.getByRole('heading', { level: 1, name: 'Journey board' })).toBeVisible();
    await expect(board.card('Explore', dragged.name)).toBeVisible();
    await expect(board.card('Explore', keyed.name)).toBeVisible();

    await board.card('Explore', dragged.name).dragTo(board.column('Agree'));
    const dropDialog = board.moveDialog(dragged.name);
    await expect(dropDialog.getByRole('checkbox', { name: 'Agree', exact: true })).toBeChecked();
    await expect(dropDialog.getByRole('checkbox', { name: 'Explore (current)' })).not.toBeChecked();
    await dropDialog.getByRole('textbox', { name: 'Note' }).fill('Needs mapped');
    await dropDialog.getByRole('button', { name: 'Move', exact: true }).click();

    await expect(dropDialog).toBeHidden();
    await expect(board.status).toHaveText(`${dragged.name} moved to Agree.`);
    await expect(board.card('Agree', dragged.name)).toBeVisible();
    await page.reload();
    await expect(board.card('Agree', dragged.name)).toBeVisible();
    await expect(board.card('Explore', dragged.name)).toHaveCount(0);

    await board
      .card('Explore', keyed.name)
      .getByRole('button', { name: `Move ${keyed.name}…` })
      .focus();
    await page.keyboard.press('Enter');
    const dialog = board.moveDialog(keyed.name);
    await dialog.getByRole('checkbox', { name: 'Explore (current)' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Review', exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Agreed on the phone');
    await dialog.getByRole('button', { name: 'Move', exact: true }).press('Enter');

    await expect(dialog).toBeHidden();
    await expect(board.status).toHaveText(`${keyed.name} moved to Review.`);
    await expect(board.card('Review', keyed.name)).toBeVisible();
    await expect(board.card('Explore', keyed.name)).toHaveCount(0);
    const saved = await adminApi.context.get(`/api/v1/relationships/${keyed.id}`);
    expect(((await saved.json()) as { currentSteps: string[] }).currentSteps).toEqual(['step-3']);
  });
});
