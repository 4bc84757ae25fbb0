import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, cell, see } from './support/people';

jest.setTimeout(240_000);

/**
 * Issue #4 on the H5 build: the assistant fills in their card; the resident of their building sees
 * it on 我的房屋, can call the service phone, and 留言 opens an inquiry to the building's assistant.
 */
(browserTestsEnabled ? describe : describe.skip)(
  "H5 mini-program: the assistant's card; the owner edits a member",
  () => {
    const app = useLinliApp();

    it('the assistant fills in their card and the resident sees it', () =>
      app.scenario(async () => {
        const assistant = await app.openAs('assistant');
        await goTo(assistant, '我的名片');
        await see(assistant, '保存名片');
        await assistant
          .locator('input[placeholder="如：水电维修、老人关怀"]')
          .fill('水电维修、老人关怀');
        await assistant
          .locator('input[placeholder="手机号、座机或 400 电话"]')
          .fill('0755-86001234');
        await assistant
          .locator('textarea')
          .filter({ visible: true })
          .first()
          .fill('在阳光花园服务六年，有事随时找我');
        // The preview shows the card as residents will see it.
        await assistant
          .locator('.assistant-card__tag', { hasText: '老人关怀' })
          .filter({ visible: true })
          .waitFor();
        await button(assistant, '保存名片').click();
        await see(assistant, '名片已保存');
        await shot(assistant, 'card-01-assistant-edits');

        const resident = await app.openAs('resident');
        await goTo(resident, '我的房屋');
        await see(resident, '在阳光花园服务六年，有事随时找我');
        await resident
          .locator('.assistant-card__tag', { hasText: '水电维修' })
          .filter({ visible: true })
          .waitFor();
        await see(resident, '致电 0755-86001234');
        await shot(resident, 'card-02-resident-sees');

        // 留言 opens the report form on a community inquiry, which the building's assistant answers.
        await button(resident, '留言').click();
        await resident
          .locator('.report__category--active', { hasText: '小区事务咨询' })
          .filter({ visible: true })
          .waitFor();
      }));

    it("the owner corrects a member's relationship and move-in date on 我的房屋", () =>
      app.scenario(async () => {
        const owner = await app.openAs('resident');
        await goTo(owner, '我的房屋');
        await cell(owner, '王先生（家属 · 配偶）').click();
        await owner.locator('input[placeholder="与业主关系，如 配偶、子女"]').fill('丈夫');
        await owner.locator('input[placeholder="入住日期，如 2026-11-01"]').fill('2020-05-01');
        await button(owner, '保存').click();
        await see(owner, '王先生（家属 · 丈夫）');
        await owner.reload();
        await see(owner, '王先生（家属 · 丈夫）');
        await shot(owner, 'card-03-owner-edits-member');
      }));
  },
);
