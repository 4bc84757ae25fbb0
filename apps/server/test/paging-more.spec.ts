import {
  ApiRoutes,
  ReportKind,
  ReportSummaryDto,
  RetentionRunDto,
  CampaignDto,
  CampaignStatus,
  CareOccasion,
  CareRoutes,
  GreetingCardDto,
  RecipientStatus,
  DemoPersona,
  ErrorCode,
  NoticeDto,
  NoticeKind,
  NoticeRoutes,
  Page,
  WorkOrderDto,
} from '@linli/contracts';
import { PAGE_SIZE } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { CareCampaign } from '../src/modules/care/entities/care-campaign.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { IssuedReport } from '../src/modules/dashboard/entities/issued-report.entity';
import { RetentionRun } from '../src/modules/retention/entities/retention-run.entity';
import { CareRecipient } from '../src/modules/care/entities/care-recipient.entity';
import { WorkOrder } from '../src/modules/work-orders/entities/work-order.entity';
import { bearer, loginPersona } from './support/login';
import { bootPagingWorld, walkPages } from './support/paging';
import { TestApp } from './support/test-app';

// The cursor convention at the database (issue #16): (createdAt, id) < (cursorAt, cursorId), portable between
// SQLite and MariaDB (run with LINLI_TEST_DB=mysql too). Rows of the same millisecond straddle page boundaries.
// Care campaigns, reports, retention runs, work orders, notices and bad cursors (split out of
// paging.spec.ts, issue #17).

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let newcomer: string;

const SAME = new Date('2026-11-20T08:00:00.000Z');

// Each test starts from its own world: the rows one test pages through never reach another's pages.
beforeEach(async () => {
  ({ t, resident, assistant, supervisor, newcomer } = await bootPagingWorld());
});
afterEach(() => t?.close());

const walk = <T>(route: string, token: string, query: Record<string, string | number>) =>
  walkPages<T>(t, route, token, query);

describe("festival care: campaigns and a household's greeting cards page by their instant and id", () => {
  const campaignRow = (communityId: string, n: number, createdAt: Date, card = true) => ({
    id: randomUUID(),
    communityId,
    occasion: CareOccasion.MidAutumn,
    title: `翻页活动${n}`,
    occasionDate: '2026-09-25',
    audience: { buildingIds: [], segments: [] },
    greeting: '中秋快乐',
    imageUrl: null,
    channels: { card, wechat: false, visit: false },
    sendAt: null,
    giftName: null,
    giftStock: null,
    status: CampaignStatus.Sent,
    ownerId: null,
    targeted: 1,
    nextCheckAt: null,
    createdAt,
    finishedAt: createdAt,
  });

  it('23 campaigns of the community (five in one millisecond): every one once, newest first, in any page size', async () => {
    const me = (await t.http().get(ApiRoutes.me).set(bearer(supervisor)).expect(200)).body as {
      communityId: string;
    };
    const rows = Array.from({ length: 23 }, (_, i) =>
      campaignRow(
        me.communityId,
        i + 1,
        i >= 5 && i < 10
          ? new Date(SAME.getTime() + 7 * 60_000)
          : new Date(SAME.getTime() + (i + 1) * 60_000),
      ),
    );
    await t.dataSource.getRepository(CareCampaign).insert(rows);
    const once = (
      await t
        .http()
        .get(CareRoutes.campaigns)
        .query({ communityId: me.communityId, limit: PAGE_SIZE.max })
        .set(bearer(supervisor))
        .expect(200)
    ).body as Page<CampaignDto>;
    expect(once.nextCursor).toBeNull();
    expect(once.items.filter((c) => c.title.startsWith('翻页活动'))).toHaveLength(23);
    // Newest first: 23 … 11, the five of one millisecond, then 5 … 1.
    const ours = once.items.filter((c) => c.title.startsWith('翻页活动')).map((c) => c.title);
    expect(ours.slice(0, 13)).toEqual(Array.from({ length: 13 }, (_, i) => `翻页活动${23 - i}`));
    expect(ours.slice(13, 18).sort()).toEqual([
      '翻页活动10',
      '翻页活动6',
      '翻页活动7',
      '翻页活动8',
      '翻页活动9',
    ]);
    for (const limit of [1, 4, 5, 20]) {
      const pages = await walk<CampaignDto>(CareRoutes.campaigns, supervisor, {
        communityId: me.communityId,
        limit,
      });
      expect(pages.flatMap((p) => p.items.map((c) => c.id))).toEqual(once.items.map((c) => c.id));
      expect(pages.every((p) => p.items.length <= limit)).toBe(true);
    }
    // A bad cursor is a clear 400, not a 500.
    const bad = await t
      .http()
      .get(CareRoutes.campaigns)
      .query({ communityId: me.communityId, cursor: 'nonsense' })
      .set(bearer(supervisor))
      .expect(400);
    expect(bad.body.code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it("a household's greeting cards: cardless campaigns dropped, the cursor still reaching every card", async () => {
    const me = (await t.http().get(ApiRoutes.me).set(bearer(resident)).expect(200)).body as {
      communityId: string;
      household: { id: string };
    };
    const household = await t.dataSource
      .getRepository(Household)
      .findOneOrFail({ where: { id: me.household.id }, relations: { room: true } });
    // 25 sent cards, every fifth campaign without a card: 20 cards to show, across pages of 3.
    const campaigns = Array.from({ length: 25 }, (_, i) =>
      campaignRow(me.communityId, 100 + i, SAME, i % 5 !== 4),
    );
    await t.dataSource.getRepository(CareCampaign).insert(campaigns);
    await t.dataSource.getRepository(CareRecipient).insert(
      campaigns.map((c, i) => ({
        id: randomUUID(),
        campaignId: c.id,
        householdId: household.id,
        buildingId: household.room!.buildingId,
        status: RecipientStatus.Sent,
        skipReason: null,
        sentAt: i < 10 ? SAME : new Date(SAME.getTime() + i * 1000),
        openedAt: null,
        giftStatus: null,
        giftNote: null,
        giftPhotoIds: null,
        giftAt: null,
        giftById: null,
      })),
    );
    const pages = await walk<GreetingCardDto>(CareRoutes.myGreetings, resident, { limit: 3 });
    const shown = pages.flatMap((p) => p.items.map((g) => g.recipientId));
    expect(shown).toHaveLength(20);
    expect(new Set(shown).size).toBe(20);
    expect(pages.every((p) => p.items.length <= 3)).toBe(true);
    const first = (await t.http().get(CareRoutes.myGreetings).set(bearer(resident)).expect(200))
      .body as Page<GreetingCardDto>;
    expect(first.items.length).toBeLessThanOrEqual(PAGE_SIZE.default);
    expect(first.nextCursor).not.toBeNull();
    // Someone with no household: one empty page.
    expect(
      (await t.http().get(CareRoutes.myGreetings).set(bearer(newcomer)).expect(200)).body,
    ).toEqual({ items: [], nextCursor: null });
  });
});

describe('issued reports and retention runs page by their instant and id', () => {
  it("the community's issued reports: every one once, newest first, a department head's own and the community's", async () => {
    const me = (await t.http().get(ApiRoutes.me).set(bearer(supervisor)).expect(200)).body as {
      communityId: string;
    };
    // 23 weekly reports, five of them issued in the same millisecond.
    const rows = Array.from({ length: 23 }, (_, i) => ({
      id: randomUUID(),
      communityId: me.communityId,
      kind: ReportKind.Weekly,
      period: `2025-W${String(i + 1).padStart(2, '0')}`,
      department: null,
      scopeKey: '*',
      title: `翻页报表${i + 1}`,
      content: { sheets: [] },
      workbook: '',
      issuedById: null,
      issuedAt:
        i >= 5 && i < 10
          ? new Date(SAME.getTime() + 7 * 60_000)
          : new Date(SAME.getTime() + (i + 1) * 60_000),
    }));
    await t.dataSource.getRepository(IssuedReport).insert(rows);
    const once = (
      await t
        .http()
        .get(ApiRoutes.reports)
        .query({ limit: PAGE_SIZE.max })
        .set(bearer(supervisor))
        .expect(200)
    ).body as Page<ReportSummaryDto>;
    expect(once.nextCursor).toBeNull();
    const ours = once.items.filter((r) => r.title.startsWith('翻页报表')).map((r) => r.title);
    expect(ours.slice(0, 13)).toEqual(Array.from({ length: 13 }, (_, i) => `翻页报表${23 - i}`));
    expect(ours.slice(13, 18).sort()).toEqual([
      '翻页报表10',
      '翻页报表6',
      '翻页报表7',
      '翻页报表8',
      '翻页报表9',
    ]);
    for (const limit of [1, 5, 20]) {
      const pages = await walk<ReportSummaryDto>(ApiRoutes.reports, supervisor, { limit });
      expect(pages.flatMap((p) => p.items.map((r) => r.id))).toEqual(once.items.map((r) => r.id));
      expect(pages.every((p) => p.items.length <= limit)).toBe(true);
    }
  });

  it('the retention runs, one a day for years: every one once, newest first', async () => {
    const admin = (await loginPersona(t, DemoPersona.Admin)).token;
    const rows = Array.from({ length: 65 }, (_, i) => {
      const startedAt = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000);
      return {
        id: randomUUID(),
        runKey: startedAt.toISOString().slice(0, 10),
        startedAt,
        finishedAt: startedAt,
        cutoff: startedAt,
        years: 2,
        counts: null,
      };
    });
    await t.dataSource.getRepository(RetentionRun).insert(rows);
    const pages = await walk<RetentionRunDto>(ApiRoutes.retentionRuns, admin, { limit: 20 });
    const keys = pages.flatMap((p) => p.items.map((r) => r.runKey));
    // Was cut at the newest 60.
    expect(keys).toHaveLength(65);
    expect(keys).toEqual([...rows.map((r) => r.runKey)].reverse());
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 20, 5]);
  });
});

describe('work orders: the open ones whole on the first page, the finished ones paged after them', () => {
  /** Five orders to engineering on Monday 11:00, the first three of them done. */
  async function fiveOrdersThreeDone(): Promise<WorkOrderDto[]> {
    const head = (await loginPersona(t, DemoPersona.DepartmentHead)).token;
    t.clock.set({ now: new Date('2026-11-23T03:00:00Z'), freeze: true });
    const issue = async (n: number) =>
      (
        await t
          .http()
          .post(ApiRoutes.workOrders)
          .set(bearer(supervisor))
          .send({
            department: 'engineering',
            instructions: `翻页测试第${n}单`,
            dueAt: '2026-11-25T02:00:00.000Z',
          })
          .expect(201)
      ).body as WorkOrderDto;
    const orders = [];
    for (let n = 1; n <= 5; n++) orders.push(await issue(n));
    // Three finished (issued in the same millisecond), two still open.
    for (const o of orders.slice(0, 3)) {
      await t.http().post(ApiRoutes.workOrderAccept(o.id)).set(bearer(head)).expect(200);
      await t
        .http()
        .post(ApiRoutes.workOrderDone(o.id))
        .set(bearer(head))
        .send({ result: '已完成' })
        .expect(200);
    }
    return orders;
  }

  it('every order once; a cursor continues the finished ones only', async () => {
    const orders = await fiveOrdersThreeDone();
    const pages = await walk<WorkOrderDto>(ApiRoutes.workOrders, supervisor, { limit: 1 });
    expect(pages[0].items.map((o) => o.status)).toEqual(['issued', 'issued', 'done']);
    const seen = pages.flatMap((p) => p.items.map((o) => o.id));
    expect([...seen].sort()).toEqual(orders.map((o) => o.id).sort());
    expect(pages.length).toBe(3);
    expect(pages.slice(1).every((p) => p.items.every((o) => o.status === 'done'))).toBe(true);
  });

  it('an open order is listed however many finished ones came due before it (the list used to read 200 by due date)', async () => {
    await fiveOrdersThreeDone();
    const open = (await t.http().get(ApiRoutes.workOrders).set(bearer(supervisor)).expect(200))
      .body as Page<WorkOrderDto>;
    const template = await t.dataSource
      .getRepository(WorkOrder)
      .findOneByOrFail({ id: open.items[0].id });
    const due = new Date('2026-11-20T00:00:00Z');
    const finished = Array.from({ length: 210 }, (_, i) => ({
      ...template,
      id: randomUUID(),
      code: `GZ-PAGING-${String(i).padStart(3, '0')}`,
      status: 'done' as const,
      dueAt: due,
      issuedAt: new Date(due.getTime() - 86_400_000),
      doneAt: due,
      result: '已完成',
    }));
    for (let i = 0; i < finished.length; i += 30)
      await t.dataSource.getRepository(WorkOrder).insert(finished.slice(i, i + 30));
    const page = (await t.http().get(ApiRoutes.workOrders).set(bearer(supervisor)).expect(200))
      .body as Page<WorkOrderDto>;
    const openIds = open.items.filter((o) => o.status !== 'done').map((o) => o.id);
    expect(openIds.length).toBeGreaterThan(0);
    expect(page.items.slice(0, openIds.length).map((o) => o.id)).toEqual(openIds);
    expect(page.items.length).toBe(openIds.length + PAGE_SIZE.default);
    expect(page.nextCursor).not.toBeNull();
  });
});

describe("a resident's notices: those in force first, then the rest paged", () => {
  it('every notice once; the one in force heads the first page only', async () => {
    t.clock.set({ now: new Date('2026-11-23T04:00:00Z'), freeze: true });
    const publish = async (title: string, inForceUntil: string | null) =>
      (
        (
          await t
            .http()
            .post(NoticeRoutes.notices)
            .set(bearer(supervisor))
            .send({
              kind: NoticeKind.Other,
              title,
              body: '翻页测试',
              target: { buildingIds: [], units: [] },
              inForceUntil,
            })
            .expect(201)
        ).body as NoticeDto
      ).id;
    const inForce = await publish('消防通道清理（本周有效）', '2026-11-30T00:00:00.000Z');
    const others = [
      await publish('物业简报一', null),
      await publish('物业简报二', null),
      await publish('物业简报三', null),
    ];
    const pages = await walk<NoticeDto>(NoticeRoutes.mine, resident, { limit: 1 });
    expect(pages[0].items.map((n) => n.id)).toEqual([inForce, expect.any(String)]);
    expect(pages[0].items[0].pinned).toBe(true);
    const seen = pages.flatMap((p) => p.items.map((n) => n.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([inForce, ...others]));
    expect(seen.filter((id) => others.includes(id))).toEqual([...others].sort().reverse());
    expect(pages.slice(1).every((p) => p.items.every((n) => !n.pinned))).toBe(true);
  });
});

describe('a bad cursor or page size is refused in Chinese', () => {
  it.each<[string, Record<string, string>, string]>([
    ['a made-up cursor', { cursor: 'not-a-cursor' }, 'cursor'],
    [
      'an old `before` instant passed as a cursor',
      { cursor: '2026-11-23T01:00:00.000Z' },
      'cursor',
    ],
    ['a limit of 0', { limit: '0' }, 'limit'],
    ['a limit above the most', { limit: String(PAGE_SIZE.max + 1) }, 'limit'],
    ['a limit that is not a number', { limit: 'all' }, 'limit'],
    ['a fractional limit', { limit: '2.5' }, 'limit'],
  ])('%s', async (_n, query, field) => {
    for (const [route, token] of [
      [ApiRoutes.myTickets, resident],
      [ApiRoutes.notifications, assistant],
      [ApiRoutes.communityTickets, supervisor],
      [ApiRoutes.householdReadLog, supervisor],
      [ApiRoutes.callTasks, assistant],
      [ApiRoutes.workOrders, supervisor],
      [NoticeRoutes.mine, resident],
      [NoticeRoutes.notices, supervisor],
    ] as const) {
      const res = await t.http().get(route).query(query).set(bearer(token)).expect(400);
      expect(res.body).toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
      expect(res.body.fields[0].field).toBe(field);
      expect(res.body.fields[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
