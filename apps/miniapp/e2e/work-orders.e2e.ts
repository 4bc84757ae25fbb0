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

const DESCRIPTION = '地下车库排水沟反复堵塞，车位积水';

/** Tomorrow 18:00 China time, as typed. */
function tomorrowEvening(): string {
  return `${new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)} 18:00`;
}

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: an escalation slip becomes a work order to a department',
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

    it('the assistant sends it up, the supervisor names 工程部, its head accepts and reports the result on the ticket', () =>
      withFailureScreenshots(browser, async () => {
        const resident = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(resident, '住户 · 王女士');
        await button(resident, '我要报事').first().click();
        await visible(resident, '一般投诉').click();
        await resident.locator('textarea').fill(DESCRIPTION);
        await button(resident, '提交报事').click();
        await see(resident, '接收微信通知');
        await visible(resident, '暂不', { exact: true }).click();
        await resident.waitForURL(/ticket\/detail/);

        const assistant = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(assistant, '礼宾助理 · 李管家');
        await openTicketsTab(assistant);
        await visible(assistant, DESCRIPTION).click();
        await button(assistant, '受理').click();
        await see(assistant, '接收微信通知');
        await visible(assistant, '暂不', { exact: true }).click();
        await see(assistant, '已受理');
        await button(assistant, '填写工作传签单').click();
        await assistant
          .locator('textarea[placeholder="需要上级协调解决的问题"]')
          .fill('排水沟需要工程部疏通改造');
        await button(assistant, '上报管理处主任').click();
        await see(assistant, '工作传签单：排水沟需要工程部疏通改造');
        await screenshot(assistant, 'workorder-01-slip');

        const supervisor = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(supervisor, '管理处主任 · 张主任');
        await openTicketsTab(supervisor);
        await visible(supervisor, DESCRIPTION).click();
        await button(supervisor, '下达工作安排通知单').click();
        await supervisor
          .locator('textarea[placeholder="工作要求"]')
          .fill('疏通车库排水沟，评估加装截水沟');
        await supervisor
          .locator('input[placeholder="完成时限，如 2026-11-24 18:00"]')
          .fill(tomorrowEvening());
        await button(supervisor, '下达').last().click();
        await see(supervisor, '→ 工程部 · 待接收', { exact: false });
        await screenshot(supervisor, 'workorder-02-issued');

        const head = await (await newPhone(browser, server.baseUrl)).newPage();
        await loginAs(head, '工程部经理 · 孙经理');
        await visible(head, '我的', { exact: true }).click();
        await cell(head, '工作安排通知单').click();
        await see(head, '疏通车库排水沟，评估加装截水沟');
        await button(head, '接收').click();
        await button(head, '报告完成').click();
        await head.locator('textarea[placeholder="处理结果"]').fill('已疏通排水沟，加装截水沟两处');
        await button(head, '提交结果').click();
        await see(head, '结果：已疏通排水沟，加装截水沟两处');
        await screenshot(head, 'workorder-03-department-done');

        await assistant.reload();
        await see(assistant, '工程部完成工作安排通知单', { exact: false });
        await screenshot(assistant, 'workorder-04-ticket-timeline');
      }));
  },
);
