import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  HouseholdExportDto,
  InviteDto,
  MemberRole,
  MyHouseholdDto,
} from '@linli/contracts';
import { addResident } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let owner: string;
let tenant: string;
let neighbour: string;
let home: MyHouseholdDto;

// Each test starts from its own app: the demo owner's household, a tenant who joined it, a neighbour.
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  owner = (await loginPersona(t, DemoPersona.Resident)).token;
  home = (await t.http().get(ApiRoutes.myHousehold).set(bearer(owner)).expect(200))
    .body as MyHouseholdDto;
  // A tenant joins with the owner's invitation.
  const invite = (
    await t
      .http()
      .post(ApiRoutes.householdInvites(home.id))
      .set(bearer(owner))
      .send({ role: MemberRole.Tenant })
      .expect(201)
  ).body as InviteDto;
  tenant = (await loginPersona(t, DemoPersona.Newcomer)).token;
  await t
    .http()
    .post(ApiRoutes.joinHousehold)
    .set(bearer(tenant))
    .send({ code: invite.code, name: '赵先生' })
    .expect(200);
  tenant = (await loginPersona(t, DemoPersona.Newcomer)).token;
  neighbour = (
    await loginOpenid(
      t,
      (await addResident(t, { building: '2栋', unit: '1单元', number: '101', name: '孙女士' }))
        .openid!,
    )
  ).token;
});
afterEach(() => t?.close());

const edit = (token: string, memberId: string, body: object) =>
  t.http().put(ApiRoutes.myHouseholdMember(memberId)).set(bearer(token)).send(body);
const mine = async (token: string) =>
  (await t.http().get(ApiRoutes.myHousehold).set(bearer(token)).expect(200)).body as MyHouseholdDto;
const husbandOf = () => home.members.find((m) => m.name === '王先生')!;
/** The owner corrects her husband's phone, relationship and move-in date (the first test's step). */
const ownerEditsHusband = () =>
  edit(owner, husbandOf().id, {
    phone: '13900000099',
    relationship: '丈夫',
    moveInDate: '2020-05-01',
  }).expect(200);

describe("residents edit their own household's members", () => {
  it("the owner corrects a family member's phone, relationship and move-in date", async () => {
    const husband = husbandOf();
    const after = (await ownerEditsHusband()).body as MyHouseholdDto;
    // The owner sees a housemate's number masked, as before; the office sees it in full.
    expect(after.members.find((m) => m.id === husband.id)).toMatchObject({
      phone: '139****0099',
      relationship: '丈夫',
      moveInDate: '2020-05-01',
    });
    const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    const file = (
      await t.http().get(ApiRoutes.household(home.id)).set(bearer(assistant)).expect(200)
    ).body as { members: { id: string; phone: string }[] };
    expect(file.members.find((m) => m.id === husband.id)!.phone).toBe('13900000099');
  });

  it('a tenant sees only themself and edits only their own record', async () => {
    await ownerEditsHusband();
    const seen = await mine(tenant);
    expect(seen.members.map((m) => m.name)).toEqual(['赵先生']);
    const me = seen.members[0];
    expect(seen.myMemberId).toBe(me.id);
    expect(
      ((await edit(tenant, me.id, { phone: '13700000077' }).expect(200)).body as MyHouseholdDto)
        .members[0].phone,
    ).toBe('13700000077');
    const husband = home.members.find((m) => m.name === '王先生')!;
    const refused = await edit(tenant, husband.id, { phone: '13700000078' }).expect(403);
    expect(refused.body).toEqual({
      code: ErrorCode.MEMBER_EDIT_NOT_ALLOWED,
      message: '只有业主可以修改其他成员的信息，您可以修改自己的信息',
    });
    expect((await mine(owner)).members.find((m) => m.id === husband.id)!.phone).toBe('139****0099');
  });

  it("a tenant's export holds their own record and leaves out the household's history, which names the others", async () => {
    const data = (await t.http().get(ApiRoutes.myHouseholdExport).set(bearer(tenant)).expect(200))
      .body as HouseholdExportDto;
    expect(data.members.map((m) => m.name)).toEqual(['赵先生']);
    expect(data.timeline).toEqual([]);
    const owners = (await t.http().get(ApiRoutes.myHouseholdExport).set(bearer(owner)).expect(200))
      .body as HouseholdExportDto;
    expect(owners.timeline.some((e) => e.title.includes('赵先生'))).toBe(true);
  });

  it("another household's member is not found, and names nothing", async () => {
    const husband = home.members.find((m) => m.name === '王先生')!;
    const res = await edit(neighbour, husband.id, { phone: '13600000066' }).expect(404);
    expect(res.body).toEqual({ code: ErrorCode.MEMBER_NOT_FOUND, message: '该住户不存在或已移除' });
    const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    await edit(assistant, husband.id, { phone: '13600000066' }).expect(403);
  });

  it('refuses bad values field by field and changes nothing', async () => {
    await ownerEditsHusband();
    const husband = home.members.find((m) => m.name === '王先生')!;
    const bad = await edit(owner, husband.id, {
      phone: '12345',
      moveInDate: '2020/05/01',
      relationship: '一'.repeat(21),
    }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'moveInDate',
      'phone',
      'relationship',
    ]);
    expect((await mine(owner)).members.find((m) => m.id === husband.id)).toMatchObject({
      phone: '139****0099',
      relationship: '丈夫',
      moveInDate: '2020-05-01',
    });
    // Clearing is allowed: null empties a field.
    expect(
      (
        (await edit(owner, husband.id, { relationship: null }).expect(200)).body as MyHouseholdDto
      ).members.find((m) => m.id === husband.id)!.relationship,
    ).toBeNull();
  });
});
