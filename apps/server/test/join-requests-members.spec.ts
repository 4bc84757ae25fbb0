import {
  ApiRoutes,
  Channel,
  ErrorCode,
  HouseholdFileDto,
  JoinRequestDto,
  MemberRole,
  MyHouseholdDto,
  MyHouseholdRefDto,
  TicketDetailDto,
  TicketSummaryDto,
  UserProfileDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { addAssistant, addResident, submitTicket } from './support/builders';
import { bearer, loginOpenid } from './support/login';
import { bootJoinWorld, expectBare, joinHelpers } from './support/join-world';
import { TestApp } from './support/test-app';

// Who may decide, removing members, several rooms, and the authorisation walk over the join
// endpoints (split out of join-requests.spec.ts, issue #17).

let t: TestApp;
let owner: string;
let assistant: string;
let home: string;
let room101: string;

beforeAll(async () => {
  ({ t, owner, assistant, home, room101 } = await bootJoinWorld());
});
afterAll(() => t?.close());

const { get, post, stranger, ask, pendingFor, profile } = joinHelpers(() => ({ t, room101 }));

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
