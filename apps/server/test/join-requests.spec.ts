import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  HouseholdFileDto,
  JoinBuildingDto,
  JoinCommunityDto,
  JoinRequestDto,
  MemberRole,
  MyHouseholdDto,
} from '@linli/contracts';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { loginPersona } from './support/login';
import { bootJoinWorld, joinHelpers } from './support/join-world';
import { TestApp } from './support/test-app';

let t: TestApp;
let owner: string;
let assistant: string;
let supervisor: string;
let home: string;
let room101: string;

beforeAll(async () => {
  ({ t, owner, assistant, supervisor, home, room101 } = await bootJoinWorld());
});
afterAll(() => t?.close());

const { get, post, stranger, ask, pendingFor, profile } = joinHelpers(() => ({ t, room101 }));

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
