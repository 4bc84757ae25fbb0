import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, cell, see, visible, writePhoto } from './support/people';

jest.setTimeout(240_000);

/**
 * Issue #4 on the H5 build: the assistant is reminded of a household file due for its quarterly
 * review, puts a paper of the checklist on file with its scan, records the review, and finds both on
 * the household's timeline.
 */
(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the documents checklist and the quarterly review of a household file',
  () => {
    const app = useLinliApp();

    it('reminds, records a paper with its scan, reviews, and shows both on the timeline', () =>
      app.scenario(async () => {
        const assistant = await app.openAs('assistant');
        // The home page reminds of files due; the list shows the never-reviewed household.
        await assistant
          .getByText(/^\d+ 户档案待复核$/)
          .filter({ visible: true })
          .first()
          .click();
        await see(assistant, '每季度与住户核对一次档案', { exact: false });
        const due = cell(assistant, '1栋1单元101室');
        await due.getByText('从未复核').waitFor();
        await shot(assistant, 'records-01-reviews-due');
        await due.click();

        // The checklist: nine move-in papers missing; the member register goes on file with a scan.
        await see(assistant, '资料清单（缺 9 项）');
        await cell(assistant, '住户成员情况登记表').click();
        await assistant
          .locator('input[placeholder="备注（选填），如“原件存档案柜 A-12”"]')
          .fill('原件存档案柜 A-12');
        const chooser = assistant.waitForEvent('filechooser');
        await visible(assistant, '添加照片').click();
        const album = assistant.getByText('从相册选择');
        await Promise.race([chooser, album.waitFor().then(() => album.click())]);
        await (await chooser).setFiles(writePhoto());
        await assistant.locator('.photo-picker__img img, img.photo-picker__img').first().waitFor();
        await button(assistant, '登记归档').click();
        await see(assistant, '资料清单（缺 8 项）');
        const register = cell(assistant, '住户成员情况登记表');
        await register.getByText('已归档').waitFor();
        await register.getByText('原件存档案柜 A-12 · 1 张扫描件', { exact: false }).waitFor();
        await shot(assistant, 'records-02-checklist');

        // The review: recorded with a note; the next one is three months on.
        await assistant
          .locator('input[placeholder="复核情况（选填），如“新增租户一人”"]')
          .fill('成员与电话已核对');
        await button(assistant, '完成复核').click();
        await assistant
          .getByText(/^下次复核：\d{4}-\d{2}-\d{2}$/)
          .filter({ visible: true })
          .first()
          .waitFor();
        await see(assistant, '成员与电话已核对', { exact: false });

        // Both are on the household's timeline.
        await see(assistant, '资料归档：住户成员情况登记表');
        await see(assistant, '档案复核 · 李管家：成员与电话已核对', { exact: false });
        await shot(assistant, 'records-03-timeline');

        // Back on the list, the file is no longer due.
        await assistant.goBack();
        await assistant.reload();
        await see(assistant, '每季度与住户核对一次档案', { exact: false });
        await expectGone(assistant);
      }));

    it("the supervisor reads the community's log of who opened which file", () =>
      app.scenario(async () => {
        const supervisor = await app.openAs('supervisor');
        await goTo(supervisor, '档案查阅记录');
        // The assistant's openings of the file in the first test are on the log.
        const read = cell(supervisor, '李管家（礼宾助理）查阅 1栋1单元101室');
        await read.waitFor();
        await shot(supervisor, 'records-04-read-log');
        await read.click();
        // On the file itself: who opened it, this opening by the supervisor included.
        await see(supervisor, '本档案查阅记录');
        await cell(supervisor, '张主任（管理处主任）').waitFor();
      }));
  },
);

async function expectGone(page: import('playwright-core').Page): Promise<void> {
  await page
    .getByText(/户档案待复核$/)
    .filter({ visible: true })
    .first()
    .waitFor();
  expect(
    await page.locator('.nut-cell', { hasText: '1栋1单元101室' }).filter({ visible: true }).count(),
  ).toBe(0);
}
