import type { Page } from 'playwright-core';
import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, see } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

const input = (page: Page, placeholder: string) =>
  page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true });
const chip = (page: Page, text: string) =>
  page.locator('.chip', { hasText: text }).filter({ visible: true }).first();

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the supervisor manages buildings and rooms',
  () => {
    const app = useLinliApp();

    it('adds a building with a range of rooms, assigns its assistant, who then finds it in 住户档案', () =>
      app.scenario(async () => {
        const supervisor = await app.openAs('supervisor');
        await goTo(supervisor, '楼栋房屋管理');
        await see(supervisor, '阳光花园 · 2 栋楼');

        await input(supervisor, '新楼栋名称，如 8栋').fill('8栋');
        await button(supervisor, '添加楼栋').click();
        await see(supervisor, '8栋（0）');
        await see(supervisor, '本楼栋还没有房屋，请按范围生成或逐个添加');

        // Units 1–2 × floors 1–18 × 2 rooms a floor: the form says what it will make before it is sent.
        await input(supervisor, '结束单元').fill('2');
        await input(supervisor, '结束楼层').fill('18');
        await see(supervisor, '将生成 72 户：8栋1单元101室 至 8栋2单元1802室');
        await shot(supervisor, 'structure-01-range');
        await button(supervisor, '生成房屋').click();
        await see(supervisor, '8栋（72）');
        await see(supervisor, '1单元 · 36 户');
        await see(supervisor, '2单元 · 36 户');
        await see(supervisor, '8栋1单元101室');
        await see(supervisor, '8栋2单元1802室');

        // Generating the same range again adds nothing and says why.
        await button(supervisor, '生成房屋').click();
        await see(supervisor, '本次未添加任何房屋', { exact: false });
        await see(supervisor, '8栋（72）');

        await see(supervisor, '尚未指派礼宾助理');
        await chip(supervisor, '李管家').click();
        await see(supervisor, '服务本楼：李管家');
        await shot(supervisor, 'structure-02-rooms-and-assistant');

        const assistant = await app.openAs('assistant');
        await goTo(assistant, '住户档案');
        await chip(assistant, '8栋').click();
        await see(assistant, '8栋1单元101室');
        await see(assistant, '8栋2单元1802室');
        await shot(assistant, 'structure-03-assistant-files');
      }));
  },
);
