import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

/** A China-time instant `hours` from now, as typed in the form. */
function typed(hours: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + hours * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

(browserTestsEnabled ? describe : describe.skip)('H5 mini-program: a planned water cut', () => {
  const app = useLinliApp();

  it('is announced; a report of it is linked, not dispatched; it closes when supply is back', () =>
    app.scenario(async () => {
      const supervisor = await app.openAs('supervisor');
      await goTo(supervisor, '停水停电通知');
      await visible(supervisor, '1栋', { exact: true }).click();
      await supervisor
        .locator('input[placeholder="标题，如 二次供水水箱清洗"]')
        .fill('二次供水水箱清洗');
      await supervisor.locator('input[placeholder="开始，如 2026-11-24 09:00"]').fill(typed(-1));
      await supervisor.locator('input[placeholder="结束，如 2026-11-24 18:00"]').fill(typed(6));
      await supervisor.locator('textarea').filter({ visible: true }).fill('请提前储水。');
      await button(supervisor, '发布并通知住户').click();
      await see(supervisor, '停水 · 二次供水水箱清洗');
      await see(supervisor, '关联报事 0 条');
      await shot(supervisor, 'outage-01-announced');

      const resident = await app.openAs('resident');
      await button(resident, '我要报事').first().click();
      await see(resident, '计划停水：二次供水水箱清洗');
      await shot(resident, 'outage-02-resident-sees-notice');
      await visible(resident, '停水', { exact: true }).click();
      await resident.locator('textarea').fill('家里没水了');
      await button(resident, '提交报事').click();
      await see(resident, '接收微信通知');
      await visible(resident, '暂不', { exact: true }).click();
      await resident.waitForURL(/ticket\/detail/);
      await see(resident, '已关联计划停水停电通知「二次供水水箱清洗」');
      await see(resident, '已提交');
      await shot(resident, 'outage-03-report-linked');

      await supervisor.reload();
      await see(supervisor, '关联报事 1 条');
      await button(supervisor, '停水已恢复').click();
      await visible(supervisor, '确定', { exact: true }).click();
      await see(supervisor, '已恢复');
      await shot(supervisor, 'outage-04-closed');

      await resident.reload();
      await see(resident, '随停水停电通知关闭');
      await see(resident, '已完成');
      await shot(resident, 'outage-05-report-closed');
    }));
});
