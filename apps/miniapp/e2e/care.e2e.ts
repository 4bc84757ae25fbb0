import type { Page } from 'playwright-core';
import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, see, visible, writePhoto } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(240_000);

/** Reloads until `text` shows on the first element matching `selector` (the fan-out runs in the background). */
async function waitFor(page: Page, selector: string, text: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.reload();
    const first = page.locator(selector).filter({ visible: true }).first();
    if ((await first.count()) > 0 && (await first.innerText()).includes(text)) return;
    await page.waitForTimeout(1000);
  }
  throw new Error(`"${text}" never showed on ${selector}`);
}

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: festival care and notices',
  () => {
    // The background rounds every second, and no quiet hours in the way of a daytime greeting.
    const app = useLinliApp({ LINLI_SLA_SWEEP_SECONDS: '1', LINLI_QUIET_HOURS: '03:00-03:01' });

    it('a Mid-Autumn campaign with a gift for elderly residents: planned, opened, delivered with a signature', () =>
      app.scenario(async () => {
        const supervisor = await app.openAs('supervisor');
        await goTo(supervisor, '节日关怀');
        await see(supervisor, '关怀日历', { exact: false });
        await see(supervisor, '覆盖率 80%');
        await shot(supervisor, 'care-01-calendar');

        await visible(supervisor, '中秋节 · 9月', { exact: false }).click();
        await see(supervisor, '策划「中秋节」关怀', { exact: false });
        await supervisor.locator('input[placeholder="礼品（选填），如 月饼礼盒"]').fill('月饼礼盒');
        await supervisor.locator('input[placeholder="礼品数量（份）"]').fill('10');
        await button(supervisor, '查看覆盖人数').click();
        await see(supervisor, '共 4 户，其中 0 户暂缓发送');
        await shot(supervisor, 'care-02-plan');
        await button(supervisor, '保存并发送').click();
        await waitFor(supervisor, '.campaign-item', '已发送');
        await see(supervisor, '覆盖率 100%');
        await shot(supervisor, 'care-03-progress');

        const resident = await app.openAs('resident');
        await goTo(resident, '节日问候');
        await see(resident, '中秋节问候');
        await shot(resident, 'care-04-greetings');
        await visible(resident, '未读', { exact: true }).click();
        await see(resident, '中秋节快乐');
        await see(resident, '为您准备了月饼礼盒', { exact: false });
        await shot(resident, 'care-05-greeting-card');

        const assistant = await app.openAs('assistant');
        await goTo(assistant, '礼品发放');
        await see(assistant, '待发放 4 份');
        await shot(assistant, 'care-06-gift-list');
        await button(assistant, '登记发放').first().click();
        const chooser = assistant.waitForEvent('filechooser');
        await visible(assistant, '添加照片').click();
        const album = assistant.getByText('从相册选择');
        await Promise.race([chooser, album.waitFor().then(() => album.click())]);
        await (await chooser).setFiles(writePhoto());
        await assistant.locator('.photo-picker__img img, img.photo-picker__img').first().waitFor();
        await assistant
          .locator('input[placeholder="备注（选填），如 本人签收"]')
          .fill('王奶奶本人签收');
        await shot(assistant, 'care-07-gift-signature');
        await button(assistant, '已送达').click();
        await see(assistant, '待发放 3 份');
        await shot(assistant, 'care-08-gift-delivered');

        await supervisor.reload();
        await see(supervisor, '礼品已发', { exact: true });
      }));

    it('a notice with read receipts', () =>
      app.scenario(async () => {
        const supervisor = await app.openAs('supervisor');
        await goTo(supervisor, '通知公告');
        await see(supervisor, '发布通知');
        await visible(supervisor, '施工通知', { exact: true }).click();
        await visible(supervisor, '1栋', { exact: true }).click();
        await supervisor.locator('input[placeholder="标题，如 楼道灭鼠消杀"]').fill('1栋电梯年检');
        await supervisor
          .locator('textarea')
          .filter({ visible: true })
          .fill('周四 9:00–12:00 电梯年检停运，请走楼梯，行动不便的住户请提前联系管家。');
        await button(supervisor, '发布通知').click();
        // 1栋's households in the e2e demo (王女士's and those the care, feedback and questionnaire demos seed there).
        await see(supervisor, '已读 0/7 户');
        await shot(supervisor, 'notice-01-published');

        const resident = await app.openAs('resident');
        await goTo(resident, '通知公告');
        await see(resident, '1栋电梯年检');
        await shot(resident, 'notice-02-resident-unread');
        await visible(resident, '1栋电梯年检').click();
        await see(resident, '请走楼梯', { exact: false });
        await resident
          .locator('.notice-item', { hasText: '1栋电梯年检' })
          .filter({ hasText: '已读' })
          .filter({ visible: true })
          .first()
          .waitFor();
        await shot(resident, 'notice-03-resident-read');

        await supervisor.reload();
        await see(supervisor, '已读 1/7 户');
        await visible(supervisor, '1栋电梯年检').click();
        await see(supervisor, '王女士 已读');
        await shot(supervisor, 'notice-04-receipts');
      }));

    it('an event: the resident takes the last seat and checks in with the code', () =>
      app.scenario(async () => {
        const resident = await app.openAs('resident');
        await goTo(resident, '社区活动');
        await see(resident, '冬季老年人健康讲座');
        await see(resident, '名额 2/3');
        await shot(resident, 'event-01-resident');
        await button(resident, '报名').click();
        await see(resident, '名额 3/3');
        await see(resident, '签到码', { exact: false });
        await shot(resident, 'event-02-signed-up');
        const code = ((await visible(resident, '签到码', { exact: false }).innerText()).match(
          /[2-9A-Z]{6}/,
        ) ?? [''])[0];

        const assistant = await app.openAs('assistant');
        await goTo(assistant, '社区活动');
        await see(assistant, '冬季老年人健康讲座');
        await assistant
          .locator('input[placeholder="输入签到码"]')
          .filter({ visible: true })
          .first()
          .fill(code);
        await button(assistant, '签到').click();
        await see(assistant, '已签到 1 户', { exact: false });
        await visible(assistant, '查看报名名单').click();
        await see(assistant, '1栋1单元101室 王女士');
        await shot(assistant, 'event-03-checked-in');
      }));
  },
);
