import { goTo, goToTab, shot, useLinliApp } from './support/app';
import { browserTestsEnabled } from './support/browser';
import { button, see, visible } from './support/people';

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
    const app = useLinliApp();

    it('the assistant sends it up, the supervisor names 工程部, its head accepts and reports the result on the ticket', () =>
      app.scenario(async () => {
        const resident = await app.openAs('resident');
        await button(resident, '我要报事').first().click();
        await visible(resident, '一般投诉').click();
        await resident.locator('textarea').fill(DESCRIPTION);
        await button(resident, '提交报事').click();
        await see(resident, '接收微信通知');
        await visible(resident, '暂不', { exact: true }).click();
        await resident.waitForURL(/ticket\/detail/);

        const assistant = await app.openAs('assistant');
        await goToTab(assistant, '工单');
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
        await shot(assistant, 'workorder-01-slip');

        const supervisor = await app.openAs('supervisor');
        await goToTab(supervisor, '工单');
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
        await shot(supervisor, 'workorder-02-issued');

        const head = await app.openAs('departmentHead');
        await goTo(head, '工作安排通知单');
        await see(head, '疏通车库排水沟，评估加装截水沟');
        await button(head, '接收').click();
        await button(head, '报告完成').click();
        await head.locator('textarea[placeholder="处理结果"]').fill('已疏通排水沟，加装截水沟两处');
        await button(head, '提交结果').click();
        await see(head, '结果：已疏通排水沟，加装截水沟两处');
        await shot(head, 'workorder-03-department-done');

        await assistant.reload();
        await see(assistant, '工程部完成工作安排通知单', { exact: false });
        await shot(assistant, 'workorder-04-ticket-timeline');
      }));
  },
);
