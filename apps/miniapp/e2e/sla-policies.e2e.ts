import type { Browser } from 'playwright-core';
import {
  browserTestsEnabled,
  launchChromium,
  newPhone,
  screenshot,
  withFailureScreenshots,
} from './support/browser';
import { RunningServer, startLinli } from './support/linli-server';
import { button, cell, loginAs, openTicketsTab, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the company sets its own time-limit numbers',
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

    it('the admin shortens the emergency response to 20 minutes and sees the default beside it; a new leak report uses the policy', () =>
      withFailureScreenshots(browser, async () => {
        const admin = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(admin, '公司管理员 · 系统管理员');
        await visible(admin, '我的', { exact: true }).click();
        await cell(admin, '服务时限标准').click();
        const card = admin.locator('.sla-policy', { hasText: '户内紧急报修' });
        await card.getByText('30分钟 ›').click();
        await card.locator('input[placeholder="数值"]').fill('20');
        await card.locator('.chip', { hasText: '分钟' }).click();
        await card.locator('taro-button-core', { hasText: '保存' }).click();
        await card.getByText('20分钟（默认 30分钟）', { exact: false }).waitFor();
        await card.getByText('公司调整').waitFor();
        await screenshot(admin, 'sla-01-admin-changed');

        const resident = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(resident, '住户 · 王女士');
        await button(resident, '我要报事').first().click();
        await visible(resident, '漏水/跑水').click();
        await resident.locator('textarea').fill('阳台水管爆裂');
        await button(resident, '提交报事').click();
        await see(resident, '接收微信通知');
        await visible(resident, '暂不', { exact: true }).click();
        await resident.waitForURL(/ticket\/detail/);
        // The resident is promised the visit (10 minutes); staff see the respond limit, now 20 minutes from the
        // report, in plain words (the exact instants are checked in sla-policies.spec.ts).
        await see(resident, '前上门', { exact: false });
        await screenshot(resident, 'sla-02-new-ticket');
        const assistant = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(assistant, '礼宾助理 · 李管家');
        await openTicketsTab(assistant);
        await visible(assistant, '阳台水管爆裂').click();
        await see(assistant, '管家受理');
        await screenshot(assistant, 'sla-03-staff-limits');
      }));
  },
);
