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
  'H5 mini-program: the working calendar behind every "N working days" limit',
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

    it('the admin is warned that next year is not published and adds its holiday; an assistant reads it', () =>
      withFailureScreenshots(browser, async () => {
        const nextYear = new Date().getUTCFullYear() + 1;
        const admin = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(admin, '公司管理员 · 系统管理员');
        await visible(admin, '我的', { exact: true }).click();
        await cell(admin, '工作日历').click();
        await see(admin, '国家法定节假日与调休');
        await visible(admin, `${nextYear} 年`, { exact: true }).click();
        await see(admin, `${nextYear} 年的法定节假日安排尚未收录`, { exact: false });
        await see(admin, '国家安排尚未收录');
        await screenshot(admin, 'calendar-01-admin-warning');

        await admin.locator('input[placeholder="日期，如 2027-01-01"]').fill(`${nextYear}-02-30`);
        await button(admin, '保存调整').click();
        await see(admin, '日期格式应为 YYYY-MM-DD，且是真实存在的日期', { exact: false });
        await admin.locator('input[placeholder="日期，如 2027-01-01"]').fill(`${nextYear}-01-01`);
        await admin.locator('input[placeholder="说明，如 元旦（选填）"]').fill('元旦');
        await button(admin, '保存调整').click();
        await see(admin, `${nextYear}-01-01 放假`);
        await see(admin, '（已补充 1 天）', { exact: false });
        await see(admin, '元旦 · 系统管理员', { exact: false });
        await screenshot(admin, 'calendar-02-admin-added-holiday');

        const assistant = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(assistant, '礼宾助理 · 李管家');
        await visible(assistant, '我的', { exact: true }).click();
        await cell(assistant, '工作日历').click();
        await visible(assistant, `${nextYear} 年`, { exact: true }).click();
        await see(assistant, `${nextYear}-01-01 放假`);
        expect(await button(assistant, '保存调整').count()).toBe(0);
        await screenshot(assistant, 'calendar-03-assistant-reads');
      }));
  },
);
