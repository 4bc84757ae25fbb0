import { goTo, Persona, shot, signIn, useLinliApp } from './support/app';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from './support/browser';
import { button, see, visible } from './support/people';

jest.setTimeout(300_000);

/** The title Taro's H5 title bar shows (the weapp build has WeChat's bar instead). */
const barTitle = (page: Page) => page.locator('#taro-navigation-bar .taro-navigation-bar-title');

/**
 * Issue #9 on the H5 build, the app half: a newcomer is told before typing that a report needs a room,
 * with the ways forward; after applying to join, the application's state is on the home page; every
 * persona's home and 我的 at 390 × 844 and on a desktop; the H5 title bar; a page that cannot load offline.
 */
(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: dead ends and everyday polish (issue #9)',
  () => {
    const app = useLinliApp();

    it('tells a newcomer before typing, then shows the application on the home page through approval and refusal', () =>
      app.scenario(async () => {
        const newcomer = await app.openAs('newcomer');
        // Home: no room yet, the three ways forward on the spot.
        await see(newcomer, '您还没有绑定房屋，绑定后即可报事');
        await see(newcomer, '紧急情况？拨打 24 小时热线', { exact: false });
        expect(await button(newcomer, '绑定房屋').count()).toBe(1);
        expect(await button(newcomer, '申请加入房屋').count()).toBe(1);
        await shot(newcomer, 'ux-01-newcomer-home');

        // The report form, reached from 工单 → 我要报事: told first, no form to fill.
        await visible(newcomer, '工单', { exact: true }).click();
        await button(newcomer, '我要报事').click();
        await see(newcomer, '报事前请先绑定房屋');
        await see(newcomer, '漏水、停电、燃气味、冒烟等，无需绑定房屋');
        expect(await visible(newcomer, '问题描述').count()).toBe(0);
        expect(await button(newcomer, '提交报事').count()).toBe(0);
        await expect(barTitle(newcomer).textContent()).resolves.toBe('我要报事');
        await shot(newcomer, 'ux-02-newcomer-report-gate');

        // Apply from there: 1栋 → 1单元101室 as a tenant.
        await button(newcomer, '申请加入房屋').click();
        await visible(newcomer, '1栋', { exact: true }).click();
        await visible(newcomer, '1单元101室', { exact: true }).click();
        await visible(newcomer, '租户', { exact: true }).click();
        const phone = newcomer
          .locator('input[placeholder="手机号"]')
          .filter({ visible: true })
          .first();
        await phone.fill('13700000009');
        await newcomer
          .locator('input[placeholder^="与业主关系"]')
          .filter({ visible: true })
          .first()
          .fill('租客');
        await button(newcomer, '提交申请').click();
        // The status card on top, the form cleared.
        await see(newcomer, '待业主同意');
        await see(newcomer, '业主同意后，由物业服务中心审核');
        await expect(phone.inputValue()).resolves.toBe('');
        await shot(newcomer, 'ux-03-applied');

        // The same room again: the earlier application explains itself instead of a bare error.
        await visible(newcomer, '1栋', { exact: true }).click();
        await visible(newcomer, '1单元101室', { exact: true }).click();
        await phone.fill('13700000009');
        await button(newcomer, '提交申请').click();
        await see(newcomer, '您已申请过这套房屋，无需重复提交', { exact: false });
        await shot(newcomer, 'ux-04-duplicate');

        // Home: the application's state, and the apply button now opens it.
        await newcomer.goto('/');
        await see(newcomer, '入住申请');
        await see(newcomer, '待业主同意');
        await see(newcomer, '阳光花园 1栋1单元101室 · 租户');
        expect(await button(newcomer, '查看我的申请').count()).toBe(1);
        await shot(newcomer, 'ux-05-newcomer-home-applied');

        // The owner agrees: now it waits for the office.
        const owner = await app.openAs('resident');
        await goTo(owner, '入住审批');
        await button(owner, '同意加入').click();
        await see(owner, '没有待审批的入住申请');
        await newcomer.reload();
        await see(newcomer, '待物业审核');
        await see(newcomer, '业主 王女士 已同意', { exact: false });
        await shot(newcomer, 'ux-06-newcomer-waits-for-office');

        // The office refuses with a reason: the newcomer reads it on the home page.
        const assistant = await app.openAs('assistant');
        await goTo(assistant, '入住审批');
        await button(assistant, '拒绝').click();
        await assistant
          .locator('textarea')
          .filter({ visible: true })
          .first()
          .fill('请携租赁合同到物业服务中心登记');
        await button(assistant, '确认拒绝').click();
        await see(assistant, '没有待审批的入住申请');
        await newcomer.reload();
        await see(newcomer, '已拒绝');
        await see(newcomer, '请携租赁合同到物业服务中心登记', { exact: false });
        await shot(newcomer, 'ux-07-newcomer-refused');
      }));

    /** Each persona, by the name its screenshots carry. */
    const PERSONAS: [string, Persona][] = [
      ['resident', 'resident'],
      ['newcomer', 'newcomer'],
      ['assistant', 'assistant'],
      ['supervisor', 'supervisor'],
      ['department-head', 'departmentHead'],
      ['admin', 'admin'],
      ['guard', 'guard'],
    ];

    /** Something each home shows once its lists have loaded (the screenshot waits for it). */
    const HOME_LOADED: Record<string, string> = {
      resident: '我的管家',
      newcomer: '您还没有绑定房屋，绑定后即可报事',
      assistant: '暂无待办工单，新报事会出现在这里',
      supervisor: '小区暂无在办工单',
      'department-head': '小区暂无在办工单',
      admin: '各小区暂无在办工单',
      guard: '核验放行条',
    };

    it.each(PERSONAS)('%s: home and 我的 at 390 × 844, grouped, nothing wrapped', (key, persona) =>
      app.scenario(async () => {
        const page = await app.openAs(persona);
        await see(page, HOME_LOADED[key]);
        await page.waitForLoadState('networkidle');
        await shot(page, `ux-home-${key}`);
        await visible(page, '我的', { exact: true }).click();
        await see(page, '退出登录');
        await page.waitForLoadState('networkidle');
        await shot(page, `ux-me-${key}`);
        await visible(page, '退出登录').scrollIntoViewIfNeeded();
        await shot(page, `ux-me-${key}-end`);
        // Every right-hand value stays on one line.
        const wrapped = await page.evaluate(() =>
          [...document.querySelectorAll('.menu-list__value')]
            .filter(
              (el) =>
                (el as HTMLElement).offsetParent !== null &&
                (el as HTMLElement).getBoundingClientRect().height > 24,
            )
            .map((el) => el.textContent),
        );
        expect(wrapped).toEqual([]);
        const demoClock = await visible(page, '演示时钟').count();
        if (key === 'resident' || key === 'newcomer') {
          expect(demoClock).toBe(0);
          expect(await visible(page, '工作台', { exact: true }).count()).toBe(0);
        } else {
          expect(demoClock).toBe(1);
          await see(page, '演示工具 · 仅演示版本可见');
        }
        if (key === 'resident') {
          await see(page, '我的房屋', { exact: true });
          expect(await visible(page, '申请加入房屋').count()).toBe(0);
        }
        if (key === 'supervisor') {
          await see(page, '工作台', { exact: true });
          await see(page, '管理', { exact: true });
        }
      }),
    );

    it('on a desktop browser: phone-sized scale, content width capped, table pages wider', () =>
      app.scenario(async () => {
        const context = await app.browser.newContext({
          baseURL: app.server.baseUrl,
          viewport: { width: 1440, height: 900 },
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
        });
        const page = await context.newPage();
        await signIn(page, 'supervisor');
        const rootFont = await page.evaluate(() =>
          parseFloat(getComputedStyle(document.documentElement).fontSize),
        );
        expect(rootFont).toBeLessThanOrEqual(22);
        const width = await page.evaluate(
          () => document.querySelector('.taro-tabbar__container')!.getBoundingClientRect().width,
        );
        expect(width).toBeLessThanOrEqual(720);
        await shot(page, 'ux-desktop-supervisor-home');
        await goTo(page, '报事类别');
        await see(page, '报事类别', { exact: true });
        await page.waitForTimeout(500);
        const wide = await page.evaluate(
          () => document.querySelector('.taro-tabbar__container')!.getBoundingClientRect().width,
        );
        expect(wide).toBeGreaterThan(720);
        await shot(page, 'ux-desktop-categories');
        await context.close();
      }));

    it('H5 sub-pages have a title and a back button; offline, a page that cannot load says so and retries; the emergency leads the homes', () =>
      app.scenario(async () => {
        const page = await app.openAs('resident');
        const context = page.context();
        // The report page's code has not been loaded in this browser yet: go offline and tap 我要报事.
        await context.setOffline(true);
        await button(page, '我要报事').click();
        await see(page, '网络连接失败');
        await see(page, '页面没有打开，请检查网络后重试');
        await shot(page, 'ux-08-offline-retry');
        await context.setOffline(false);
        await visible(page, '重试', { exact: true }).click();
        await see(page, '问题描述');
        await page.getByText('网络连接失败').waitFor({ state: 'hidden' });
        await expect(barTitle(page).textContent()).resolves.toBe('我要报事');
        await shot(page, 'ux-09-report-with-title-bar');
        // The bar's back arrow returns home.
        await page.locator('#taro-navigation-bar .taro-navigation-bar-back').click();
        await see(page, '最近报事');

        // A leak reported: her home puts the running emergency first (item 16).
        await button(page, '我要报事').click();
        await visible(page, '其他户内维修').click();
        await page
          .locator('textarea')
          .filter({ visible: true })
          .fill('卫生间天花板漏水，水一直往下滴');
        await button(page, '提交报事').click();
        await visible(page, '暂不', { exact: true }).click();
        await see(page, '【紧急】其他户内维修');
        await page.goto('/');
        await see(page, '紧急报事处理中');
        await page.waitForLoadState('networkidle');
        await shot(page, 'ux-10-resident-home-emergency');

        // The company admin's home shows it (item 7); once it is late, first and flagged.
        const admin = await app.openAs('admin');
        await see(admin, '各小区在办工单');
        await see(admin, '【紧急】其他户内维修');
        await visible(admin, '我的', { exact: true }).click();
        await button(admin, '+1 小时').click();
        await page.waitForTimeout(500);
        await visible(admin, '首页', { exact: true }).click();
        await see(admin, '1 个工单需要您关注', { exact: false });
        await see(admin, '1栋1单元101室', { exact: false });
        await admin.waitForLoadState('networkidle');
        await shot(admin, 'ux-11-admin-home-attention');
      }));
  },
);
