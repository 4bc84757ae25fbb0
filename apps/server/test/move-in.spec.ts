import {
  ApiError,
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  HouseholdFileDto,
  MemberRole,
  MoveInConsent,
  MoveInDto,
  MoveInOwnerConsent,
  MoveInPaper,
  MoveInStatus,
  MyHouseholdDto,
  RELEASE_SLIP_ALPHABET,
  Role,
  UPLOAD_FIELD,
  UploadDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { addAssistant, addResident, addUser, tinyPng } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let owner: string;
let assistant: string;
let supervisor: string;
let guard: string;
let home: string;

/** 2026-11-23 10:00 China time. */
const START = new Date('2026-11-23T02:00:00Z');
const PASS = new RegExp(`^[${RELEASE_SLIP_ALPHABET}]{8}$`);
/** Well-formed ID numbers (check digit right), one per person of these tests. */
const ID = {
  son: '110105201003010014',
  tenant: '110105199001010029',
  cousin: '110105196010100030',
  rejected: '110105198505050046',
  withPhoto: '110105199507070053',
  foreign: '110105200008080068',
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: START, freeze: true });
  owner = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  guard = (await loginPersona(t, DemoPersona.Guard)).token;
  home = ((await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto).id;
});
afterAll(() => t?.close());

const get = (url: string, token: string) => t.http().get(url).set(bearer(token));
const post = (url: string, token: string, body: object = {}) =>
  t.http().post(url).set(bearer(token)).send(body);

function person(overrides: Record<string, unknown> = {}) {
  return {
    name: '王小明',
    role: MemberRole.Family,
    relationship: '儿子',
    phone: '13900001111',
    idNumber: ID.son,
    moveInDate: '2026-11-25',
    ...overrides,
  };
}

async function register(token: string, people: object[], householdId = home): Promise<MoveInDto> {
  const res = await post(ApiRoutes.moveIns, token, { householdId, people });
  if (res.status !== 201)
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MoveInDto;
}

const papers = (m: MoveInDto, list: MoveInPaper[][]) => ({
  people: m.people.map((p, i) => ({ personId: p.id, papers: list[i] })),
});

describe('a family member registered by the owner and approved by the office', () => {
  let moveIn: MoveInDto;

  it('refuses a bad ID number, a bad phone and an impossible date, naming each field', async () => {
    const bad = (
      await post(ApiRoutes.moveIns, owner, {
        householdId: home,
        people: [
          person({ idNumber: '110105201003010015', phone: '12345', moveInDate: '2026-02-30' }),
        ],
      }).expect(400)
    ).body as ApiError;
    expect(bad.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(bad.message).toMatch(/[\u4e00-\u9fff]/);
    expect(bad.fields).toEqual(
      expect.arrayContaining([
        { field: 'people[0].idNumber', message: expect.stringContaining('身份证号码不正确') },
        { field: 'people[0].phone', message: expect.stringContaining('手机号格式不正确') },
        { field: 'people[0].moveInDate', message: expect.stringContaining('入住日期不存在') },
      ]),
    );
    // The same person twice in one registration.
    const twice = (
      await post(ApiRoutes.moveIns, owner, {
        householdId: home,
        people: [person(), person({ name: '王小红' })],
      }).expect(400)
    ).body as ApiError;
    expect(twice.fields).toEqual([
      { field: 'people[1].idNumber', message: expect.stringContaining('重复') },
    ]);
    // No people at all, or no role: the DTO's own checks, in Chinese.
    const empty = (
      await post(ApiRoutes.moveIns, owner, { householdId: home, people: [] }).expect(400)
    ).body as ApiError;
    expect(empty.code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('takes the registration: the owner registering is the owner’s consent; the ID still has to be seen', async () => {
    moveIn = await register(owner, [person()]);
    expect(moveIn).toMatchObject({
      status: MoveInStatus.Pending,
      registrant: { name: '王女士', atCounter: false },
      ownerConsent: { how: MoveInOwnerConsent.Registrant, name: '王女士' },
      ready: false,
      can: { ownerConsent: false, decide: false, cancel: true },
    });
    expect(moveIn.people).toEqual([
      expect.objectContaining({
        name: '王小明',
        phone: '13900001111',
        idNumber: '110***********0014',
        missing: [MoveInPaper.IdDocument],
        residencePass: null,
      }),
    ]);
    // The same person cannot be registered twice while this one is pending.
    const again = (
      await post(ApiRoutes.moveIns, owner, { householdId: home, people: [person()] }).expect(409)
    ).body as ApiError;
    expect(again).toMatchObject({
      code: ErrorCode.MOVE_IN_ALREADY_REGISTERED,
      fields: [{ field: 'people[0].idNumber', message: expect.any(String) }],
    });
  });

  it('is on the office’s list, and cannot be approved before the papers are checked', async () => {
    const list = (await get(ApiRoutes.officeMoveIns, assistant).expect(200)).body as MoveInDto[];
    expect(list.map((m) => m.id)).toContain(moveIn.id);
    expect(list.find((m) => m.id === moveIn.id)!.can).toMatchObject({
      checkPapers: true,
      decide: true,
      recordWrittenConsent: true,
      cancel: false,
    });
    const early = (
      await post(ApiRoutes.moveInDecision(moveIn.id), assistant, { approve: true }).expect(409)
    ).body as ApiError;
    expect(early).toMatchObject({
      code: ErrorCode.MOVE_IN_INCOMPLETE,
      fields: [{ field: 'people[0]', message: '王小明（家属）缺少：身份证件' }],
    });
    expect(early.message).toContain('身份证件');
  });

  it('approves once the ID is seen: the member is on the file with a residence pass, and in the history', async () => {
    const checked = (
      await post(
        ApiRoutes.moveInPapers(moveIn.id),
        assistant,
        papers(moveIn, [[MoveInPaper.IdDocument, MoveInPaper.Lease]]),
      ).expect(200)
    ).body as MoveInDto;
    // A paper the role does not show (a lease for family) is dropped.
    expect(checked.people[0]).toMatchObject({
      papers: [MoveInPaper.IdDocument],
      papersChecked: { name: '李管家' },
      missing: [],
    });
    expect(checked.ready).toBe(true);

    const approved = (
      await post(ApiRoutes.moveInDecision(moveIn.id), assistant, { approve: true }).expect(200)
    ).body as MoveInDto;
    expect(approved).toMatchObject({
      status: MoveInStatus.Approved,
      decided: { name: '李管家' },
      can: { decide: false, cancel: false },
    });
    const pass = approved.people[0].residencePass!;
    expect(pass).toMatch(PASS);

    const mine = (await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto;
    expect(mine.members.find((m) => m.name === '王小明')).toMatchObject({
      role: MemberRole.Family,
      relationship: '儿子',
      moveInDate: '2026-11-25',
      residencePass: pass,
      idNumber: '110***********0014',
    });
    expect(mine.history[0]).toMatchObject({
      action: 'joined',
      as: 'office',
      actorName: '李管家',
      subjectName: '王小明',
      note: `入住登记审核通过，居住证 ${pass}`,
    });
    const file = (await get(ApiRoutes.household(home), supervisor).expect(200))
      .body as HouseholdFileDto;
    expect(file.members.find((m) => m.name === '王小明')).toMatchObject({
      idNumber: ID.son,
      residencePass: pass,
    });
    expect(file.pendingMoveIns).toBe(0);

    // The owner sees the pass on their registration; twice is refused; the person is now on file.
    const own = (await get(ApiRoutes.myMoveIns, owner).expect(200)).body as MoveInDto[];
    expect(own.find((m) => m.id === moveIn.id)!.people[0].residencePass).toBe(pass);
    expect(
      (
        (await post(ApiRoutes.moveInDecision(moveIn.id), supervisor, { approve: true }).expect(409))
          .body as ApiError
      ).code,
    ).toBe(ErrorCode.MOVE_IN_STATE);
    expect(
      (
        (
          await post(ApiRoutes.moveIns, owner, { householdId: home, people: [person()] }).expect(
            409,
          )
        ).body as ApiError
      ).code,
    ).toBe(ErrorCode.MOVE_IN_ALREADY_REGISTERED);
  });
});

describe('a tenant registered at the counter waits for the owner’s consent', () => {
  let moveIn: MoveInDto;

  it('needs the ID, the lease and the owner’s consent', async () => {
    moveIn = await register(assistant, [
      person({
        name: '陈租客',
        role: MemberRole.Tenant,
        relationship: undefined,
        phone: '13900002222',
        idNumber: ID.tenant,
      }),
    ]);
    expect(moveIn).toMatchObject({
      registrant: { name: '李管家', atCounter: true },
      ownerConsent: null,
    });
    expect(moveIn.people[0].missing).toEqual([
      MoveInPaper.IdDocument,
      MoveInPaper.Lease,
      MoveInConsent.OwnerConsent,
    ]);
    await post(
      ApiRoutes.moveInPapers(moveIn.id),
      assistant,
      papers(moveIn, [[MoveInPaper.IdDocument, MoveInPaper.Lease]]),
    ).expect(200);
    const blocked = (
      await post(ApiRoutes.moveInDecision(moveIn.id), assistant, { approve: true }).expect(409)
    ).body as ApiError;
    expect(blocked).toMatchObject({
      code: ErrorCode.MOVE_IN_INCOMPLETE,
      fields: [{ field: 'people[0]', message: '陈租客（租户）缺少：业主同意' }],
    });
  });

  it('the owner sees it with the consent button; staff cannot consent in the owner’s place through that endpoint', async () => {
    const own = (await get(ApiRoutes.myMoveIns, owner).expect(200)).body as MoveInDto[];
    const seen = own.find((m) => m.id === moveIn.id)!;
    expect(seen.can).toMatchObject({ ownerConsent: true, cancel: true });
    // The owner sees the tenant's phone masked (the office typed it, not the owner).
    expect(seen.people[0].phone).toBe('139****2222');
    await post(ApiRoutes.moveInOwnerConsent(moveIn.id), assistant, { approve: true }).expect(403);
  });

  it('approves after the owner agrees in the mini-program', async () => {
    const consented = (
      await post(ApiRoutes.moveInOwnerConsent(moveIn.id), owner, { approve: true }).expect(200)
    ).body as MoveInDto;
    expect(consented).toMatchObject({
      ownerConsent: { how: MoveInOwnerConsent.MiniProgram, name: '王女士' },
      ready: true,
      can: { ownerConsent: false },
    });
    expect(
      (
        (await post(ApiRoutes.moveInOwnerConsent(moveIn.id), owner, { approve: true }).expect(409))
          .body as ApiError
      ).code,
    ).toBe(ErrorCode.MOVE_IN_STATE);
    const approved = (
      await post(ApiRoutes.moveInDecision(moveIn.id), assistant, { approve: true }).expect(200)
    ).body as MoveInDto;
    expect(approved.people[0].residencePass).toMatch(PASS);
    const members = await t.dataSource
      .getRepository(HouseholdMember)
      .findBy({ householdId: home, name: '陈租客' });
    expect(members).toMatchObject([
      {
        role: MemberRole.Tenant,
        phone: '13900002222',
        idNumber: ID.tenant,
        userId: null,
        removedAt: null,
      },
    ]);
  });
});

describe('a relative living in needs the owner’s written consent, recorded by the office', () => {
  let moveIn: MoveInDto;

  it('is not approved on the owner’s own registration alone, nor with the notarised proof', async () => {
    moveIn = await register(owner, [
      person({
        name: '王表哥',
        role: MemberRole.Relative,
        relationship: '表哥',
        phone: '13900003333',
        idNumber: ID.cousin,
      }),
    ]);
    expect(moveIn.people[0].missing).toEqual([
      MoveInPaper.IdDocument,
      MoveInPaper.NotarisedRelation,
      MoveInConsent.WrittenConsent,
    ]);
    // The owner's tap would not be a written consent: no button.
    expect(moveIn.can.ownerConsent).toBe(false);
    await post(
      ApiRoutes.moveInPapers(moveIn.id),
      supervisor,
      papers(moveIn, [[MoveInPaper.IdDocument, MoveInPaper.NotarisedRelation]]),
    ).expect(200);
    const blocked = (
      await post(ApiRoutes.moveInDecision(moveIn.id), supervisor, { approve: true }).expect(409)
    ).body as ApiError;
    expect(blocked.fields).toEqual([
      { field: 'people[0]', message: '王表哥（借住亲属）缺少：业主书面同意' },
    ]);
  });

  it('approves once the written consent is on record (who, when, what)', async () => {
    expect(
      (
        (
          await post(ApiRoutes.moveInWrittenConsent(moveIn.id), supervisor, { note: ' ' }).expect(
            400,
          )
        ).body as ApiError
      ).code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    const recorded = (
      await post(ApiRoutes.moveInWrittenConsent(moveIn.id), supervisor, {
        note: '业主签字同意书原件已存档',
      }).expect(200)
    ).body as MoveInDto;
    expect(recorded).toMatchObject({
      writtenConsent: { name: '张主任', note: '业主签字同意书原件已存档' },
      ready: true,
      can: { recordWrittenConsent: false },
    });
    const approved = (
      await post(ApiRoutes.moveInDecision(moveIn.id), supervisor, { approve: true }).expect(200)
    ).body as MoveInDto;
    expect(approved.status).toBe(MoveInStatus.Approved);
    const mine = (await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto;
    expect(mine.members.find((m) => m.name === '王表哥')?.residencePass).toBe(
      approved.people[0].residencePass,
    );
  });
});

describe('rejection', () => {
  it('needs a reason, which the registrant reads; a rejected registration is closed', async () => {
    const moveIn = await register(owner, [
      person({ name: '王某某', idNumber: ID.rejected, phone: '13900004444' }),
    ]);
    const noReason = (
      await post(ApiRoutes.moveInDecision(moveIn.id), assistant, { approve: false }).expect(400)
    ).body as ApiError;
    expect(noReason.fields).toEqual([{ field: 'reason', message: '请写明不通过的原因' }]);
    await post(ApiRoutes.moveInDecision(moveIn.id), assistant, {
      approve: false,
      reason: '身份证件与本人不符',
    }).expect(200);
    const seen = (await get(ApiRoutes.moveIn(moveIn.id), owner).expect(200)).body as MoveInDto;
    expect(seen).toMatchObject({
      status: MoveInStatus.Rejected,
      rejectReason: '身份证件与本人不符',
      decided: { name: '李管家' },
      can: { cancel: false },
    });
    expect(seen.people[0].missing).toEqual([]);
    expect(
      (
        (
          await post(
            ApiRoutes.moveInPapers(moveIn.id),
            assistant,
            papers(moveIn, [[MoveInPaper.IdDocument]]),
          ).expect(409)
        ).body as ApiError
      ).code,
    ).toBe(ErrorCode.MOVE_IN_STATE);
    expect(
      await t.dataSource
        .getRepository(HouseholdMember)
        .countBy({ householdId: home, name: '王某某' }),
    ).toBe(0);
    // Rejected: the person may be registered again.
    const again = await register(owner, [
      person({ name: '王某某', idNumber: ID.rejected, phone: '13900004444' }),
    ]);
    expect((await post(ApiRoutes.moveInCancel(again.id), owner).expect(200)).body).toMatchObject({
      status: MoveInStatus.Cancelled,
    });
  });

  it('the owner refusing consent rejects it', async () => {
    const moveIn = await register(supervisor, [
      person({
        name: '刘租客',
        role: MemberRole.Tenant,
        phone: '13900005555',
        idNumber: ID.foreign,
      }),
    ]);
    const refused = (
      await post(ApiRoutes.moveInOwnerConsent(moveIn.id), owner, {
        approve: false,
        reason: '租约未签',
      }).expect(200)
    ).body as MoveInDto;
    expect(refused).toMatchObject({
      status: MoveInStatus.Rejected,
      rejectReason: '业主不同意入住：租约未签',
      decided: { name: '王女士' },
    });
  });
});

describe('the photo for the residence pass', () => {
  it('takes the registrant’s own upload and refuses someone else’s', async () => {
    const upload = async (token: string) =>
      (
        (
          await t
            .http()
            .post(ApiRoutes.uploads)
            .set(bearer(token))
            .attach(UPLOAD_FIELD, tinyPng(), { filename: 'p.png', contentType: 'image/png' })
            .expect(201)
        ).body as UploadDto
      ).id;
    const others = await upload(assistant);
    const refused = (
      await post(ApiRoutes.moveIns, owner, {
        householdId: home,
        people: [person({ idNumber: ID.withPhoto, photoId: others })],
      }).expect(404)
    ).body as ApiError;
    expect(refused.code).toBe(ErrorCode.UPLOAD_NOT_FOUND);
    const moveIn = await register(owner, [
      person({ name: '王小丽', idNumber: ID.withPhoto, photoId: await upload(owner) }),
    ]);
    expect(moveIn.people[0].photoUrl).toMatch(/^\/api\/uploads\//);
    await post(ApiRoutes.moveInCancel(moveIn.id), owner).expect(200);
  });
});

describe('who may do what: roles and foreign ids', () => {
  let moveIn: MoveInDto;
  let stranger: string;
  let otherAssistant: string;
  let tenant: string;

  beforeAll(async () => {
    moveIn = await register(owner, [
      person({ name: '王小刚', idNumber: ID.rejected, phone: '13900006666' }),
    ]);
    // A resident of another room, on that room's file.
    const other = await addResident(t, {
      building: '2栋',
      unit: '1单元',
      number: '201',
      name: '孙住户',
    });
    await t.dataSource.getRepository(HouseholdMember).save({
      id: randomUUID(),
      householdId: other.householdId!,
      name: '孙住户',
      role: MemberRole.Owner,
      relationship: '本人',
      phone: '13900007777',
      idNumber: null,
      moveInDate: null,
      userId: other.id,
      createdAt: t.clock.now(),
      removedAt: null,
      removedById: null,
    });
    stranger = (await loginOpenid(t, other.openid!)).token;
    otherAssistant = (await loginOpenid(t, (await addAssistant(t, '周管家', ['2栋'])).openid!))
      .token;
    // A tenant of the demo household (not its owner, not the registrant).
    const tenantUser = await addUser(t, Role.Resident, '钱租客');
    const session = await loginOpenid(t, tenantUser.openid!);
    const invite = (
      await post(ApiRoutes.householdInvites(home), owner, { role: MemberRole.Tenant }).expect(201)
    ).body as { code: string };
    await post(ApiRoutes.joinHousehold, session.token, {
      code: invite.code,
      name: '钱租客',
    }).expect(200);
    tenant = session.token;
  });

  const bare = (body: unknown) =>
    expect(Object.keys(body as object).sort()).toEqual(['code', 'message']);

  it('a resident registers only for their own household: another household is not found, with nothing in the body', async () => {
    const res = await post(ApiRoutes.moveIns, stranger, {
      householdId: home,
      people: [person({ idNumber: ID.foreign })],
    }).expect(404);
    expect(res.body).toMatchObject({ code: ErrorCode.HOUSEHOLD_NOT_FOUND });
    bare(res.body);
    expect(JSON.stringify(res.body)).not.toContain('1栋');
    // The office of another building likewise.
    bare(
      (
        await post(ApiRoutes.moveIns, otherAssistant, {
          householdId: home,
          people: [person({ idNumber: ID.foreign })],
        }).expect(404)
      ).body,
    );
    // A made-up household id.
    bare(
      (
        await post(ApiRoutes.moveIns, owner, {
          householdId: randomUUID(),
          people: [person({ idNumber: ID.foreign })],
        }).expect(404)
      ).body,
    );
  });

  it('someone else’s registration is not found for a stranger, another building’s assistant and a housemate who did not make it', async () => {
    for (const token of [stranger, otherAssistant, tenant]) {
      for (const res of [
        await get(ApiRoutes.moveIn(moveIn.id), token),
        await post(ApiRoutes.moveInCancel(moveIn.id), token),
        await post(ApiRoutes.moveInOwnerConsent(moveIn.id), token, { approve: true }),
        await post(
          ApiRoutes.moveInPapers(moveIn.id),
          token,
          papers(moveIn, [[MoveInPaper.IdDocument]]),
        ),
        await post(ApiRoutes.moveInDecision(moveIn.id), token, { approve: true }),
        await post(ApiRoutes.moveInWrittenConsent(moveIn.id), token, { note: '走查' }),
      ]) {
        expect([403, 404]).toContain(res.status);
        bare(res.body);
        expect(JSON.stringify(res.body)).not.toContain('王小刚');
      }
    }
    expect(
      ((await get(ApiRoutes.officeMoveIns, otherAssistant).expect(200)).body as MoveInDto[]).map(
        (m) => m.id,
      ),
    ).not.toContain(moveIn.id);
    expect(
      (await get(`${ApiRoutes.officeMoveIns}?householdId=${home}`, otherAssistant).expect(200))
        .body,
    ).toEqual([]);
    // The tenant's own list has none of the owner's registrations.
    expect((await get(ApiRoutes.myMoveIns, tenant).expect(200)).body).toEqual([]);
  });

  it('the roles each endpoint states: residents cannot decide, staff cannot consent as owner, the guard can do nothing', async () => {
    expect(
      (
        (await post(ApiRoutes.moveInDecision(moveIn.id), owner, { approve: true }).expect(403))
          .body as ApiError
      ).code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (
        (
          await post(
            ApiRoutes.moveInPapers(moveIn.id),
            owner,
            papers(moveIn, [[MoveInPaper.IdDocument]]),
          ).expect(403)
        ).body as ApiError
      ).code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (
        (
          await post(ApiRoutes.moveInWrittenConsent(moveIn.id), owner, { note: '自己同意' }).expect(
            403,
          )
        ).body as ApiError
      ).code,
    ).toBe(ErrorCode.FORBIDDEN);
    await post(ApiRoutes.moveInCancel(moveIn.id), assistant).expect(403);
    await get(ApiRoutes.myMoveIns, assistant).expect(403);
    await get(ApiRoutes.officeMoveIns, owner).expect(403);
    for (const res of [
      await post(ApiRoutes.moveIns, guard, {
        householdId: home,
        people: [person({ idNumber: ID.foreign })],
      }),
      await get(ApiRoutes.moveIn(moveIn.id), guard),
      await get(ApiRoutes.officeMoveIns, guard),
      await post(ApiRoutes.moveInDecision(moveIn.id), guard, { approve: true }),
    ]) {
      expect(res.status).toBe(403);
      bare(res.body);
    }
    // A housemate who is not the owner cannot consent to someone else's registration they can see either.
    const own = await register(tenant, [
      person({
        name: '钱小妹',
        role: MemberRole.Family,
        idNumber: ID.foreign,
        phone: '13900008888',
      }),
    ]);
    expect(own.can).toMatchObject({ ownerConsent: false, cancel: true });
    expect(own.people[0].missing).toContain(MoveInConsent.OwnerConsent);
    expect(
      (
        (await post(ApiRoutes.moveInOwnerConsent(own.id), tenant, { approve: true }).expect(403))
          .body as ApiError
      ).code,
    ).toBe(ErrorCode.MOVE_IN_OWNER_ONLY);
    // …which the owner sees and may consent to.
    expect(
      ((await get(ApiRoutes.moveIn(own.id), owner).expect(200)).body as MoveInDto).can.ownerConsent,
    ).toBe(true);
    // Nothing changed on the target registration.
    const after = (await get(ApiRoutes.moveIn(moveIn.id), supervisor).expect(200))
      .body as MoveInDto;
    expect(after).toMatchObject({
      status: MoveInStatus.Pending,
      writtenConsent: null,
      decided: null,
    });
    expect(after.people[0].papers).toEqual([]);
  });
});
