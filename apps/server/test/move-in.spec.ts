import {
  ApiError,
  ApiRoutes,
  ErrorCode,
  HouseholdFileDto,
  MemberRole,
  MoveInConsent,
  MoveInDto,
  MoveInOwnerConsent,
  MoveInPaper,
  MoveInStatus,
  MyHouseholdDto,
} from '@linli/contracts';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { bootMoveInWorld, ID, moveInHelpers, papers, PASS, person } from './support/move-in-world';
import { TestApp } from './support/test-app';

let t: TestApp;
let owner: string;
let assistant: string;
let supervisor: string;
let home: string;

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  ({ t, owner, assistant, supervisor, home } = await bootMoveInWorld());
});
afterEach(() => t?.close());

const { get, post, register } = moveInHelpers(() => ({ t, home }));

describe('a family member registered by the owner and approved by the office', () => {
  /** 王女士 registers her son 王小明 herself. */
  const registeredSon = () => register(owner, [person()]);

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
    const moveIn = await registeredSon();
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
    const moveIn = await registeredSon();
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
    const moveIn = await registeredSon();
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
  const registerTenant = () =>
    register(assistant, [
      person({
        name: '陈租客',
        role: MemberRole.Tenant,
        relationship: undefined,
        phone: '13900002222',
        idNumber: ID.tenant,
      }),
    ]);
  /** 李管家 registers 陈租客 at the counter and checks the ID and the lease. */
  async function papersChecked(): Promise<MoveInDto> {
    const moveIn = await registerTenant();
    await post(
      ApiRoutes.moveInPapers(moveIn.id),
      assistant,
      papers(moveIn, [[MoveInPaper.IdDocument, MoveInPaper.Lease]]),
    ).expect(200);
    return moveIn;
  }

  it('needs the ID, the lease and the owner’s consent', async () => {
    const moveIn = await registerTenant();
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
    const moveIn = await papersChecked();
    const own = (await get(ApiRoutes.myMoveIns, owner).expect(200)).body as MoveInDto[];
    const seen = own.find((m) => m.id === moveIn.id)!;
    expect(seen.can).toMatchObject({ ownerConsent: true, cancel: true });
    // The owner sees the tenant's phone masked (the office typed it, not the owner).
    expect(seen.people[0].phone).toBe('139****2222');
    await post(ApiRoutes.moveInOwnerConsent(moveIn.id), assistant, { approve: true }).expect(403);
  });

  it('approves after the owner agrees in the mini-program', async () => {
    const moveIn = await papersChecked();
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
  const registerCousin = () =>
    register(owner, [
      person({
        name: '王表哥',
        role: MemberRole.Relative,
        relationship: '表哥',
        phone: '13900003333',
        idNumber: ID.cousin,
      }),
    ]);
  /** 王女士 registers her cousin; 张主任 checks the ID and the notarised proof of kinship. */
  async function papersChecked(): Promise<MoveInDto> {
    const moveIn = await registerCousin();
    await post(
      ApiRoutes.moveInPapers(moveIn.id),
      supervisor,
      papers(moveIn, [[MoveInPaper.IdDocument, MoveInPaper.NotarisedRelation]]),
    ).expect(200);
    return moveIn;
  }

  it('is not approved on the owner’s own registration alone, nor with the notarised proof', async () => {
    const moveIn = await registerCousin();
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
    const moveIn = await papersChecked();
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
