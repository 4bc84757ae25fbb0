import { goTo, goToTab, shot, useLinliApp } from './support/app';
import { browserTestsEnabled } from './support/browser';
import { button, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

const DESCRIPTION = '卫生间天花板漏水，一直在滴';

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: an emergency nobody subscribed to on WeChat becomes phone calls',
  () => {
    const app = useLinliApp();

    it('the assistant is told to call the resident, calls, and records it; the duty desk calls the assistant; the admin sees delivery', () =>
      app.scenario(async () => {
        // The resident reports a leak and declines WeChat messages.
        const resident = await app.openAs('resident');
        await button(resident, '我要报事').first().click();
        await visible(resident, '漏水/跑水').click();
        await resident.locator('textarea').fill(DESCRIPTION);
        await button(resident, '提交报事').click();
        await see(resident, '接收微信通知');
        await visible(resident, '暂不', { exact: true }).click();
        await resident.waitForURL(/ticket\/detail/);
        await see(resident, '【紧急】漏水/跑水');

        // The assistant accepts it, declining WeChat messages too; the ticket shows the resident cannot get WeChat news.
        const assistant = await app.openAs('assistant');
        await goToTab(assistant, '工单');
        await visible(assistant, DESCRIPTION).click();
        await button(assistant, '受理').click();
        await see(assistant, '接收微信通知');
        await visible(assistant, '暂不', { exact: true }).click();
        await see(assistant, '已受理');
        await see(assistant, '报事人 王女士');
        await see(assistant, '仅站内消息');
        await see(assistant, '13800000001');
        await shot(assistant, 'calls-01-assistant-ticket-reporter');

        // Home shows the call owed; the calls page says whom to call and why.
        await assistant.goto('/');
        await see(assistant, '1 个电话待拨打');
        await shot(assistant, 'calls-02-assistant-home');
        await visible(assistant, '1 个电话待拨打').click();
        await see(assistant, '待拨打');
        await see(assistant, '王女士');
        await see(assistant, '紧急报事的进展未能通过微信送达，请电话告知住户：管家已受理您的报事');
        await shot(assistant, 'calls-03-assistant-call-list');
        await button(assistant, '已通知').click();
        await assistant
          .locator('textarea')
          .filter({ visible: true })
          .fill('已电话告知住户，师傅十分钟内到');
        await button(assistant, '保存结果').click();
        await see(assistant, '没有待拨打的电话');
        await visible(assistant, '已完成', { exact: true }).click();
        await see(assistant, '已通知：已电话告知住户，师傅十分钟内到', { exact: false });
        await shot(assistant, 'calls-04-assistant-call-recorded');

        // The duty desk owed the assistant a call about the new emergency; it ended by itself when they
        // accepted (issue 9 item 2): nothing is left to dial and the home page counts nothing.
        const supervisor = await app.openAs('supervisor');
        expect(await visible(supervisor, '个电话待拨打', { exact: false }).isVisible()).toBe(false);
        await goTo(supervisor, '电话任务');
        await see(supervisor, '没有待拨打的电话');
        await visible(supervisor, '已自动结束', { exact: true }).click();
        await see(supervisor, '自动结束：工单已受理，无需再拨打', { exact: false });
        await see(supervisor, '紧急工单已派给您，请立即受理', { exact: false });
        await shot(supervisor, 'calls-05-duty-desk-ended');

        // The company admin sees what WeChat delivery holds.
        const admin = await app.openAs('admin');
        await goTo(admin, '微信消息投递');
        await see(admin, '发送失败');
        await see(admin, '没有这类消息');
        await shot(admin, 'calls-06-admin-outbox');
      }));
  },
);
