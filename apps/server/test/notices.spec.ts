import {
  ApiRoutes,
  BuildingDto,
  DemoPersona,
  ErrorCode,
  MemberRole,
  NoticeDto,
  NoticeKind,
  NoticeReceiptDto,
  NoticeRoutes,
  NotificationPageDto,
  OutageNoticeDto,
  UnreadBeforeCutDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { NoticePublishing } from '../src/modules/notices/notice-publishing.service';
import { addAssistant, addResident } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let neighbour: string;
let assistant: string;
let supervisor: string;
let building1: string;
let building2: string;

// Monday 2026-11-23, 10:00 China time.
const MONDAY_10AM = new Date('2026-11-23T02:00:00Z');
const at = (iso: string) => t.clock.set({ now: new Date(iso), freeze: true });
const relogin = async () => {
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
};
let neighbourOpenid: string;

// Each test starts from its own app on Monday 10:00, with a neighbour in 2栋.
beforeEach(async () => {
  t = await createTestApp();
  at(MONDAY_10AM.toISOString());
  await relogin();
  const buildings = (await t.http().get(ApiRoutes.buildings).set(bearer(supervisor)).expect(200))
    .body as BuildingDto[];
  building1 = buildings.find((b) => b.name === '1栋')!.id;
  building2 = buildings.find((b) => b.name === '2栋')!.id;
  const other = await addResident(t, {
    building: '2栋',
    unit: '1单元',
    number: '101',
    name: '吴先生',
  });
  await t.dataSource.getRepository(HouseholdMember).insert({
    id: randomUUID(),
    householdId: other.householdId!,
    name: '吴先生',
    role: MemberRole.Owner,
    relationship: '本人',
    phone: '13800000024',
    idNumber: null,
    moveInDate: null,
    userId: other.id,
    createdAt: MONDAY_10AM,
    removedAt: null,
  });
  neighbourOpenid = other.openid!;
  neighbour = (await loginOpenid(t, neighbourOpenid)).token;
});
afterEach(() => t?.close());

const PEST = () => ({
  kind: NoticeKind.PestControl,
  title: '1单元楼道灭鼠消杀',
  body: '周三上午在 1 单元楼道投放鼠药并张贴警示标识，请看管好儿童和宠物。',
  target: { buildingIds: [], units: [{ buildingId: building1, unit: '1单元' }] },
  inForceUntil: '2026-11-30T00:00:00.000Z',
});
const mine = async (token: string) =>
  (await t.http().get(NoticeRoutes.mine).set(bearer(token)).expect(200)).body.items as NoticeDto[];
/** The supervisor posts the pest-control notice to 1栋1单元 (the first test's step). */
const pestPosted = async () =>
  (await t.http().post(NoticeRoutes.notices).set(bearer(supervisor)).send(PEST()).expect(201))
    .body as NoticeDto;

describe('notices with read receipts', () => {
  it('reaches only the unit entrance it targets, pinned while in force, unread', async () => {
    const pest = await pestPosted();
    expect(pest).toMatchObject({
      kindLabel: '消杀通知',
      targetLabel: '1栋1单元',
      published: true,
      pinned: true,
      receipts: { targeted: 1, read: 0 },
    });
    expect(await mine(resident)).toEqual([
      expect.objectContaining({ id: pest.id, pinned: true, read: false }),
    ]);
    expect(await mine(neighbour)).toEqual([]);
    const inbox = (await t.http().get(ApiRoutes.notifications).set(bearer(resident)).expect(200))
      .body as NotificationPageDto;
    expect(inbox.items[0]).toMatchObject({ title: '消杀通知：1单元楼道灭鼠消杀' });
  });

  it('records the household’s receipt when a member opens it (once)', async () => {
    const pest = await pestPosted();
    expect(
      (
        (await t.http().post(NoticeRoutes.read(pest.id)).set(bearer(resident)).expect(200))
          .body as NoticeDto
      ).read,
    ).toBe(true);
    await t.http().post(NoticeRoutes.read(pest.id)).set(bearer(resident)).expect(200);
    const receipts = (
      await t.http().get(NoticeRoutes.receipts(pest.id)).set(bearer(supervisor)).expect(200)
    ).body as NoticeReceiptDto[];
    expect(receipts.map((r) => [r.householdLabel, r.read, r.readByName])).toEqual([
      ['1栋1单元101室', true, '王女士'],
    ]);
    const listed = (await t.http().get(NoticeRoutes.notices).set(bearer(assistant)).expect(200))
      .body.items as NoticeDto[];
    expect(listed.find((n) => n.id === pest.id)?.receipts).toEqual({ targeted: 1, read: 1 });
    // Not theirs: the neighbour of 2栋 cannot read it.
    expect(
      (await t.http().post(NoticeRoutes.read(pest.id)).set(bearer(neighbour)).expect(404)).body
        .code,
    ).toBe(ErrorCode.NOTICE_NOT_FOUND);
  });

  it('a scheduled notice is published when its time comes', async () => {
    const pest = await pestPosted();
    const report = (
      await t
        .http()
        .post(NoticeRoutes.notices)
        .set(bearer(supervisor))
        .send({
          kind: NoticeKind.FinancialReport,
          title: '2026年第三季度公共收益公示',
          body: '停车费、广告位收入及支出明细已张贴于各楼栋公告栏。',
          target: { buildingIds: [], units: [] },
          publishAt: '2026-11-24T01:00:00.000Z',
        })
        .expect(201)
    ).body as NoticeDto;
    expect(report).toMatchObject({ published: false, targetLabel: '全小区', pinned: false });
    expect((await mine(neighbour)).map((n) => n.id)).not.toContain(report.id);
    at('2026-11-24T01:00:00.000Z');
    await relogin();
    neighbour = (await loginOpenid(t, neighbourOpenid)).token;
    expect(await t.app.get(NoticePublishing).publishDue()).toBe(1);
    expect(await t.app.get(NoticePublishing).publishDue()).toBe(0);
    expect((await mine(neighbour)).map((n) => n.id)).toContain(report.id);
    expect((await mine(resident)).map((n) => n.id)).toEqual([pest.id, report.id]);
  });

  it('refuses bad input with a code and a message, writing nothing', async () => {
    const before = (
      (await t.http().get(NoticeRoutes.notices).set(bearer(supervisor)).expect(200)).body
        .items as NoticeDto[]
    ).length;
    expect(
      (
        await t
          .http()
          .post(NoticeRoutes.notices)
          .set(bearer(supervisor))
          .send({ ...PEST(), kind: 'spam' })
          .expect(400)
      ).body.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    const foreign = await t
      .http()
      .post(NoticeRoutes.notices)
      .set(bearer(supervisor))
      .send({ ...PEST(), target: { buildingIds: [randomUUID()], units: [] } })
      .expect(400);
    expect(foreign.body.message).toBe('请选择本小区的楼栋');
    const past = await t
      .http()
      .post(NoticeRoutes.notices)
      .set(bearer(supervisor))
      .send({ ...PEST(), inForceUntil: '2026-11-01T00:00:00.000Z' })
      .expect(400);
    expect(past.body.message).toBe('有效期须晚于发布时间');
    expect(
      (
        (await t.http().get(NoticeRoutes.notices).set(bearer(supervisor)).expect(200)).body
          .items as NoticeDto[]
      ).length,
    ).toBe(before);
  });

  it('is refused to anyone else', async () => {
    const pest = await pestPosted();
    await t.http().post(NoticeRoutes.notices).set(bearer(assistant)).send(PEST()).expect(403);
    await t.http().post(NoticeRoutes.notices).set(bearer(resident)).send(PEST()).expect(403);
    await t.http().get(NoticeRoutes.notices).set(bearer(resident)).expect(403);
    await t.http().get(NoticeRoutes.receipts(pest.id)).set(bearer(resident)).expect(403);
    await t.http().get(NoticeRoutes.unreadBeforeCuts).set(bearer(resident)).expect(403);
    await t.http().get(NoticeRoutes.mine).set(bearer(supervisor)).expect(403);
    await t.http().post(NoticeRoutes.read(pest.id)).set(bearer(assistant)).expect(403);
    // An assistant of no building of the community sees none of it.
    const stranger = await addAssistant(t, '钱管家', []);
    const token = (await loginOpenid(t, stranger.openid!)).token;
    expect((await t.http().get(NoticeRoutes.notices).set(bearer(token)).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
    await t.http().get(NoticeRoutes.receipts(pest.id)).set(bearer(token)).expect(404);
  });
});

describe('a planned cut: the assistant sees an hour before who has not read it', () => {
  it('announces the outage as a notice, lists the unread households in the hour before, and drops them once read', async () => {
    at('2026-11-24T02:00:00.000Z');
    await relogin();
    const outage = (
      await t
        .http()
        .post(ApiRoutes.outages)
        .set(bearer(supervisor))
        .send({
          kind: 'power',
          title: '配电房检修',
          body: '检修期间电梯停运。',
          buildingIds: [building1],
          startsAt: '2026-11-25T01:00:00.000Z',
          endsAt: '2026-11-25T05:00:00.000Z',
        })
        .expect(201)
    ).body as OutageNoticeDto;
    const notice = (await mine(resident)).find((n) => n.outageId === outage.id)!;
    expect(notice).toMatchObject({
      kind: NoticeKind.PowerCut,
      title: '配电房检修',
      targetLabel: '1栋',
      pinned: true,
      read: false,
    });
    // The outage's own announcement is the only message about it.
    const inbox = (await t.http().get(ApiRoutes.notifications).set(bearer(resident)).expect(200))
      .body as NotificationPageDto;
    expect(inbox.items.filter((n) => n.title.includes('配电房检修'))).toHaveLength(1);

    at('2026-11-24T23:59:00.000Z'); // 07:59: more than an hour before
    await relogin();
    expect(
      (await t.http().get(NoticeRoutes.unreadBeforeCuts).set(bearer(assistant)).expect(200)).body,
    ).toEqual([]);
    at('2026-11-25T00:15:00.000Z'); // 08:15
    await relogin();
    const due = (
      await t.http().get(NoticeRoutes.unreadBeforeCuts).set(bearer(assistant)).expect(200)
    ).body as UnreadBeforeCutDto[];
    expect(
      due.map((d) => [
        d.notice.title,
        d.households.map((h) => [h.householdLabel, h.contacts[0]?.name]),
      ]),
    ).toEqual([['配电房检修', [['1栋1单元101室', '王女士']]]]);
    await t.http().post(NoticeRoutes.read(notice.id)).set(bearer(resident)).expect(200);
    expect(
      (await t.http().get(NoticeRoutes.unreadBeforeCuts).set(bearer(assistant)).expect(200)).body,
    ).toEqual([]);
    expect(building2).toBeTruthy();
  });
});
