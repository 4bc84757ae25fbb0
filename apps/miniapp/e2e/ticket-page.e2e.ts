import { chinaDateKey, WorkingCalendar } from '@linli/domain';
import { goTo, goToTab, shot, signIn, useLinliApp } from './support/app';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from './support/browser';
import { button, see, visible } from './support/people';

jest.setTimeout(240_000);

const BULB = '卧室吸顶灯不亮了，换了开关也没用';

/** An item of Taro's H5 action sheet (更多). */
const sheetItem = (page: Page, text: string) =>
  page.locator('.taro-actionsheet__cell', { hasText: text }).filter({ visible: true }).first();

/**
 * Issue 9 on the H5 build: the resident's one promise and the staff's milestone table (item 8), the next
 * step in a fixed bottom bar with the rest behind 更多 and the reporter's phone to tap (10), the
 * resident's 撤销报事 dialog and 催办 once the ticket is close to late (11), the handler's inbox line
 * (12), and the supervisor's 督办 and 改派 (13).
 */
(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the ticket page for each persona',
  () => {
    const app = useLinliApp();

    beforeAll(async () => {
      // The promise ("管家将于今天…") and "two hours later the resident may chase" hold in working hours:
      // the scenario runs at 10:00 China time on the next working day, whatever the hour the suite starts.
      const day = new WorkingCalendar().nextWorkingDay(chinaDateKey(new Date()));
      const set = await fetch(`${app.server.baseUrl}/api/test-clock`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: new Date(`${day}T10:00:00+08:00`).toISOString() }),
      });
      expect(set.status).toBe(200);
    });

    const openTicket = async (page: Page) => {
      await page.goto('/');
      await see(page, '您好');
      await goToTab(page, '工单');
      await visible(page, BULB).click();
      await see(page, '处理进度');
    };

    it('promises, chases, urges and reassigns', () =>
      app.scenario(async () => {
        const resident = await app.newPage();
        const assistant = await app.newPage();
        const supervisor = await app.newPage();

        // The resident reports a broken light: one promise, in words, and no policy rows.
        await signIn(resident, 'resident');
        await button(resident, '我要报事').first().click();
        await visible(resident, '其他户内维修').click();
        await resident.locator('textarea').fill(BULB);
        await button(resident, '提交报事').click();
        await visible(resident, '暂不', { exact: true }).click();
        await see(resident, '管家将于今天', { exact: false });
        await see(resident, '按时处理中');
        expect(await visible(resident, '其他户内维修）', { exact: false }).isVisible()).toBe(false);
        await shot(resident, 'ticket-01-resident-promise');

        // 撤销报事 says what it does, and 再想想 keeps the report.
        await button(resident, '撤销报事').click();
        await see(resident, '撤销后管家将不再处理这条报事', { exact: false });
        await shot(resident, 'ticket-02-resident-cancel-dialog');
        await visible(resident, '再想想', { exact: true }).click();
        await see(resident, '待受理');

        // Two hours pass (the demo clock): the 2 hours to respond are up, and the resident may chase.
        await signIn(supervisor, 'supervisor');
        await visible(supervisor, '我的', { exact: true }).click();
        await button(supervisor, '+1 小时').click();
        await button(supervisor, '+1 小时').click();
        await openTicket(resident);
        await resident
          .getByText(/临近承诺时间|已超过承诺时间/)
          .filter({ visible: true })
          .first()
          .waitFor();
        await button(resident, '催办').click();
        await see(resident, '催办 · 待受理');
        await shot(resident, 'ticket-03-resident-chased');

        // The handler hears of it in the inbox, in one line: category, room, description.
        await signIn(assistant, 'assistant');
        await goTo(assistant, '消息中心');
        await see(assistant, '住户催办');
        await see(assistant, '1栋1单元101室', { exact: false });
        await shot(assistant, 'ticket-04-assistant-inbox');
        await visible(assistant, '住户催办').click();
        await see(assistant, '处理进度');

        // The assistant's next step is the one primary button; the rest wait behind 更多.
        await button(assistant, '受理').click();
        await visible(assistant, '暂不', { exact: true }).click();
        await assistant.getByText('接收微信通知').first().waitFor({ state: 'hidden' });
        await see(assistant, '13800000001 拨打');
        await button(assistant, '到场').waitFor();
        await shot(assistant, 'ticket-05-assistant-accepted');
        await button(assistant, '更多').click();
        await sheetItem(assistant, '处理完成').waitFor();
        await assistant.waitForTimeout(500); // the sheet slides up
        await shot(assistant, 'ticket-06-assistant-more');
        await visible(assistant, '取消', { exact: true }).click();

        // The supervisor urges the handler with what to do, and may hand the ticket to someone else.
        await openTicket(supervisor);
        await button(supervisor, '督办').click();
        await supervisor.locator('textarea').filter({ visible: true }).fill('今天下班前上门处理');
        await button(supervisor, '发送督办').click();
        await see(supervisor, '督办 · 已受理');
        await button(supervisor, '更多').click();
        await sheetItem(supervisor, '改派').waitFor();
        await supervisor.waitForTimeout(500);
        await shot(supervisor, 'ticket-07-supervisor-urged');
        await visible(supervisor, '取消', { exact: true }).click();

        // The staff table names each limit in plain words, in the order they fall due.
        await see(supervisor, '管家受理');
        await see(supervisor, '24:00 前', { exact: false });

        // Once accepted, the resident's promise is the repair's end date, and their inbox says what happened.
        await openTicket(resident);
        await see(resident, '处理完成', { exact: false });
        await see(resident, '预计', { exact: false });
        await shot(resident, 'ticket-08-resident-accepted');
        await resident.goto('/');
        await see(resident, '您好');
        await goTo(resident, '消息中心');
        await see(resident, '管家已受理您的报事');
        await shot(resident, 'ticket-09-resident-inbox');
        await supervisor.goto('/');
        await see(supervisor, '您好');
        await goTo(supervisor, '消息中心');
        await supervisor
          .getByText(/暂无消息|条未读|工单/)
          .filter({ visible: true })
          .first()
          .waitFor();
        await shot(supervisor, 'ticket-10-supervisor-inbox');
      }));
  },
);
