import { patchStakeholder, uniqueName } from '../fixtures/api';
import { expect, test } from '../fixtures/test';
import { StakeholderMapPage } from '../page-models/stakeholder-map-page';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

test.describe('Stakeholder map', () => {
  test('dragging a point to another cell re-assesses the stakeholder with a note', async ({
    adminApi,
    adminPage: page,
  }) => {
    const tag = uniqueName('map-drag').replaceAll(' ', '-');
    const stakeholder = await adminApi.createStakeholder({
      name: uniqueName('Dragged Partner'),
      influence: 2,
      interest: 2,
      tags: [tag],
    });

    const map = new StakeholderMapPage(page);
    await map.goto({ tag });
    await expect(page.getByText('Stakeholders on the map: 1')).toBeVisible();
    const from = await map.pointOf(stakeholder.id);
    const to = await map.cell(5, 4);
    await map.drag(from, to);

    await expect(map.noteDialog).toBeVisible();
    await expect(map.noteDialog).toContainText('to influence 4, interest 5');
    await map.noteDialog.getByRole('textbox', { name: 'Assessment note' }).fill('Board sponsor now');
    await map.noteDialog.getByRole('button', { name: 'Save assessment' }).click();
    await expect(map.noteDialog).toBeHidden();
    await expect.poll(() => map.positionOf(stakeholder.id)).toEqual({ influence: 4, interest: 5 });

    await page.goto(`/stakeholders/${stakeholder.id}`);
    await expect(page.getByText('Influence: 2 → 4')).toBeVisible();
    await expect(page.getByText('Interest: 2 → 5')).toBeVisible();
    await expect(page.getByText('“Board sponsor now”')).toBeVisible();
  });

  test('an as-of date shows the map as it was: absent before its first assessment, current today', async ({
    adminApi,
    adminPage: page,
  }) => {
    const tag = uniqueName('map-asof').replaceAll(' ', '-');
    const created = await adminApi.createStakeholder({
      name: uniqueName('Historic Supplier'),
      influence: 1,
      interest: 1,
      tags: [tag],
    });
    await patchStakeholder(adminApi, created, { influence: 5, interest: 4, assessmentNote: 'Moved up' });

    const map = new StakeholderMapPage(page);
    const yesterday = isoDate(new Date(Date.now() - 24 * 60 * 60 * 1000));
    await map.goto({ tag, asOf: yesterday });
    await expect(page.getByRole('heading', { name: 'No stakeholders on that date' })).toBeVisible();

    await map.asOf.fill(isoDate(new Date()));
    await expect(page.getByText('Stakeholders on the map: 1')).toBeVisible();
    await expect(page.getByText(/This is the map as it was on/)).toBeVisible();
    await expect.poll(() => map.positionOf(created.id)).toEqual({ influence: 5, interest: 4 });
    // A past map is read-only: dragging the point opens no re-assessment.
    await map.drag(await map.pointOf(created.id), await map.cell(1, 1));
    await expect(map.noteDialog).toBeHidden();
  });
});
