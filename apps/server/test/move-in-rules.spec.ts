import {
  ApiError,
  ApiRoutes,
  ErrorCode,
  MemberRole,
  MoveInConsent,
  MoveInDto,
  MoveInPaper,
  MoveInStatus,
  Role,
  UPLOAD_FIELD,
  UploadDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { addAssistant, addResident, addUser, tinyPng } from './support/builders';
import { bearer, loginOpenid } from './support/login';
import { bootMoveInWorld, ID, moveInHelpers, papers, person } from './support/move-in-world';
import { TestApp } from './support/test-app';

// Rejection, the pass photo, and who may do what (split out of move-in.spec.ts, issue #17).

let t: TestApp;
let owner: string;
let assistant: string;
let supervisor: string;
let guard: string;
let home: string;

// Each test starts from its own world: registrations of one test (the same ID numbers recur) never meet
// another's.
beforeEach(async () => {
  ({ t, owner, assistant, supervisor, guard, home } = await bootMoveInWorld());
});
afterEach(() => t?.close());

const { get, post, register } = moveInHelpers(() => ({ t, home }));

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

  beforeEach(async () => {
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
