import { goTo, shot, useLinliApp } from './support/app';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from './support/browser';
import { button, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(240_000);

const chip = (page: Page, text: string) =>
  page
    .locator('.chip', { hasText: new RegExp(`^${text}$`) })
    .filter({ visible: true })
    .first();
// A round's card (they say when it closes), not the form above them.
const card = (page: Page, text: string) =>
  page
    .locator('.surveys__item', { hasText: text })
    .filter({ hasText: '截止' })
    .filter({ visible: true })
    .first();

/**
 * Issue #12 on the H5 build. The demo seeds October's repairs round (results published) and November's
 * cleaning round, open, to which 王女士's household is invited.
 */
(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: satisfaction questionnaires answered in-chat',
  () => {
    const app = useLinliApp();

    it('a supervisor builds and sends a round; a resident answers half, leaves, resumes and finishes; results and charts', () =>
      app.scenario(async () => {
        const supervisor = await app.openAs('supervisor');
        await goTo(supervisor, '满意度调查');
        await see(supervisor, '新建一轮调查');
        await chip(supervisor, '绿化').click();
        await see(supervisor, '园林绿化服务意见征询 · 4 道题');
        await button(supervisor, '抽取样本').click();
        const drafted = card(supervisor, '待发送');
        await drafted.waitFor();
        // 13 occupied; most were surveyed in October or November, so the recontact window shrinks the draw.
        await see(supervisor, '（入住 13 户）', { exact: false });
        await see(supervisor, '近期已调查过', { exact: false });
        await see(supervisor, '1栋：入住', { exact: false });
        await shot(supervisor, 'surveys-01-sample-preview');
        await drafted.locator('taro-button-core', { hasText: '发送邀请' }).click();
        await visible(supervisor, '确定', { exact: true }).click();
        await card(supervisor, '园林绿化服务意见征询').getByText('进行中').waitFor();
        await shot(supervisor, 'surveys-02-sent');

        // 王女士 opens the invitation from her messages and answers two questions.
        const resident = await app.openAs('resident');
        await goTo(resident, '消息中心');
        await visible(resident, '邀请您参加：11月清洁卫生意见征询').click();
        await see(resident, '去作答');
        await shot(resident, 'surveys-03-my-questionnaires');
        await card(resident, '11月清洁卫生意见征询').click();
        await see(resident, '您对小区的清洁卫生满意吗？');
        await shot(resident, 'surveys-04-first-question');
        await chip(resident, '满意').click();
        await see(resident, '您所在楼栋的楼道、电梯干净吗？请打星');
        await chip(resident, '★★★★').click();
        await see(resident, '垃圾清运是否及时？');
        await see(resident, '已答 2/4');
        await shot(resident, 'surveys-05-half-answered');

        // She leaves, and later resumes where she stopped.
        await resident.goBack();
        await resident.reload();
        await see(resident, '已答 2/4', { exact: false });
        await card(resident, '11月清洁卫生意见征询').click();
        await see(resident, '★★★★☆（4 星）');
        await see(resident, '垃圾清运是否及时？');
        await chip(resident, '及时').click();
        await resident
          .locator('input[placeholder="写下您的意见…"]')
          .fill('楼道很干净，谢谢保洁阿姨');
        await button(resident, '发送').click();
        // Finishing is when she is asked whether WeChat may invite her next time (the H5 stand-in dialog).
        await see(resident, '接收微信通知');
        await shot(resident, 'surveys-06a-subscribe');
        await visible(resident, '暂不', { exact: true }).click();
        await see(resident, '感谢您的宝贵意见', { exact: false });
        await see(resident, '已完成');
        await shot(resident, 'surveys-06-thanks');

        // The supervisor closes November's round and reads its results; then October's, with the Pareto chart.
        await supervisor.reload();
        const november = card(supervisor, '11月清洁卫生意见征询');
        await november.getByText('已完成 1/3').waitFor();
        await november.locator('taro-button-core', { hasText: '提前结束' }).click();
        await visible(supervisor, '确定', { exact: true }).click();
        await card(supervisor, '11月清洁卫生意见征询').getByText('已结束').waitFor();
        await card(supervisor, '11月清洁卫生意见征询')
          .locator('taro-button-core', { hasText: '查看结果' })
          .click();
        await see(supervisor, '回收率 1/3');
        await see(supervisor, '分主题满意率（目标 90%）');
        await see(supervisor, '楼道很干净，谢谢保洁阿姨');
        await shot(supervisor, 'surveys-07-results');
        await supervisor
          .locator('textarea')
          .filter({ visible: true })
          .fill('增加一名保洁员，垃圾清运改为每天两次');
        await button(supervisor, '公布结果').click();
        await see(supervisor, '结果已向住户公布。');
        await supervisor.goBack();
        await card(supervisor, '10月维修服务意见征询')
          .locator('taro-button-core', { hasText: '查看结果' })
          .click();
        await see(supervisor, '不满意原因（排列图）');
        await see(supervisor, '响应慢');
        await shot(supervisor, 'surveys-08-pareto');
      }));
  },
);
