import {
  ApiRoutes,
  DemoPersona,
  JoinBuildingDto,
  JoinCommunityDto,
  JoinRequestDto,
  MemberRole,
  MoveInDto,
  MoveInPaper,
  MoveOutDto,
  MoveOutScope,
  MyHouseholdDto,
  NotificationPageDto,
} from '@linli/contracts';
import { addResident } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let owner: string;
let assistant: string;
let newcomer: string;
let neighbour: string;
let room101: string;
let home: string;

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }); // 10:00 China time
  owner = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  newcomer = (await loginPersona(t, DemoPersona.Newcomer)).token;
  neighbour = (
    await loginOpenid(
      t,
      (await addResident(t, { building: '2栋', unit: '1单元', number: '101', name: '孙女士' }))
        .openid!,
    )
  ).token;
  home = (
    (await t.http().get(ApiRoutes.myHousehold).set(bearer(owner)).expect(200))
      .body as MyHouseholdDto
  ).id;
  const [community] = (await t.http().get(ApiRoutes.joinCommunities).set(bearer(owner)).expect(200))
    .body as JoinCommunityDto[];
  const buildings = (
    await t.http().get(ApiRoutes.joinBuildings(community.id)).set(bearer(owner)).expect(200)
  ).body as JoinBuildingDto[];
  room101 = buildings
    .find((b) => b.name === '1栋')!
    .rooms.find((r) => r.label === '1栋1单元101室')!.id;
});
afterEach(() => t?.close());

const post = (url: string, token: string, body: object = {}) =>
  t.http().post(url).set(bearer(token)).send(body);
/** The newest inbox entries of a person, as "title｜body". */
const inbox = async (token: string) =>
  (
    (await t.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
      .body as NotificationPageDto
  ).items.map((n) => `${n.title}｜${n.body}`);
const later = () => t.clock.set({ advanceMinutes: 1 });

describe('household matters reach the people they wait for', () => {
  it('a tenant’s join request: the owner is asked, then the office, then the tenant is told', async () => {
    const request = (
      await post(ApiRoutes.joinRequests, newcomer, {
        roomId: room101,
        name: '赵先生',
        phone: '13700000071',
        role: MemberRole.Tenant,
      }).expect(201)
    ).body as JoinRequestDto;
    expect((await inbox(owner))[0]).toBe('入住申请待您审批｜赵先生（租户）申请加入 1栋1单元101室');
    expect(await inbox(assistant)).not.toContain(
      '入住申请待物业审核｜赵先生（租户）申请加入 1栋1单元101室',
    );
    later();
    await post(ApiRoutes.joinRequestApprove(request.id), owner).expect(200);
    expect((await inbox(assistant))[0]).toBe(
      '入住申请待物业审核｜业主已同意 赵先生（租户）加入 1栋1单元101室',
    );
    later();
    await post(ApiRoutes.joinRequestApprove(request.id), assistant).expect(200);
    expect((await inbox(newcomer))[0]).toBe(
      '入住申请已通过｜您已加入 1栋1单元101室，可以在“我的房屋”查看',
    );
    // Nobody outside the household hears of it.
    expect((await inbox(neighbour)).join()).not.toContain('赵先生');
  });

  it('a rejected join request tells the applicant why', async () => {
    const other = (
      await loginOpenid(
        t,
        (await addResident(t, { building: '2栋', unit: '1单元', number: '102', name: '钱先生' }))
          .openid!,
      )
    ).token;
    const request = (
      await post(ApiRoutes.joinRequests, other, {
        roomId: room101,
        name: '钱先生',
        phone: '13700000072',
        role: MemberRole.Family,
      }).expect(201)
    ).body as JoinRequestDto;
    later();
    await post(ApiRoutes.joinRequestReject(request.id), owner, { reason: '不认识此人' }).expect(
      200,
    );
    expect((await inbox(other))[0]).toBe('入住申请未通过｜1栋1单元101室：不认识此人');
  });

  it("the owner's move-out goes to the office; the slip's code reaches the owner", async () => {
    later();
    const moveOut = (
      await post(ApiRoutes.moveOuts, owner, {
        moveDate: '2026-11-25',
        scope: MoveOutScope.Partial,
        items: ['旧沙发 1 张'],
        carrierName: '周师傅',
        carrierPhone: '13700000073',
      }).expect(201)
    ).body as MoveOutDto;
    expect((await inbox(assistant))[0]).toBe(
      '搬出申请待审批｜王女士（业主）申请 2026-11-25 从 1栋1单元101室 搬出物品',
    );
    later();
    const approved = (
      await post(ApiRoutes.moveOutDecision(moveOut.id), assistant, { approve: true }).expect(200)
    ).body as MoveOutDto;
    expect((await inbox(owner))[0]).toBe(
      `放行条已出具｜放行码 ${approved.slip!.code}，2026-11-25 搬出时请向门岗出示`,
    );
  });

  it('a move-in registration goes to the office; its approval reaches the registrant', async () => {
    later();
    const moveIn = (
      await post(ApiRoutes.moveIns, owner, {
        householdId: home,
        people: [
          {
            name: '王小宝',
            role: MemberRole.Family,
            relationship: '弟弟',
            phone: '13700000074',
            idNumber: '110105199507070053',
            moveInDate: '2026-11-23',
          },
        ],
      }).expect(201)
    ).body as MoveInDto;
    expect((await inbox(assistant))[0]).toBe('入住登记待审核｜1栋1单元101室：王小宝（家属）');
    later();
    await post(ApiRoutes.moveInPapers(moveIn.id), assistant, {
      people: [{ personId: moveIn.people[0].id, papers: [MoveInPaper.IdDocument] }],
    }).expect(200);
    await post(ApiRoutes.moveInDecision(moveIn.id), assistant, { approve: true }).expect(200);
    expect((await inbox(owner))[0]).toBe(
      '入住登记已通过｜王小宝 已登记为住户，居住证号可在“我的房屋”查看',
    );
  });
});
