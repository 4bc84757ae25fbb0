import type { Browser } from 'playwright-core';
import {
  browserTestsEnabled,
  launchChromium,
  newPhone,
  screenshot,
  withFailureScreenshots,
} from './support/browser';
import { RunningServer, startLinli } from './support/linli-server';
import { button, cell, loginAs, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the supervisor edits the category taxonomy',
  () => {
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await startLinli();
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('moves a category to another department and makes it an emergency; the resident sees it highlighted', () =>
      withFailureScreenshots(browser, async () => {
        const supervisor = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(supervisor, '管理处主任 · 张主任');
        await visible(supervisor, '我的', { exact: true }).click();
        await cell(supervisor, '报事类别').click();
        const card = supervisor.locator('.category-item', { hasText: '公共区域维修' });
        await card.getByText('工程部', { exact: false }).waitFor();
        await card.locator('taro-button-core', { hasText: '改部门' }).click();
        await visible(supervisor, '环境部', { exact: true }).click();
        await card.getByText('环境部', { exact: false }).waitFor();
        await card.locator('taro-button-core', { hasText: '设为紧急' }).click();
        await card.locator('taro-button-core', { hasText: '取消紧急' }).waitFor();
        await screenshot(supervisor, 'categories-01-supervisor-edited');

        const resident = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(resident, '住户 · 王女士');
        await button(resident, '我要报事').first().click();
        await see(resident, '公共区域维修');
        await resident
          .locator('.report__category--emergency', { hasText: '公共区域维修' })
          .filter({ visible: true })
          .first()
          .waitFor();
        await screenshot(resident, 'categories-02-resident-picker');
      }));
  },
);
