import { goTo, shot, useLinliApp } from './support/app';
import { browserTestsEnabled } from './support/browser';
import { button, see, visible } from './support/people';
import * as ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';

jest.setTimeout(180_000);

/**
 * 数据看板 on the full demo community (the past month of tickets that `pnpm start` seeds): the supervisor
 * reads the figures, taps a missed one to the tickets behind it, exports the tables and issues last
 * month's report; the department head sees their department only.
 */
(browserTestsEnabled ? describe : describe.skip)('H5 mini-program: 数据看板 and reports', () => {
  const app = useLinliApp({ LINLI_DEMO_HISTORY: '1' });

  it('the supervisor reads the month, opens the tickets behind a figure, exports and issues a report', () =>
    app.scenario(async () => {
      const page = await app.openAs('supervisor');
      await goTo(page, '数据看板');
      await see(page, '核心指标');
      await see(page, '紧急报修 30 分钟内响应率');
      await see(page, '近六个月报事量');
      await see(page, '管家工作量');
      // The open month says how recent its figures are (a provisional snapshot's round, or now): 数据截至 MM-DD HH:mm.
      await page
        .locator('.dashboard__as-of', { hasText: /数据截至 \d{2}-\d{2} \d{2}:\d{2}$/ })
        .waitFor();
      await shot(page, 'dashboard-01-supervisor');

      // Last month has the whole seeded month; one of its figures was missed (the seed has late work).
      await page.locator('.dashboard__arrow', { hasText: '‹' }).click();
      await see(page, '核心指标');
      await shot(page, 'dashboard-02-last-month');
      await visible(page, '投诉类别（帕累托）').scrollIntoViewIfNeeded();
      await shot(page, 'dashboard-02b-charts');
      await visible(page, '管家工作量').scrollIntoViewIfNeeded();
      await shot(page, 'dashboard-02c-workload');
      await visible(page, '核心指标').scrollIntoViewIfNeeded();
      const missed = page.locator('.dashboard__link', { hasText: '未达标' }).first();
      await missed.click();
      await page.waitForURL(/dashboard\/tickets/);
      await page.locator('.dashboard__tag', { hasText: '未达标' }).first().waitFor();
      await shot(page, 'dashboard-03-tickets-behind');
      await page
        .locator('.card', { has: page.locator('.dashboard__tag') })
        .filter({ visible: true })
        .first()
        .click();
      await page.waitForURL(/ticket\/detail/);
      await see(page, '处理进度', { exact: false });
      // Back to the dashboard (through the tickets behind the figure).
      for (let i = 0; i < 4 && !/dashboard\/index/.test(page.url()); i++) await page.goBack();
      await page.waitForURL(/dashboard\/index/);
      await see(page, '核心指标');

      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        button(page, '导出 Excel').click(),
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync((await exported.path())!) as unknown as ExcelJS.Buffer);
      expect(book.worksheets.map((w) => w.name)).toEqual([
        '核心指标',
        '报事分布',
        '时效',
        '管家与部门',
      ]);

      await button(page, '周报 · 月报 · 季报').click();
      await see(page, '出具报表');
      await see(page, '还没有出具过报表');
      const [report] = await Promise.all([
        page.waitForEvent('download'),
        button(page, '出具并下载').click(),
      ]);
      const issued = new ExcelJS.Workbook();
      await issued.xlsx.load(readFileSync((await report.path())!) as unknown as ExcelJS.Buffer);
      expect(issued.worksheets[0].name).toBe('核心指标');
      await page
        .locator('.dashboard__cell-name', { hasText: '月度部门投诉报告' })
        .filter({ visible: true })
        .waitFor();
      await page.getByText('报表已出具').waitFor({ state: 'hidden' });
      await shot(page, 'dashboard-04-reports');
    }));

  it('the department head sees their department’s share', () =>
    app.scenario(async () => {
      const page = await app.openAs('departmentHead');
      await goTo(page, '数据看板');
      await see(page, '阳光花园 · 工程部');
      await shot(page, 'dashboard-05-department-head');
    }));
});
