import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the supervisor edits the category taxonomy',
  () => {
    const app = useLinliApp();

    it('moves a category to another department and makes it an emergency; the resident sees it highlighted', () =>
      app.scenario(async () => {
        const supervisor = await app.openAs('supervisor');
        await goTo(supervisor, '报事类别');
        const card = supervisor.locator('.category-item', { hasText: '公共区域维修' });
        await card.getByText('工程部', { exact: false }).waitFor();
        await card.locator('taro-button-core', { hasText: '改部门' }).click();
        await visible(supervisor, '环境部', { exact: true }).click();
        await card.getByText('环境部', { exact: false }).waitFor();
        await card.locator('taro-button-core', { hasText: '设为紧急' }).click();
        await card.locator('taro-button-core', { hasText: '取消紧急' }).waitFor();
        await shot(supervisor, 'categories-01-supervisor-edited');

        const resident = await app.openAs('resident');
        await button(resident, '我要报事').first().click();
        await see(resident, '公共区域维修');
        await resident
          .locator('.report__category--emergency', { hasText: '公共区域维修' })
          .filter({ visible: true })
          .first()
          .waitFor();
        await shot(resident, 'categories-02-resident-picker');
      }));
  },
);
