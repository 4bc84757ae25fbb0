import { goTo, shot, useLinliApp } from './support/app';
import { browserTestsEnabled } from './support/browser';
import { button, cell, see, visible } from './support/people';

jest.setTimeout(240_000);

/**
 * Issue #4 on the H5 build: a newcomer asks to join 1栋1单元101室 as a tenant; the owner approves in
 * the mini-program, then the office (the building's assistant); the tenant sees the room, and the
 * assistant reads the household file with the tenant and who approved.
 */
(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: a tenant asks to join; the owner and the office approve',
  () => {
    const app = useLinliApp();

    it('asks, approves twice, and shows the tenant on the room and on the file', () =>
      app.scenario(async () => {
        // The newcomer picks 1栋 → 1单元101室, says he rents it, and sends the request.
        const newcomer = await app.openAs('newcomer');
        await see(newcomer, '您还没有绑定房屋', { exact: false });
        await button(newcomer, '申请加入房屋').click();
        await visible(newcomer, '1栋', { exact: true }).click();
        await visible(newcomer, '1单元101室', { exact: true }).click();
        await visible(newcomer, '租户', { exact: true }).click();
        await see(newcomer, '租户需业主同意，并经物业服务中心审核', { exact: false });
        await newcomer
          .locator('input[placeholder="手机号"]')
          .filter({ visible: true })
          .first()
          .fill('13700000009');
        await newcomer
          .locator('input[placeholder^="与业主关系"]')
          .filter({ visible: true })
          .first()
          .fill('租客');
        await shot(newcomer, 'join-01-newcomer-asks');
        await button(newcomer, '提交申请').click();
        await see(newcomer, '1栋1单元101室 · 租户');
        await see(newcomer, '审核中');
        await see(newcomer, '等待业主、物业审核');

        // The owner finds it under 我的 → 入住审批 and agrees.
        const owner = await app.openAs('resident');
        await see(owner, '1 个入住申请待审批'); // the hint on her home page
        await goTo(owner, '入住审批');
        await see(owner, '赵先生（租户 · 租客）');
        await see(owner, '137****0009'); // owners see the requester's number masked
        await see(owner, '需业主和物业同意', { exact: false });
        await shot(owner, 'join-02-owner-approves');
        await button(owner, '同意加入').click();
        await see(owner, '没有待审批的入住申请');

        // Still waiting for the office: the newcomer's request shows the owner's approval.
        await newcomer.reload();
        await see(newcomer, '业主 王女士 已同意', { exact: false });
        await see(newcomer, '等待物业审核');

        // The building's assistant (the office) approves from 我的 → 入住审批.
        const assistant = await app.openAs('assistant');
        await see(assistant, '1 个入住申请待审批');
        await goTo(assistant, '入住审批');
        await see(assistant, '赵先生（租户 · 租客）');
        await see(assistant, '13700000009');
        await see(assistant, '业主 王女士 已同意', { exact: false });
        await shot(assistant, 'join-03-office-approves');
        await button(assistant, '物业审核通过').click();
        await see(assistant, '没有待审批的入住申请');

        // The newcomer now has the room: 我的 → 我的房屋 shows it and, as a tenant, only himself.
        await newcomer.goto('/');
        await see(newcomer, '1栋1单元101室', { exact: false });
        await goTo(newcomer, '我的房屋');
        await see(newcomer, '赵先生（租户 · 租客）');
        await see(newcomer, '我的登记信息');
        expect(await visible(newcomer, '王女士（业主 · 本人）').count()).toBe(0);
        await shot(newcomer, 'join-04-tenant-room');

        // The assistant reads the file: back to 我的 → 住户档案 → 1栋 → 101; the tenant and who approved are on it.
        await assistant.goBack();
        await cell(assistant, '住户档案').click();
        await visible(assistant, '1栋', { exact: true }).click();
        await cell(assistant, '1栋1单元101室').click();
        await see(assistant, '赵先生（租户 · 租客）');
        await see(assistant, '13700000009');
        await see(assistant, '成员变动记录');
        await see(assistant, '成为住户：赵先生（租户）');
        await see(assistant, '同意加入：赵先生（租户） · 业主王女士');
        await see(assistant, '同意加入：赵先生（租户） · 物业李管家');
        await shot(assistant, 'join-05-assistant-file');
      }));
  },
);
