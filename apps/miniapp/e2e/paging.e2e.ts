import { goTo, goToTab, shot, useLinliApp } from './support/app';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from './support/browser';
import { see, visible } from './support/people';
import type { CommunityTicketsPage, QueuePage } from '@linli/contracts';

jest.setTimeout(240_000);

/** More tickets than one page (20) holds, so every list below has a second page. */
const REPORTS = 26;
const label = (i: number) => `翻页测试第${String(i).padStart(2, '0')}号报事`;

/**
 * Scrolls the shown page to its end as a thumb would: through the last screen rather than in one jump, so
 * that the page sees itself leave the bottom it reached before (the list grew) and reach the new one
 * (onReachBottom). The scroller is the window or, for some H5 pages, the page's own container.
 */
async function scrollToEnd(page: Page): Promise<void> {
  for (const back of [600, 300, 0]) {
    await page.evaluate((offset) => {
      const scrolls = (el: Element) =>
        ['auto', 'scroll'].includes(getComputedStyle(el).overflowY) &&
        (el as HTMLElement).offsetParent !== null;
      const scrollers = [
        document.scrollingElement,
        ...Array.from(document.querySelectorAll('*')).filter(scrolls),
      ].filter((el): el is Element => el !== null && el.scrollHeight > el.clientHeight + 1);
      for (const el of scrollers)
        el.scrollTo(0, Math.max(0, el.scrollHeight - el.clientHeight - offset));
      window.scrollTo(
        0,
        Math.max(0, document.documentElement.scrollHeight - window.innerHeight - offset),
      );
    }, back);
    await page.waitForTimeout(80);
  }
}

/** Scrolls until the list says 没有更多了 (each scroll to the bottom loads one more page). */
async function scrollUntilEnd(page: Page): Promise<number> {
  for (let scrolls = 1; scrolls <= 15; scrolls++) {
    await scrollToEnd(page);
    await page.waitForTimeout(400);
    if ((await visible(page, '没有更多了').count()) > 0) {
      await scrollToEnd(page); // the last page arrived below the fold: bring the end of the list on screen
      return scrolls;
    }
  }
  throw new Error('the list never reached 没有更多了');
}

/**
 * Issue #16 on the H5 build: lists that grow with history load a page at a time as they are scrolled, and
 * say so at the end (没有更多了): the resident's 全部报事, the supervisor's 小区工单 → 处理中 and 全部 (whose 首页
 * figures count the whole open list), the assistant's 消息中心
 * and 我的工单队列 (whose 首页 figures count the whole queue).
 */
(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: lists load more on scroll',
  () => {
    const app = useLinliApp();

    async function api<T>(
      method: string,
      path: string,
      token: string | null,
      body?: object,
    ): Promise<T> {
      const res = await fetch(`${app.server.baseUrl}${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (res.status >= 300)
        throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (res.status === 204 ? null : await res.json()) as T;
    }
    const persona = async (p: string) =>
      (await api<{ token: string }>('POST', '/api/auth/demo-login', null, { persona: p })).token;

    it('the resident, the supervisor and the assistant scroll past the first page to the end', () =>
      app.scenario(async () => {
        const owner = await persona('resident');
        for (let i = 1; i <= REPORTS; i++) {
          await api('POST', '/api/tickets', owner, {
            categoryCode: 'bulb',
            description: label(i),
            photoIds: [],
            idempotencyKey: `paging-${i}-${Date.now()}`,
          });
        }

        // 王女士's 全部报事: the newest first; the oldest of these is on the second page, loaded by scrolling.
        const resident = await app.openAs('resident');
        await goToTab(resident, '工单');
        await see(resident, label(REPORTS));
        expect(await visible(resident, label(1)).count()).toBe(0);
        await scrollUntilEnd(resident);
        await see(resident, label(1));
        // Every report once: none lost or repeated across the page boundary.
        for (let i = 1; i <= REPORTS; i++)
          expect(
            await resident.getByText(label(i), { exact: true }).filter({ visible: true }).count(),
          ).toBe(1);
        await shot(resident, 'paging-01-resident-tickets-end');

        // 张主任's 首页 counts the community's whole open list (the server's counts), not its first page.
        const supervisor = await app.openAs('supervisor');
        const { counts: open } = await api<CommunityTicketsPage>(
          'GET',
          '/api/tickets/community?filter=open',
          await persona('supervisor'),
        );
        expect(open!.total).toBeGreaterThanOrEqual(REPORTS);
        await see(supervisor, '小区在办工单');
        const openStat = supervisor
          .locator('.home__stat')
          .filter({ visible: true })
          .filter({ hasText: '处理中' })
          .locator('.home__stat-value')
          .first();
        await expect(openStat.textContent()).resolves.toBe(String(open!.total));

        // 张主任's 小区工单 → 处理中: the open list (nearest deadline first) pages too, each report once.
        await goToTab(supervisor, '工单');
        await supervisor.locator('.ticket-card').filter({ visible: true }).first().waitFor();
        expect(await supervisor.locator('.ticket-card').filter({ visible: true }).count()).toBe(20);
        await scrollUntilEnd(supervisor);
        for (let i = 1; i <= REPORTS; i++)
          expect(
            await supervisor.getByText(label(i), { exact: true }).filter({ visible: true }).count(),
          ).toBe(1);
        await shot(supervisor, 'paging-02a-supervisor-open-tickets-end');

        // 张主任's 小区工单 → 全部: the community's history, paged the same way.
        await visible(supervisor, '全部', { exact: true }).click();
        // The open list (where the oldest report is near the top) gives way to the history, newest first.
        await visible(supervisor, label(1)).waitFor({ state: 'hidden' });
        await see(supervisor, label(REPORTS));
        expect(await visible(supervisor, label(1)).count()).toBe(0);
        await scrollUntilEnd(supervisor);
        await see(supervisor, label(1));
        for (let i = 1; i <= REPORTS; i++)
          expect(
            await supervisor.getByText(label(i), { exact: true }).filter({ visible: true }).count(),
          ).toBe(1);
        await shot(supervisor, 'paging-02-supervisor-all-tickets-end');

        // 李管家's 消息中心: one message per new ticket dispatched to them, more than a page.
        const assistant = await app.openAs('assistant');
        await goTo(assistant, '消息中心');
        await assistant.locator('.inbox__item').filter({ visible: true }).first().waitFor();
        await see(assistant, '全部已读');
        const before = await assistant.locator('.inbox__item').filter({ visible: true }).count();
        expect(before).toBe(20);
        // The network fails for the next page: the list stays, its end says so and offers 重试.
        const nextPage = /\/api\/notifications\?.*cursor=/;
        await assistant.route(nextPage, (route) => route.abort());
        await scrollToEnd(assistant);
        await see(assistant, '加载失败，请检查网络');
        expect(await assistant.locator('.inbox__item').filter({ visible: true }).count()).toBe(20);
        await scrollToEnd(assistant);
        await shot(assistant, 'paging-04-assistant-inbox-load-failed');
        await assistant.unroute(nextPage);
        await visible(assistant, '重试', { exact: true }).click();
        await scrollUntilEnd(assistant);
        expect(
          await assistant.locator('.inbox__item').filter({ visible: true }).count(),
        ).toBeGreaterThanOrEqual(REPORTS);
        await shot(assistant, 'paging-03-assistant-inbox-end');

        // 张主任's 档案查阅记录: every opening of a file is logged; 25 openings are more than a page.
        const household = (await api<{ id: string }>('GET', '/api/households/mine', owner)).id;
        const boss = await persona('supervisor');
        for (let i = 0; i < 25; i++) await api('GET', `/api/households/${household}`, boss);
        await supervisor.goto('/');
        await see(supervisor, '您好');
        await goTo(supervisor, '档案查阅记录');
        await see(supervisor, '住户档案含敏感信息', { exact: false });
        const firstPage = await supervisor
          .locator('.nut-cell')
          .filter({ hasText: '查阅 1栋1单元101室' })
          .filter({ visible: true })
          .count();
        expect(firstPage).toBe(20);
        await scrollUntilEnd(supervisor);
        expect(
          await supervisor
            .locator('.nut-cell')
            .filter({ hasText: '查阅 1栋1单元101室' })
            .filter({ visible: true })
            .count(),
        ).toBeGreaterThanOrEqual(25);
        await shot(supervisor, 'paging-05-supervisor-read-log-end');

        // The household file's 档案动态: the file carries the first 20 entries, older ones load at the page's end.
        await supervisor.goto(`/#/subpackages/household/file/index?id=${household}`);
        await see(supervisor, '档案动态');
        const entries = () =>
          supervisor.locator('.household__timeline').filter({ visible: true }).count();
        expect(await entries()).toBe(20);
        await scrollUntilEnd(supervisor);
        expect(await entries()).toBeGreaterThan(REPORTS);
        await shot(supervisor, 'paging-06-supervisor-household-timeline-end');

        // The file's 管家备注: 22 notes, the newest 20 with the file, the two oldest behind 查看更早的备注.
        const note = (i: number) => `翻页测试备注第${String(i).padStart(2, '0')}条`;
        for (let i = 1; i <= 22; i++)
          await api('POST', `/api/households/${household}/notes`, boss, { text: note(i) });
        await supervisor.reload();
        await see(supervisor, note(22));
        expect(await supervisor.locator('.household__note').filter({ visible: true }).count()).toBe(
          20,
        );
        expect(await visible(supervisor, note(1)).count()).toBe(0);
        await visible(supervisor, '查看更早的备注', { exact: true }).scrollIntoViewIfNeeded();
        await shot(supervisor, 'paging-07-household-notes-more');
        await visible(supervisor, '查看更早的备注', { exact: true }).click();
        await see(supervisor, note(1));
        for (let i = 1; i <= 22; i++)
          expect(
            await supervisor.getByText(note(i), { exact: true }).filter({ visible: true }).count(),
          ).toBe(1);
        expect(await visible(supervisor, '查看更早的备注', { exact: true }).count()).toBe(0);

        // 李管家's 我的工单队列: the reports are dispatched to him, more than a page; the queue loads more
        // on scroll, each report once. 首页's figures count the whole queue (the server's counts), not the page.
        const liToken = await persona('assistant');
        const { counts } = await api<QueuePage>('GET', '/api/tickets/queue', liToken);
        expect(counts.pending).toBeGreaterThanOrEqual(REPORTS);
        await assistant.goto('/');
        await see(assistant, '您好');
        const stat = (name: string) =>
          assistant
            .locator('.home__stat')
            .filter({ visible: true })
            .filter({ hasText: name })
            .locator('.home__stat-value')
            .first();
        await expect(stat('待受理').textContent()).resolves.toBe(String(counts.pending));
        await expect(stat('处理中').textContent()).resolves.toBe(String(counts.inProgress));
        await expect(stat('已超时').textContent()).resolves.toBe(String(counts.late));
        await shot(assistant, 'paging-08-assistant-home-counts');
        await goToTab(assistant, '工单');
        await assistant.locator('.ticket-card').filter({ visible: true }).first().waitFor();
        expect(await assistant.locator('.ticket-card').filter({ visible: true }).count()).toBe(20);
        await scrollUntilEnd(assistant);
        for (let i = 1; i <= REPORTS; i++)
          expect(
            await assistant.getByText(label(i), { exact: true }).filter({ visible: true }).count(),
          ).toBe(1);
        expect(
          await assistant.locator('.ticket-card').filter({ visible: true }).count(),
        ).toBeGreaterThanOrEqual(counts.pending);
        await shot(assistant, 'paging-09-assistant-queue-end');
      }));
  },
);
