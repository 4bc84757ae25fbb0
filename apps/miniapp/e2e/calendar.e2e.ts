import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the working calendar behind every "N working days" limit',
  () => {
    const app = useLinliApp();

    it('the admin is warned that next year is not published and adds its holiday; an assistant reads it', () =>
      app.scenario(async () => {
        const nextYear = new Date().getUTCFullYear() + 1;
        const admin = await app.openAs('admin');
        await goTo(admin, '工作日历');
        await see(admin, '国家法定节假日与调休');
        await visible(admin, `${nextYear} 年`, { exact: true }).click();
        await see(admin, `${nextYear} 年的法定节假日安排尚未收录`, { exact: false });
        await see(admin, '国家安排尚未收录');
        await shot(admin, 'calendar-01-admin-warning');

        await admin.locator('input[placeholder="日期，如 2027-01-01"]').fill(`${nextYear}-02-30`);
        await button(admin, '保存调整').click();
        await see(admin, '日期格式应为 YYYY-MM-DD，且是真实存在的日期', { exact: false });
        await admin.locator('input[placeholder="日期，如 2027-01-01"]').fill(`${nextYear}-01-01`);
        await admin.locator('input[placeholder="说明，如 元旦（选填）"]').fill('元旦');
        await button(admin, '保存调整').click();
        await see(admin, `${nextYear}-01-01 放假`);
        await see(admin, '（已补充 1 天）', { exact: false });
        await see(admin, '元旦 · 系统管理员', { exact: false });
        await shot(admin, 'calendar-02-admin-added-holiday');

        const assistant = await app.openAs('assistant');
        await goTo(assistant, '工作日历');
        await visible(assistant, `${nextYear} 年`, { exact: true }).click();
        await see(assistant, `${nextYear}-01-01 放假`);
        expect(await button(assistant, '保存调整').count()).toBe(0);
        await shot(assistant, 'calendar-03-assistant-reads');
      }));
  },
);
