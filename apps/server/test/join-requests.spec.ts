import {
  ApiRoutes,
  Channel,
  DemoPersona,
  ErrorCode,
  HouseholdFileDto,
  JoinBuildingDto,
  JoinCommunityDto,
  JoinRequestDto,
  MemberRole,
  MyHouseholdDto,
  MyHouseholdRefDto,
  Role,
  TicketDetailDto,
  TicketSummaryDto,
  UserProfileDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { addAssistant, addResident, addUser, submitTicket } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let owner: string;
let assistant: string;
let supervisor: string;
let home: string;
let room101: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  owner = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  home = ((await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto).id;
  const [community] = (await get(ApiRoutes.joinCommunities, owner).expect(200))
    .body as JoinCommunityDto[];
  const buildings = (await get(ApiRoutes.joinBuildings(community.id), owner).expect(200))
    .body as JoinBuildingDto[];
  room101 = buildings
    .find((b) => b.name === '1栋')!
    .rooms.find((r) => r.label === '1栋1单元101室')!.id;
});
afterAll(() => t?.close());

const get = (url: string, token: string) => t.http().get(url).set(bearer(token));
const post = (url: string, token: string, body: object = {}) =>
  t.http().post(url).set(bearer(token)).send(body);

/** A signed-in WeChat user with no room yet. */
async function stranger(name: string): Promise<{ user: User; token: string }> {
  const user = await addUser(t, Role.Resident, name);
  await t.dataSource.getRepository(User).update({ id: user.id }, { communityId: null });
  return { user, token: (await loginOpenid(t, user.openid!)).token };
}

const ask = (token: string, body: object) =>
  post(ApiRoutes.joinRequests, token, { roomId: room101, ...body });
const pendingFor = async (token: string) =>
  (await get(ApiRoutes.joinRequestsPending, token).expect(200)).body as JoinRequestDto[];
const profile = async (token: string) =>
  (await get(ApiRoutes.me, token).expect(200)).body as UserProfileDto;

/** A refusal says nothing about the household: only the error code and its message. */
function expectBare(body: unknown): void {
  expect(Object.keys(body as object).sort()).toEqual(['code', 'message']);
  expect(JSON.stringify(body)).not.toMatch(/王|1380|1390|110105|101室/);
}

describe('picking the room', () => {
  it("lists the community's buildings with room labels and nothing about who lives there", async () => {
    const newcomer = (await loginPersona(t, DemoPersona.Newcomer)).token;
    const [community] = (await get(ApiRoutes.joinCommunities, newcomer).expect(200))
      .body as JoinCommunityDto[];
    expect(community.name).toBe('阳光花园');
    const buildings = (await get(ApiRoutes.joinBuildings(community.id), newcomer).expect(200))
      .body as JoinBuildingDto[];
    expect(buildings.map((b) => b.name)).toEqual(['1栋', '2栋']);
    expect(buildings[0].rooms).toHaveLength(12);
    expect(JSON.stringify(buildings)).not.toMatch(/王|household|member/i);
    await get(ApiRoutes.joinCommunities, assistant).expect(403);
    // A bad phone, an owner's claim (the office registers owners with the deed) or no room at all: refused, said in Chinese.
    const badPhone = await ask(newcomer, {
      name: '赵先生',
      phone: '12345',
      role: MemberRole.Tenant,
    }).expect(400);
    expect(badPhone.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      fields: [{ field: 'phone', message: '手机号格式不正确' }],
    });
    const asOwner = await ask(newcomer, {
      name: '赵先生',
      phone: '13700000009',
      role: MemberRole.Owner,
    }).expect(400);
    expect(asOwner.body.fields).toEqual([
      { field: 'role', message: '身份只能是家属、租户或借住亲属（业主请到物业服务中心登记）' },
    ]);
    const noRoom = await post(ApiRoutes.joinRequests, newcomer, {
      name: '赵先生',
      phone: '13700000009',
      role: MemberRole.Tenant,
    }).expect(404);
    expect(noRoom.body.code).toBe(ErrorCode.ROOM_NOT_FOUND);
    expect(
      ((await get(ApiRoutes.joinRequestsMine, newcomer).expect(200)).body as unknown[]).length,
    ).toBe(0);
  });
});

describe("a family member joins with the owner's approval", () => {
  it('waits for the owner, then binds the requester as a member; the owner sees who approved when', async () => {
    const { token } = await stranger('王小妹');
    const req = (
      await ask(token, {
        name: '王小妹',
        phone: '13700000011',
        role: MemberRole.Family,
        relationship: '妹妹',
      }).expect(201)
    ).body as JoinRequestDto;
    expect(req).toMatchObject({
      roomLabel: '1栋1单元101室',
      status: 'pending',
      approvers: ['owner'],
      waitingFor: ['owner'],
      canDecideAs: null,
      phone: '13700000011',
    });
    // The same request twice is refused; the office has nothing to do for family.
    expect(
      (
        await ask(token, { name: '王小妹', phone: '13700000011', role: MemberRole.Family }).expect(
          409,
        )
      ).body.code,
    ).toBe(ErrorCode.JOIN_REQUEST_DUPLICATE);
    expect((await pendingFor(assistant)).map((r) => r.id)).not.toContain(req.id);

    const waiting = await pendingFor(owner);
    expect(waiting.find((r) => r.id === req.id)).toMatchObject({
      name: '王小妹',
      phone: '137****0011',
      canDecideAs: 'owner',
    });
    expect(
      ((await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto)
        .pendingJoinRequests,
    ).toBe(1);

    t.clock.set({ advanceMinutes: 5 });
    const approved = (await post(ApiRoutes.joinRequestApprove(req.id), owner).expect(200))
      .body as JoinRequestDto;
    expect(approved).toMatchObject({
      status: 'approved',
      waitingFor: [],
      approvals: [{ as: 'owner', byName: '王女士', at: '2026-11-23T02:05:00.000Z' }],
    });
    expect((await post(ApiRoutes.joinRequestApprove(req.id), owner).expect(409)).body.code).toBe(
      ErrorCode.JOIN_REQUEST_DECIDED,
    );

    expect((await profile(token)).household).toMatchObject({
      id: home,
      roomLabel: '1栋1单元101室',
    });
    const theirs = (await get(ApiRoutes.myHousehold, token).expect(200)).body as MyHouseholdDto;
    expect(theirs.myRole).toBe(MemberRole.Family);
    expect(theirs.members.map((m) => m.name)).toEqual(expect.arrayContaining(['王女士', '王小妹']));
    expect(theirs.history).toEqual([]); // the history is the owner's (and the office's)

    const ownerView = (await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto;
    expect(ownerView.pendingJoinRequests).toBe(0);
    const steps = ownerView.history
      .filter((e) => e.subjectName === '王小妹')
      .map((e) => [e.action, e.as, e.actorName, e.at]);
    expect(steps).toHaveLength(3);
    expect(steps).toEqual(
      expect.arrayContaining([
        ['requested', null, '王小妹', '2026-11-23T02:00:00.000Z'],
        ['approved', 'owner', '王女士', '2026-11-23T02:05:00.000Z'],
        ['joined', null, null, '2026-11-23T02:05:00.000Z'],
      ]),
    );
    expect(
      ((await get(ApiRoutes.joinRequestsMine, token).expect(200)).body as JoinRequestDto[])[0],
    ).toMatchObject({ id: req.id, status: 'approved' });
  });
});

describe('a tenant needs the owner and the office', () => {
  it("stays unbound after the owner's approval; the office's completes it and the file shows both", async () => {
    const newcomer = (await loginPersona(t, DemoPersona.Newcomer)).token;
    const req = (
      await ask(newcomer, {
        name: '赵先生',
        phone: '13700000009',
        role: MemberRole.Tenant,
        relationship: '租客',
      }).expect(201)
    ).body as JoinRequestDto;
    expect(req.approvers).toEqual(['owner', 'office']);
    // The office's turn comes after nothing: either may go first, but both are needed.
    expect((await pendingFor(assistant)).find((r) => r.id === req.id)).toMatchObject({
      canDecideAs: 'office',
      phone: '13700000009',
    });
    expect(
      ((await get(ApiRoutes.household(home), assistant).expect(200)).body as HouseholdFileDto)
        .pendingOfficeApprovals,
    ).toBe(1);

    const afterOwner = (await post(ApiRoutes.joinRequestApprove(req.id), owner).expect(200))
      .body as JoinRequestDto;
    expect(afterOwner).toMatchObject({ status: 'pending', waitingFor: ['office'] });
    expect((await profile(newcomer)).household).toBeNull();
    await get(ApiRoutes.myHousehold, newcomer).expect(403);
    expect((await pendingFor(owner)).map((r) => r.id)).not.toContain(req.id);

    const done = (await post(ApiRoutes.joinRequestApprove(req.id), assistant).expect(200))
      .body as JoinRequestDto;
    expect(done).toMatchObject({ status: 'approved', waitingFor: [] });
    expect(done.approvals.map((a) => [a.as, a.byName])).toEqual([
      ['owner', '王女士'],
      ['office', '李管家'],
    ]);

    // Bound; a tenant sees only themself.
    const tenantView = (await get(ApiRoutes.myHousehold, newcomer).expect(200))
      .body as MyHouseholdDto;
    expect(tenantView).toMatchObject({ id: home, myRole: MemberRole.Tenant });
    expect(tenantView.members.map((m) => [m.name, m.phone])).toEqual([['赵先生', '13700000009']]);

    const file = (await get(ApiRoutes.household(home), assistant).expect(200))
      .body as HouseholdFileDto;
    expect(file.members.find((m) => m.name === '赵先生')).toMatchObject({
      role: MemberRole.Tenant,
      relationship: '租客',
      phone: '13700000009',
      onWechat: true,
    });
    expect(file.pendingOfficeApprovals).toBe(0);
    const steps = file.history
      .filter((e) => e.subjectName === '赵先生')
      .map((e) => [e.action, e.as, e.actorName]);
    expect(steps).toEqual(
      expect.arrayContaining([
        ['requested', null, '赵先生'],
        ['approved', 'owner', '王女士'],
        ['approved', 'office', '李管家'],
        ['joined', null, null],
      ]),
    );
    expect(steps).toHaveLength(4);
  });

  it("lets the community's supervisor be the office for a relative", async () => {
    const { token } = await stranger('刘阿姨');
    const req = (
      await ask(token, {
        name: '刘阿姨',
        phone: '13700000012',
        role: MemberRole.Relative,
        relationship: '母亲',
      }).expect(201)
    ).body as JoinRequestDto;
    expect(
      (await post(ApiRoutes.joinRequestApprove(req.id), supervisor).expect(200)).body,
    ).toMatchObject({ status: 'pending', waitingFor: ['owner'] });
    // The supervisor cannot stand in for an owner who uses the mini-program.
    expect(
      (await post(ApiRoutes.joinRequestApprove(req.id), supervisor).expect(409)).body.code,
    ).toBe(ErrorCode.JOIN_REQUEST_DECIDED);
    expect(
      (await post(ApiRoutes.joinRequestApprove(req.id), owner).expect(200)).body,
    ).toMatchObject({ status: 'approved' });
    expect((await profile(token)).household?.id).toBe(home);
  });

  it('lets the office confirm for the owner when the room has no owner on WeChat (a typed room label)', async () => {
    const { token } = await stranger('周女士');
    const [community] = (await get(ApiRoutes.joinCommunities, token).expect(200))
      .body as JoinCommunityDto[];
    await post(ApiRoutes.joinRequests, token, {
      communityId: community.id,
      roomLabel: '9栋9单元909',
      name: '周女士',
      phone: '13700000013',
      role: MemberRole.Tenant,
    }).expect(404);
    const req = (
      await post(ApiRoutes.joinRequests, token, {
        communityId: community.id,
        roomLabel: '1栋 2单元 102',
        name: '周女士',
        phone: '13700000013',
        role: MemberRole.Tenant,
      }).expect(201)
    ).body as JoinRequestDto;
    expect(req.roomLabel).toBe('1栋2单元102室');
    expect((await pendingFor(assistant)).find((r) => r.id === req.id)?.canDecideAs).toBe('office');
    await post(ApiRoutes.joinRequestApprove(req.id), assistant).expect(200);
    expect((await pendingFor(assistant)).find((r) => r.id === req.id)?.canDecideAs).toBe('owner');
    expect(
      (await post(ApiRoutes.joinRequestApprove(req.id), assistant).expect(200)).body,
    ).toMatchObject({ status: 'approved' });
    const file = (await get(ApiRoutes.household(req.householdId), assistant).expect(200))
      .body as HouseholdFileDto;
    expect(file.history.find((e) => e.action === 'approved' && e.as === 'owner')).toMatchObject({
      actorName: '李管家',
      note: '业主未使用小程序，由物业核实业主书面同意后代为确认',
    });
  });
});

describe('rejection', () => {
  it('records who rejected and why; the requester reads it and stays unbound', async () => {
    const { user, token } = await stranger('钱某');
    const req = (
      await ask(token, { name: '钱某', phone: '13700000014', role: MemberRole.Family }).expect(201)
    ).body as JoinRequestDto;
    expect(
      (await post(ApiRoutes.joinRequestReject(req.id), owner, { reason: '  ' }).expect(400)).body
        .code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    const rejected = (
      await post(ApiRoutes.joinRequestReject(req.id), owner, { reason: '不认识此人' }).expect(200)
    ).body as JoinRequestDto;
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectedByName: '王女士',
      rejectReason: '不认识此人',
      waitingFor: [],
    });
    expect(
      ((await get(ApiRoutes.joinRequestsMine, token).expect(200)).body as JoinRequestDto[])[0],
    ).toMatchObject({ status: 'rejected', rejectReason: '不认识此人' });
    expect((await post(ApiRoutes.joinRequestApprove(req.id), owner).expect(409)).body.code).toBe(
      ErrorCode.JOIN_REQUEST_DECIDED,
    );
    expect(
      (await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).householdId,
    ).toBeNull();
    expect(await t.dataSource.getRepository(HouseholdMember).countBy({ userId: user.id })).toBe(0);
    const file = (await get(ApiRoutes.household(home), assistant).expect(200))
      .body as HouseholdFileDto;
    expect(
      file.history.find((e) => e.subjectName === '钱某' && e.action === 'rejected'),
    ).toMatchObject({ as: 'owner', actorName: '王女士', note: '不认识此人' });
    // A rejected requester may ask again (e.g. after talking to the owner).
    await ask(token, { name: '钱某', phone: '13700000014', role: MemberRole.Family }).expect(201);
  });
});

describe('who may decide', () => {
  it("refuses strangers, the requester and other buildings' assistants, saying nothing", async () => {
    const { token } = await stranger('孙某');
    const req = (
      await ask(token, { name: '孙某', phone: '13700000015', role: MemberRole.Tenant }).expect(201)
    ).body as JoinRequestDto;
    const neighbour = (
      await loginOpenid(
        t,
        (await addResident(t, { building: '2栋', unit: '1单元', number: '201', name: '吴先生' }))
          .openid!,
      )
    ).token;
    const b2assistant = (await loginOpenid(t, (await addAssistant(t, '郑管家', ['2栋'])).openid!))
      .token;
    for (const who of [neighbour, b2assistant]) {
      for (const url of [
        ApiRoutes.joinRequestApprove(req.id),
        ApiRoutes.joinRequestReject(req.id),
      ]) {
        const res = await post(url, who, { reason: '不同意' }).expect(404);
        expectBare(res.body);
      }
      expect((await pendingFor(who)).map((r) => r.id)).not.toContain(req.id);
    }
    expectBare((await post(ApiRoutes.joinRequestApprove(req.id), token).expect(403)).body);
    await post(ApiRoutes.joinRequestCancel(req.id), neighbour).expect(404);
    expect((await post(ApiRoutes.joinRequestCancel(req.id), token).expect(200)).body).toMatchObject(
      { status: 'cancelled' },
    );
    expect((await pendingFor(owner)).map((r) => r.id)).not.toContain(req.id);
  });
});

describe('owners remove members', () => {
  it('removes a family member, keeps the row with who and when, and unbinds their account', async () => {
    const { user, token } = await stranger('王表弟');
    const req = (
      await ask(token, { name: '王表弟', phone: '13700000016', role: MemberRole.Family }).expect(
        201,
      )
    ).body as JoinRequestDto;
    await post(ApiRoutes.joinRequestApprove(req.id), owner).expect(200);
    const member = (
      (await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto
    ).members.find((m) => m.name === '王表弟')!;
    const self = (
      (await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto
    ).members.find((m) => m.name === '王女士')!;

    // Not by a family member, nor an owner removing an owner, nor a neighbour.
    expectBare(
      (await post(ApiRoutes.householdMemberRemove(home, self.id), token).expect(404)).body,
    );
    expect(
      (await post(ApiRoutes.householdMemberRemove(home, self.id), owner).expect(403)).body.code,
    ).toBe(ErrorCode.MEMBER_REMOVE_NOT_ALLOWED);
    const neighbour = (
      await loginOpenid(
        t,
        (await addResident(t, { building: '2栋', unit: '2单元', number: '302', name: '冯先生' }))
          .openid!,
      )
    ).token;
    expectBare(
      (await post(ApiRoutes.householdMemberRemove(home, member.id), neighbour).expect(404)).body,
    );

    t.clock.set({ advanceMinutes: 10 });
    await post(ApiRoutes.householdMemberRemove(home, member.id), owner, {
      reason: '已搬走',
    }).expect(204);
    await post(ApiRoutes.householdMemberRemove(home, member.id), owner).expect(404);
    const after = (await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto;
    expect(after.members.map((m) => m.name)).not.toContain('王表弟');
    expect(after.history[0]).toMatchObject({
      action: 'removed',
      as: 'owner',
      actorName: '王女士',
      subjectName: '王表弟',
      note: '已搬走',
    });
    const row = await t.dataSource
      .getRepository(HouseholdMember)
      .findOneByOrFail({ id: member.id });
    const ownerUser = await t.dataSource.getRepository(User).findOneByOrFail({ name: '王女士' });
    expect([row.removedAt?.toISOString(), row.removedById, row.userId]).toEqual([
      t.clock.now().toISOString(),
      ownerUser.id,
      user.id,
    ]);
    expect(
      (await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).householdId,
    ).toBeNull();
    await get(ApiRoutes.myHousehold, token).expect(403);
    const file = (await get(ApiRoutes.household(home), assistant).expect(200))
      .body as HouseholdFileDto;
    expect(file.members.map((m) => m.name)).not.toContain('王表弟');
    expect(file.history[0]).toMatchObject({
      action: 'removed',
      actorName: '王女士',
      subjectName: '王表弟',
    });
  });
});

describe('several rooms per person', () => {
  it('switches the active room: tickets and members follow it, another household is refused', async () => {
    // 陈先生 owns 2栋1单元202 and joins 101 as a relative of the owner.
    const chen = await addResident(t, {
      building: '2栋',
      unit: '1单元',
      number: '202',
      name: '陈先生',
    });
    await t.dataSource.getRepository(HouseholdMember).insert({
      id: randomUUID(),
      householdId: chen.householdId!,
      name: '陈先生',
      role: MemberRole.Owner,
      relationship: '本人',
      phone: '13700000017',
      idNumber: null,
      moveInDate: null,
      userId: chen.id,
      createdAt: t.clock.now(),
      removedAt: null,
      removedById: null,
    });
    const token = (await loginOpenid(t, chen.openid!)).token;
    const ownTicket = await submitTicket(t, token, {
      categoryCode: 'bulb',
      description: '202 阳台灯不亮',
    });
    const homeTicket = await submitTicket(t, owner, {
      categoryCode: 'bulb',
      description: '101 厨房灯不亮',
    });
    const req = (
      await ask(token, {
        name: '陈先生',
        phone: '13700000017',
        role: MemberRole.Family,
        relationship: '弟弟',
      }).expect(201)
    ).body as JoinRequestDto;
    await post(ApiRoutes.joinRequestApprove(req.id), owner).expect(200);

    // Two rooms; the one he had stays active.
    const rooms = (await get(ApiRoutes.myHouseholds, token).expect(200))
      .body as MyHouseholdRefDto[];
    expect(rooms.map((r) => [r.roomLabel, r.role, r.active])).toEqual([
      ['1栋1单元101室', MemberRole.Family, false],
      ['2栋1单元202室', MemberRole.Owner, true],
    ]);
    const ids = async () =>
      ((await get(ApiRoutes.myTickets, token).expect(200)).body.items as TicketSummaryDto[]).map(
        (x) => x.id,
      );
    expect(await ids()).toEqual([ownTicket.id]);
    expect(
      ((await get(ApiRoutes.myHousehold, token).expect(200)).body as MyHouseholdDto).members.map(
        (m) => m.name,
      ),
    ).toEqual(['陈先生']);
    await get(ApiRoutes.ticket(homeTicket.id), token).expect(404);

    const switched = (
      await post(ApiRoutes.activeHousehold, token, { householdId: home }).expect(200)
    ).body as UserProfileDto;
    expect(switched.household).toMatchObject({ id: home, roomLabel: '1栋1单元101室' });
    expect(await ids()).toContain(homeTicket.id);
    expect(await ids()).not.toContain(ownTicket.id);
    const there = (await get(ApiRoutes.myHousehold, token).expect(200)).body as MyHouseholdDto;
    expect(there.members.map((m) => m.name)).toEqual(expect.arrayContaining(['王女士', '陈先生']));
    await get(ApiRoutes.ticket(homeTicket.id), token).expect(200);

    // Not his: refused with nothing said; the active room stays.
    const neighbour = (
      await addResident(t, { building: '2栋', unit: '2单元', number: '101', name: '蒋女士' })
    ).householdId!;
    for (const householdId of [neighbour, randomUUID()])
      expectBare((await post(ApiRoutes.activeHousehold, token, { householdId }).expect(403)).body);
    expect((await profile(token)).household?.id).toBe(home);
    await post(ApiRoutes.activeHousehold, token, { householdId: chen.householdId }).expect(200);
    expect(await ids()).toEqual([ownTicket.id]);
    await get(ApiRoutes.myHouseholds, assistant).expect(403);

    // He phones about 101 while 202 is active: still recognised as the reporter (a member of 101's file).
    const byPhone = (
      await post(ApiRoutes.ticketsOnBehalf, assistant, {
        householdId: home,
        channel: Channel.Hotline,
        contactName: '陈先生',
        contactPhone: '13700000017',
        categoryCode: 'bulb',
        description: '热线：101 门厅灯不亮',
        photoIds: [],
        idempotencyKey: `key-${randomUUID()}`,
      }).expect(201)
    ).body as TicketDetailDto;
    expect(byPhone.reporter).toMatchObject({ name: '陈先生' });
  });
});

describe('authorisation walk over the new endpoints', () => {
  it('refuses other residents and staff of other buildings with no data in the body', async () => {
    const { token: asker } = await stranger('韩某');
    const req = (
      await ask(asker, { name: '韩某', phone: '13700000018', role: MemberRole.Tenant }).expect(201)
    ).body as JoinRequestDto;
    const member = (
      (await get(ApiRoutes.household(home), assistant).expect(200)).body as HouseholdFileDto
    ).members[0];
    const neighbour = (
      await loginOpenid(
        t,
        (await addResident(t, { building: '2栋', unit: '2单元', number: '202', name: '杨先生' }))
          .openid!,
      )
    ).token;
    const b2assistant = (await loginOpenid(t, (await addAssistant(t, '何管家', ['2栋'])).openid!))
      .token;
    const cases: [string, string, 'get' | 'post', string, object?][] = [
      ['neighbour', neighbour, 'post', ApiRoutes.joinRequestApprove(req.id)],
      ['neighbour', neighbour, 'post', ApiRoutes.joinRequestReject(req.id), { reason: 'x' }],
      ['neighbour', neighbour, 'post', ApiRoutes.joinRequestCancel(req.id)],
      ['neighbour', neighbour, 'post', ApiRoutes.householdMemberRemove(home, member.id)],
      ['neighbour', neighbour, 'post', ApiRoutes.activeHousehold, { householdId: home }],
      ['asker', asker, 'post', ApiRoutes.householdMemberRemove(home, member.id)],
      ['asker', asker, 'post', ApiRoutes.activeHousehold, { householdId: home }],
      ['asker', asker, 'get', ApiRoutes.household(home)],
      ['2栋 assistant', b2assistant, 'post', ApiRoutes.joinRequestApprove(req.id)],
      ['2栋 assistant', b2assistant, 'post', ApiRoutes.householdMemberRemove(home, member.id)],
      [
        'assistant',
        assistant,
        'post',
        ApiRoutes.joinRequests,
        { roomId: room101, name: 'x', phone: '13700000000', role: MemberRole.Family },
      ],
      ['assistant', assistant, 'post', ApiRoutes.activeHousehold, { householdId: home }],
      ['anonymous', '', 'get', ApiRoutes.joinRequestsPending],
      ['anonymous', '', 'get', ApiRoutes.myHouseholds],
    ];
    for (const [who, token, method, url, body] of cases) {
      const req2 =
        method === 'get'
          ? t.http().get(url)
          : t
              .http()
              .post(url)
              .send(body ?? {});
      const res = await (token ? req2.set(bearer(token)) : req2);
      expect([who, url, [401, 403, 404].includes(res.status)]).toEqual([who, url, true]);
      expectBare(res.body);
    }
    // Nothing changed: the request still waits for both.
    expect((await pendingFor(assistant)).find((r) => r.id === req.id)?.waitingFor).toEqual([
      'owner',
      'office',
    ]);
  });
});
