import { browserTestsEnabled } from './support/browser';
import { goTo, goToTab, shot, useLinliApp } from './support/app';
import { button, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the company sets its own time-limit numbers',
  () => {
    const app = useLinliApp();

    it('the admin shortens the emergency response to 20 minutes and sees the default beside it; a new leak report uses the policy', () =>
      app.scenario(async () => {
        const admin = await app.openAs('admin');
        await goTo(admin, '服务时限标准');
        const card = admin.locator('.sla-policy', { hasText: '户内紧急报修' });
        await card.getByText('30分钟 ›').click();
        await card.locator('input[placeholder="数值"]').fill('20');
        await card.locator('.chip', { hasText: '分钟' }).click();
        await card.locator('taro-button-core', { hasText: '保存' }).click();
        await card.getByText('20分钟（默认 30分钟）', { exact: false }).waitFor();
        await card.getByText('公司调整').waitFor();
        await shot(admin, 'sla-01-admin-changed');

        const resident = await app.openAs('resident');
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
        await shot(resident, 'sla-02-new-ticket');
        const assistant = await app.openAs('assistant');
        await goToTab(assistant, '工单');
        await visible(assistant, '阳台水管爆裂').click();
        await see(assistant, '管家受理');
        await shot(assistant, 'sla-03-staff-limits');
      }));
  },
);
