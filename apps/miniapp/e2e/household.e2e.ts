import { goTo, shot, useLinliApp } from './support/app';
import { browserTestsEnabled } from './support/browser';
import { button, cell, see, visible } from './support/people';

jest.setTimeout(240_000);

/**
 * Issue #4 on the H5 build: the owner invites a tenant, the newcomer binds the room with the code, and
 * the building's assistant reads the household file (an audited read) and leaves a note.
 */
(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: a tenant joins with the owner’s invitation; the assistant reads the file',
  () => {
    const app = useLinliApp();

    it('invites, joins, and shows the file', () =>
      app.scenario(async () => {
        // The owner opens 我的房屋: her husband's number masked, the building's assistant with his service phone.
        const owner = await app.openAs('resident', {
          permissions: ['clipboard-read', 'clipboard-write'],
        });
        await goTo(owner, '我的房屋');
        await see(owner, '王先生（家属 · 配偶）');
        await see(owner, '139****0002');
        await see(owner, '致电 13800000002');
        await button(owner, '邀请租户').click();
        await see(owner, '租户邀请码', { exact: false });
        const code =
          (
            await owner
              .locator('.household__code-value')
              .filter({ visible: true })
              .first()
              .textContent()
          )?.trim() ?? '';
        expect(code).toMatch(/^[A-Z2-9]{8}$/);
        await shot(owner, 'household-01-owner-invites');

        // Her right of access: everything held about the household, copied for her to keep.
        await button(owner, '导出我的数据').click();
        await see(owner, '已导出');
        await see(owner, '3 位成员', { exact: false }); // 王女士, 王先生 and 王奶奶 (the care demo's elderly member)
        const copied = JSON.parse(await owner.evaluate(() => navigator.clipboard.readText())) as {
          household: { roomLabel: string };
        };
        expect(copied.household.roomLabel).toBe('1栋1单元101室');
        await visible(owner, '确定', { exact: true }).click();

        // The newcomer binds the room with the code.
        const newcomer = await app.openAs('newcomer');
        await see(newcomer, '您还没有绑定房屋', { exact: false });
        await shot(newcomer, 'household-02-newcomer-unbound');
        await button(newcomer, '绑定房屋').click();
        await newcomer.locator('input').filter({ visible: true }).first().fill(code);
        await button(newcomer, '绑定房屋').click();
        await see(newcomer, '1栋1单元101室');
        await see(newcomer, '我要报事');
        await shot(newcomer, 'household-03-newcomer-bound');

        // The assistant finds the room and reads the file: the tenant is on it; a note is added.
        const assistant = await app.openAs('assistant');
        await goTo(assistant, '住户档案');
        await cell(assistant, '1栋1单元101室').click();
        await see(assistant, '赵先生（租户）');
        await see(assistant, '110***********2428');
        await assistant
          .locator('textarea')
          .filter({ visible: true })
          .first()
          .fill('租户赵先生，晚上 8 点后方便联系');
        await button(assistant, '添加备注').click();
        await see(assistant, '租户赵先生，晚上 8 点后方便联系');
        await shot(assistant, 'household-04-assistant-file');

        // The tenant phones the hotline about a lamp: the assistant registers it from the file (代客报事).
        await button(assistant, '代客报事').click();
        await see(assistant, '代客报事 · 1栋1单元101室');
        await visible(assistant, '24 小时热线', { exact: true }).click();
        await assistant
          .locator('input[placeholder="联系人姓名"]')
          .filter({ visible: true })
          .first()
          .fill('赵先生');
        await assistant
          .locator('input[placeholder="回访电话"]')
          .filter({ visible: true })
          .first()
          .fill('13700000009');
        await visible(assistant, '灯泡更换', { exact: true }).click();
        await assistant
          .locator('textarea')
          .filter({ visible: true })
          .first()
          .fill('租户来电：卧室吸顶灯不亮');
        await shot(assistant, 'household-05-on-behalf-form');
        await button(assistant, '提交报事').click();
        await assistant.waitForURL(/ticket\/detail/);
        await see(assistant, '租户来电：卧室吸顶灯不亮');
        await see(assistant, '受理渠道');
        await see(assistant, '联系人 赵先生');
        await see(assistant, '李管家 受理');
        await see(assistant, '24 小时热线受理，联系人 赵先生（13700000009）');
        // First-contact responsibility: the assistant who took the call holds it, ready to accept.
        await see(assistant, '待受理');
        await button(assistant, '受理').waitFor();
        await shot(assistant, 'household-06-on-behalf-ticket');
      }));
  },
);
