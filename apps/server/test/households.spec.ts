import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  FileReadLogEntryDto,
  HouseholdFileDto,
  MemberRole,
  MyHouseholdDto,
  Role,
  RoomSummaryDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { Building } from '../src/modules/org/entities/building.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { addAssistant, addResident, submitTicket } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let home: string;

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  home = (
    (await t.http().get(ApiRoutes.myHousehold).set(bearer(resident)).expect(200))
      .body as MyHouseholdDto
  ).id;
});
afterEach(() => t?.close());

const get = (url: string, token: string) => t.http().get(url).set(bearer(token));

/** 王女士 reports a dead bulb, and 李管家 reads the household file and leaves a note on it. */
async function ticketAndNote(): Promise<void> {
  await submitTicket(t, resident, { categoryCode: 'bulb', description: '客厅灯不亮' });
  await get(ApiRoutes.household(home), assistant).expect(200);
  await t
    .http()
    .post(ApiRoutes.householdNotes(home))
    .set(bearer(assistant))
    .send({ text: '王先生上午 10 点前不接电话' })
    .expect(204);
}

describe('the household file', () => {
  it("shows the resident their household, housemates' numbers masked, and the building's assistant", async () => {
    const mine = (await get(ApiRoutes.myHousehold, resident).expect(200)).body as MyHouseholdDto;
    expect(mine).toMatchObject({
      roomLabel: '1栋1单元101室',
      communityName: '阳光花园',
      assistants: [{ name: '李管家', phone: '13800000002', specialities: [], onDutyNow: false }],
    });
    expect(mine.members.map((m) => [m.name, m.role, m.phone, m.idNumber, m.onWechat])).toEqual([
      ['王女士', MemberRole.Owner, '13800000001', '110***********2428', true],
      ['王先生', MemberRole.Family, '139****0002', '110***********1819', false],
    ]);
  });

  it("lets the building's assistant browse rooms and read the file: full phones, masked ID numbers; every read audited", async () => {
    await submitTicket(t, resident, { categoryCode: 'bulb', description: '客厅灯不亮' });
    const [b1] = (await get(ApiRoutes.buildings, assistant).expect(200)).body as {
      id: string;
      name: string;
    }[];
    const rooms = (await get(ApiRoutes.buildingRooms(b1.id), assistant).expect(200))
      .body as RoomSummaryDto[];
    expect(rooms.find((r) => r.label === '1栋1单元101室')).toMatchObject({
      householdId: home,
      memberCount: 2,
      openTickets: 1,
    });
    const file = (await get(ApiRoutes.household(home), assistant).expect(200))
      .body as HouseholdFileDto;
    expect(file.members.map((m) => [m.phone, m.idNumber])).toEqual([
      ['13800000001', '110***********2428'],
      ['13900000002', '110***********1819'],
    ]);
    expect(file.tickets[0]).toMatchObject({ categoryName: '灯泡更换', status: 'assigned' });
    await t
      .http()
      .post(ApiRoutes.householdNotes(home))
      .set(bearer(assistant))
      .send({ text: '王先生上午 10 点前不接电话' })
      .expect(204);
    t.clock.set({ advanceMinutes: 1 });
    const bySupervisor = (await get(ApiRoutes.household(home), supervisor).expect(200))
      .body as HouseholdFileDto;
    expect(bySupervisor.members[0].idNumber).toBe('110105198503152428');
    expect(bySupervisor.notes.map((n) => [n.text, n.authorName])).toEqual([
      ['王先生上午 10 点前不接电话', '李管家'],
    ]);
    const reads = (await get(ApiRoutes.householdReads(home), supervisor).expect(200)).body
      .items as { readerName: string }[];
    expect(reads.map((r) => r.readerName)).toEqual(['张主任', '李管家']);
    await get(ApiRoutes.householdReads(home), assistant).expect(403);
  });

  it("checks a new member's ID number and phone, naming the field in Chinese", async () => {
    const bad = await t
      .http()
      .post(ApiRoutes.householdMembers(home))
      .set(bearer(assistant))
      .send({
        name: '王小明',
        role: MemberRole.Family,
        idNumber: '110105199001011235',
        phone: '1234',
      })
      .expect(400);
    expect(bad.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      fields: [
        { field: 'phone', message: '手机号格式不正确' },
        { field: 'idNumber', message: '身份证号码不正确（请检查出生日期和校验位）' },
      ],
    });
    const ok = await t
      .http()
      .post(ApiRoutes.householdMembers(home))
      .set(bearer(assistant))
      .send({
        name: '王小明',
        role: MemberRole.Family,
        relationship: '儿子',
        moveInDate: '2026-11-01',
      })
      .expect(201);
    expect(ok.body).toMatchObject({ name: '王小明', role: MemberRole.Family, onWechat: false });
  });

  it("binds a tenant to the household with the owner's invitation code, once; a tenant sees only themself", async () => {
    const invite = (
      await t
        .http()
        .post(ApiRoutes.householdInvites(home))
        .set(bearer(resident))
        .send({ role: MemberRole.Tenant })
        .expect(201)
    ).body as { code: string };
    expect(invite.code).toMatch(/^[A-Z2-9]{8}$/);
    const tenantUser = await t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid: `o-${randomUUID()}`,
      name: '新租客',
      phone: null,
      role: Role.Resident,
      householdId: null,
      communityId: null,
      createdAt: t.clock.now(),
    });
    const tenant = (await loginOpenid(t, tenantUser.openid!)).token;
    await t
      .http()
      .post(ApiRoutes.joinHousehold)
      .set(bearer(tenant))
      .send({ code: 'ZZZZZZZZ', name: '赵租客' })
      .expect(400);
    const joined = (
      await t
        .http()
        .post(ApiRoutes.joinHousehold)
        .set(bearer(tenant))
        .send({ code: invite.code.toLowerCase(), name: '赵租客' })
        .expect(200)
    ).body as MyHouseholdDto;
    expect(joined.members.map((m) => [m.name, m.role])).toEqual([['赵租客', MemberRole.Tenant]]);
    const other = (
      await loginOpenid(
        t,
        (await addResident(t, { building: '2栋', unit: '1单元', number: '102' })).openid!,
      )
    ).token;
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.joinHousehold)
          .set(bearer(other))
          .send({ code: invite.code, name: 'x' })
          .expect(409)
      ).body.code,
    ).toBe(ErrorCode.HOUSEHOLD_ALREADY_BOUND);
    const lateUser = await t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid: `o-${randomUUID()}`,
      name: '晚来者',
      phone: null,
      role: Role.Resident,
      householdId: null,
      communityId: null,
      createdAt: t.clock.now(),
    });
    const late = (await loginOpenid(t, lateUser.openid!)).token;
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.joinHousehold)
          .set(bearer(late))
          .send({ code: invite.code, name: '晚来者' })
          .expect(400)
      ).body.code,
    ).toBe(ErrorCode.HOUSEHOLD_INVITE_INVALID);
  });
});

describe("the community's read log of household files", () => {
  it('shows supervisors who read which file, newest first; assistants and residents are refused', async () => {
    await ticketAndNote();
    t.clock.set({ advanceMinutes: 1 });
    await get(ApiRoutes.household(home), supervisor).expect(200);
    const log = (await get(ApiRoutes.householdReadLog, supervisor).expect(200)).body
      .items as FileReadLogEntryDto[];
    expect(log.length).toBeGreaterThan(0);
    expect(log.find((r) => r.readerName === '李管家')).toMatchObject({
      householdId: home,
      roomLabel: '1栋1单元101室',
      buildingName: '1栋',
      readerRole: Role.Assistant,
    });
    const times = log.map((r) => r.at);
    expect(times).toEqual([...times].sort().reverse());
    await get(ApiRoutes.householdReadLog, assistant).expect(403);
    await get(ApiRoutes.householdReadLog, resident).expect(403);
  });
});

describe("the resident's export of everything held about their household", () => {
  it('has the household, members, staff notes, tickets with their history and own messages; nothing of others', async () => {
    await ticketAndNote();
    await t
      .http()
      .put(ApiRoutes.householdDocument(home, 'member_register'))
      .set(bearer(assistant))
      .send({})
      .expect(200);
    const res = await get(ApiRoutes.myHouseholdExport, resident).expect(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="linli-household-export.json"',
    );
    const data = res.body as import('@linli/contracts').HouseholdExportDto;
    expect(data.household).toMatchObject({ id: home, roomLabel: '1栋1单元101室' });
    const own = data.members.find((m) => m.name === '王女士')!;
    expect([own.phone, own.idNumber]).toEqual(['13800000001', '110105198503152428']);
    expect(data.members.find((m) => m.name === '王先生')!.idNumber).toBe('110***********1819');
    expect(data.notes.map((n) => n.text)).toContain('王先生上午 10 点前不接电话');
    expect(data.tickets[0]).toMatchObject({ category: '灯泡更换', description: '客厅灯不亮' });
    expect(data.tickets[0].events.map((e) => e.action)).toEqual(['submit', 'assign']);
    // The papers the office holds, and the household's history.
    expect(data.documents).toEqual([
      { label: '住户成员情况登记表', recordedAt: expect.any(String) },
    ]);
    expect(data.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['ticket', 'document']),
    );
    expect(JSON.stringify(data)).not.toMatch(/孙女士|钱先生/);
    await get(ApiRoutes.myHouseholdExport, assistant).expect(403);
  });
});

describe('binding by the WeChat phone number', () => {
  const newcomer = async () => {
    const u = await t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid: `o-${randomUUID()}`,
      name: '微信用户',
      phone: null,
      role: Role.Resident,
      householdId: null,
      communityId: null,
      createdAt: t.clock.now(),
    });
    return { user: u, token: (await loginOpenid(t, u.openid!)).token };
  };
  const bind = (token: string, code: string) =>
    t.http().post(ApiRoutes.bindPhone).set(bearer(token)).send({ code });

  it('binds the caller to the household whose file has that number, as that member, once', async () => {
    const { user, token } = await newcomer();
    const res = await bind(token, t.wechat.local!.mintPhoneCode('13900000002')).expect(200);
    expect(res.body).toMatchObject({ id: home, myRole: MemberRole.Family });
    expect((res.body as MyHouseholdDto).members.find((m) => m.name === '王先生')).toMatchObject({
      onWechat: true,
      phone: '13900000002',
    });
    expect(
      (await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).householdId,
    ).toBe(home);
    // The member is taken: another account with the same number finds nothing to bind to.
    const second = await newcomer();
    expect(
      (await bind(second.token, t.wechat.local!.mintPhoneCode('13900000002')).expect(404)).body
        .code,
    ).toBe(ErrorCode.HOUSEHOLD_PHONE_NOT_FOUND);
  });

  it('keeps the number but binds nothing when no file has it; refuses a spent code', async () => {
    const { user, token } = await newcomer();
    const code = t.wechat.local!.mintPhoneCode('13700001111');
    expect((await bind(token, code).expect(404)).body).toEqual({
      code: ErrorCode.HOUSEHOLD_PHONE_NOT_FOUND,
      message: '未找到该手机号对应的住户档案，请使用邀请码或联系物业服务中心',
    });
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).phone).toBe(
      '13700001111',
    );
    expect((await bind(token, code).expect(400)).body.code).toBe(ErrorCode.PHONE_CODE_INVALID);
  });
});

describe('authorisation walk: every household endpoint, every role, a household that is not theirs', () => {
  it('refuses with no data in the body', async () => {
    // A household in 2栋 (not the resident's) and one in another community (not the supervisor's).
    const neighbour = (
      await addResident(t, { building: '2栋', unit: '2单元', number: '301', name: '孙女士' })
    ).householdId!;
    const ours = await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' });
    const otherCommunity = await t.dataSource.getRepository(Community).save({
      id: randomUUID(),
      companyId: ours.companyId,
      name: '翠湖苑',
      createdAt: t.clock.now(),
    });
    const otherBuilding = await t.dataSource
      .getRepository(Building)
      .save({ id: randomUUID(), communityId: otherCommunity.id, name: '9栋', sortOrder: 9 });
    const b2assistant = (await loginOpenid(t, (await addAssistant(t, '钱管家', ['2栋'])).openid!))
      .token;
    const cases: [string, string, 'get' | 'post', string, object?][] = [
      ['resident', resident, 'get', ApiRoutes.household(neighbour)],
      ['resident', resident, 'post', ApiRoutes.householdNotes(neighbour), { text: 'x' }],
      [
        'resident',
        resident,
        'post',
        ApiRoutes.householdMembers(neighbour),
        { name: 'x', role: MemberRole.Family },
      ],
      [
        'resident',
        resident,
        'post',
        ApiRoutes.householdInvites(neighbour),
        { role: MemberRole.Tenant },
      ],
      ['resident', resident, 'get', ApiRoutes.householdReads(neighbour)],
      ['resident', resident, 'get', ApiRoutes.buildings],
      ['2栋 assistant', b2assistant, 'get', ApiRoutes.household(home)],
      ['2栋 assistant', b2assistant, 'post', ApiRoutes.householdNotes(home), { text: 'x' }],
      [
        '2栋 assistant',
        b2assistant,
        'post',
        ApiRoutes.householdMembers(home),
        { name: 'x', role: MemberRole.Family },
      ],
      [
        '2栋 assistant',
        b2assistant,
        'post',
        ApiRoutes.householdInvites(home),
        { role: MemberRole.Tenant },
      ],
      ['supervisor', supervisor, 'get', ApiRoutes.buildingRooms(otherBuilding.id)],
      ['assistant', assistant, 'get', ApiRoutes.buildingRooms(otherBuilding.id)],
      ['anonymous', '', 'get', ApiRoutes.household(home)],
      ['anonymous', '', 'get', ApiRoutes.myHousehold],
    ];
    for (const [who, token, method, url, body] of cases) {
      const req =
        method === 'get'
          ? t.http().get(url)
          : t
              .http()
              .post(url)
              .send(body ?? {});
      const res = await (token ? req.set(bearer(token)) : req);
      expect([who, url, [401, 403, 404].includes(res.status)]).toEqual([who, url, true]);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'message']);
      expect(JSON.stringify(res.body)).not.toMatch(/王|孙|1380|1390|110105/);
    }
  });
});
