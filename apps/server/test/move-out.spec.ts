import {
  ApiError,
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  MemberRole,
  MoveOutDto,
  MoveOutScope,
  MoveOutStatus,
  MyHouseholdDto,
  OwnerAuthorisation,
  RELEASE_SLIP_ALPHABET,
  Role,
  VerifyReleaseSlipResultDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { addAssistant, addResident, addUser } from './support/builders';
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
const SLIP_CODE = new RegExp(`^[${RELEASE_SLIP_ALPHABET}]{8}$`);

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: START, freeze: true });
  await signIn();
  home = (
    (await t.http().get(ApiRoutes.myHousehold).set(bearer(owner)).expect(200))
      .body as MyHouseholdDto
  ).id;
});
afterEach(() => t?.close());

/** Sessions last a week of the business clock: sign in again after moving it on. */
async function signIn() {
  owner = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  guard = (await loginPersona(t, DemoPersona.Guard)).token;
}

const get = (url: string, token: string) => t.http().get(url).set(bearer(token));
const post = (url: string, token: string, body: object = {}) =>
  t.http().post(url).set(bearer(token)).send(body);
const at = (iso: string) => t.clock.set({ now: new Date(iso), freeze: true });

function application(overrides: Record<string, unknown> = {}) {
  return {
    moveDate: '2026-11-25',
    scope: MoveOutScope.Partial,
    items: ['双门冰箱 1 台', '纸箱 6 个'],
    carrierName: '张师傅',
    carrierPhone: '13700001111',
    vehiclePlate: '粤b12345',
    ...overrides,
  };
}

async function apply(token: string, overrides: Record<string, unknown> = {}): Promise<MoveOutDto> {
  const res = await post(ApiRoutes.moveOuts, token, application(overrides));
  if (res.status !== 201)
    throw new Error(`apply failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MoveOutDto;
}

/** A tenant who joined the demo household with the owner's invitation. */
async function newTenant(name: string): Promise<string> {
  const user = await addUser(t, Role.Resident, name);
  const session = await loginOpenid(t, user.openid!);
  const invite = (
    await post(ApiRoutes.householdInvites(home), owner, { role: MemberRole.Tenant }).expect(201)
  ).body as { code: string };
  await post(ApiRoutes.joinHousehold, session.token, { code: invite.code, name }).expect(200);
  return session.token;
}

describe('moving out of the whole household, owner applying', () => {
  const WHOLE = { scope: MoveOutScope.Whole, items: ['沙发 1 套\n衣柜 2 个', '书 10 箱'] };
  /** 王女士 applies on Monday 10:00 to move the whole household out on Wednesday. */
  async function applied(): Promise<string> {
    at('2026-11-23T02:00:00Z');
    return (await apply(owner, WHOLE)).id;
  }
  /** ...the fees marked settled five minutes later, and 张主任 approves: the slip is issued. */
  async function approved(): Promise<{ id: string; code: string }> {
    const id = await applied();
    t.clock.set({ advanceMinutes: 5 });
    await post(ApiRoutes.moveOutFeesSettled(id), assistant).expect(200);
    const mo = (
      await post(ApiRoutes.moveOutDecision(id), supervisor, { approve: true }).expect(200)
    ).body as MoveOutDto;
    return { id, code: mo.slip!.code };
  }
  /** ...and 刘师傅 lets the goods out at 09:30 on the move date; twenty minutes pass. */
  async function used(): Promise<string> {
    const { id, code } = await approved();
    at('2026-11-25T01:30:00Z');
    await post(ApiRoutes.releaseSlipVerify, guard, { code }).expect(200);
    t.clock.set({ advanceMinutes: 20 });
    return id;
  }

  it('takes the application and checks the date, the items and the carrier', async () => {
    at('2026-11-23T02:00:00Z');
    const early = (
      await post(ApiRoutes.moveOuts, owner, application({ moveDate: '2026-11-23' })).expect(400)
    ).body as ApiError;
    expect(early).toMatchObject({
      code: ErrorCode.MOVE_OUT_DATE_INVALID,
      message: expect.stringContaining('最早可选 2026-11-24'),
    });
    const bad = (
      await post(
        ApiRoutes.moveOuts,
        owner,
        application({ carrierPhone: '123', items: [' ', ''] }),
      ).expect(400)
    ).body as ApiError;
    expect(bad.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(bad.fields?.map((f) => f.field).sort()).toEqual(['carrierPhone', 'items']);

    const mo = await apply(owner, WHOLE);
    // The owner applies herself: her own ID is enough, straight to the office.
    expect(mo).toMatchObject({
      status: MoveOutStatus.Pending,
      roomLabel: '1栋1单元101室',
      items: ['沙发 1 套', '衣柜 2 个', '书 10 箱'],
      vehiclePlate: '粤B12345',
      applicant: { name: '王女士', role: MemberRole.Owner },
      ownerAuthorisation: OwnerAuthorisation.Self,
      feesSettled: null,
      slip: null,
      can: { cancel: true, decide: false, ownerDecide: false },
    });
  });

  it('is approved only once staff have marked the fees settled, recording who and when', async () => {
    const id = await applied();
    const refused = (
      await post(ApiRoutes.moveOutDecision(id), assistant, { approve: true }).expect(409)
    ).body as ApiError;
    expect(refused).toEqual({
      code: ErrorCode.MOVE_OUT_FEES_UNSETTLED,
      message: expect.stringContaining('结清'),
    });
    const office = (await get(ApiRoutes.officeMoveOuts, assistant).expect(200))
      .body as MoveOutDto[];
    expect(office.map((m) => [m.id, m.can.markFeesSettled, m.can.decide])).toEqual([
      [id, true, true],
    ]);

    t.clock.set({ advanceMinutes: 5 });
    const settled = (await post(ApiRoutes.moveOutFeesSettled(id), assistant).expect(200))
      .body as MoveOutDto;
    expect(settled.feesSettled).toEqual({ name: '李管家', at: '2026-11-23T02:05:00.000Z' });
    expect((await post(ApiRoutes.moveOutFeesSettled(id), supervisor).expect(409)).body.code).toBe(
      ErrorCode.MOVE_OUT_STATE,
    );

    const approved = (
      await post(ApiRoutes.moveOutDecision(id), supervisor, { approve: true }).expect(200)
    ).body as MoveOutDto;
    expect(approved).toMatchObject({ status: MoveOutStatus.Approved, decided: { name: '张主任' } });
    expect(approved.slip).toMatchObject({
      roomLabel: '1栋1单元101室',
      communityName: '阳光花园',
      moveDate: '2026-11-25',
      approvedBy: '张主任',
      used: null,
      validUntil: '2026-11-26T15:59:59.999Z',
    });
    const code = approved.slip!.code;
    expect(code).toMatch(SLIP_CODE);
    // Approving twice issues no second slip.
    expect(
      (await post(ApiRoutes.moveOutDecision(id), supervisor, { approve: true }).expect(409)).body
        .code,
    ).toBe(ErrorCode.MOVE_OUT_STATE);
  });

  it('shows the resident the slip with its code', async () => {
    const { id, code } = await approved();
    const mine = (await get(ApiRoutes.myMoveOuts, owner).expect(200)).body as MoveOutDto[];
    expect(mine.map((m) => [m.id, m.status, m.slip?.code])).toEqual([
      [id, MoveOutStatus.Approved, code],
    ]);
  });

  it('lets the guard let the goods out once, not before the date; a second use is refused with who and when', async () => {
    const { id, code } = await approved();
    const early = (await post(ApiRoutes.releaseSlipVerify, guard, { code }).expect(409))
      .body as ApiError;
    expect(early.code).toBe(ErrorCode.RELEASE_SLIP_NOT_YET_VALID);

    at('2026-11-25T01:30:00Z'); // 09:30 on the move date
    const ok = (
      await post(ApiRoutes.releaseSlipVerify, guard, {
        code: ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `,
      }).expect(200)
    ).body as VerifyReleaseSlipResultDto;
    expect(ok.slip).toMatchObject({
      code,
      roomLabel: '1栋1单元101室',
      scope: MoveOutScope.Whole,
      moveDate: '2026-11-25',
      items: ['沙发 1 套', '衣柜 2 个', '书 10 箱'],
      carrierName: '张师傅',
      carrierPhone: '13700001111',
      vehiclePlate: '粤B12345',
      used: { name: '刘师傅', at: '2026-11-25T01:30:00.000Z' },
    });

    t.clock.set({ advanceMinutes: 20 });
    const again = (await post(ApiRoutes.releaseSlipVerify, guard, { code }).expect(409))
      .body as ApiError;
    expect(again).toMatchObject({
      code: ErrorCode.RELEASE_SLIP_USED,
      message: '放行条已于 2026-11-25 09:30 由 刘师傅 核验放行，不能重复使用',
    });
    expect(again.releaseSlip?.used).toEqual({ name: '刘师傅', at: '2026-11-25T01:30:00.000Z' });

    const unknown = (
      await post(ApiRoutes.releaseSlipVerify, guard, { code: 'ZZZZ2222' }).expect(404)
    ).body as ApiError;
    expect(unknown.code).toBe(ErrorCode.RELEASE_SLIP_INVALID);
    expect(
      (await post(ApiRoutes.releaseSlipVerify, guard, { code: 'O0O0' }).expect(404)).body.code,
    ).toBe(ErrorCode.RELEASE_SLIP_INVALID);
    expect(((await get(ApiRoutes.moveOut(id), owner).expect(200)).body as MoveOutDto).status).toBe(
      MoveOutStatus.Used,
    );
  });

  it('deregisters the members who left for good after the slip was used: kept in history, no longer counted', async () => {
    const id = await used();
    const file = (await get(ApiRoutes.household(home), assistant).expect(200)).body as {
      members: { id: string; name: string }[];
    };
    const husband = file.members.find((m) => m.name === '王先生')!;
    const office = (await get(ApiRoutes.officeMoveOuts, assistant).expect(200))
      .body as MoveOutDto[];
    expect(office.find((m) => m.id === id)?.can.deregister).toBe(true);

    expect(
      (
        await post(ApiRoutes.moveOutDeregister(id), assistant, {
          memberIds: [randomUUID()],
        }).expect(400)
      ).body.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    const done = (
      await post(ApiRoutes.moveOutDeregister(id), assistant, { memberIds: [husband.id] }).expect(
        200,
      )
    ).body as MoveOutDto;
    expect(done.deregistered).toMatchObject({ name: '李管家', members: ['王先生'] });
    expect(
      (
        await post(ApiRoutes.moveOutDeregister(id), assistant, { memberIds: [husband.id] }).expect(
          409,
        )
      ).body.code,
    ).toBe(ErrorCode.MOVE_OUT_STATE);

    const mine = (await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto;
    expect(mine.members.map((m) => m.name)).toEqual(['王女士']);
    const row = await t.dataSource
      .getRepository(HouseholdMember)
      .findOneByOrFail({ id: husband.id });
    expect(row.removedAt?.toISOString()).toBe('2026-11-25T01:50:00.000Z');
    // Done: off the office's open list.
    expect(
      ((await get(ApiRoutes.officeMoveOuts, assistant).expect(200)).body as MoveOutDto[]).map(
        (m) => m.id,
      ),
    ).not.toContain(id);
  });
});

describe('a tenant moving out', () => {
  let tenant: string;

  beforeEach(async () => {
    at('2026-12-01T02:00:00Z');
    await signIn();
    tenant = await newTenant('陈租户');
  });

  /** 陈租户's move-out of 3 Dec, authorised by the owner in the mini-program and approved by the office. */
  async function tenantApproved(): Promise<string> {
    const { id } = await apply(tenant, { moveDate: '2026-12-03' });
    await post(ApiRoutes.moveOutOwnerDecision(id), owner, { approve: true }).expect(200);
    await post(ApiRoutes.moveOutDecision(id), assistant, { approve: true }).expect(200);
    return id;
  }

  it('needs the owner’s authorisation before the office may approve', async () => {
    const mo = await apply(tenant, { moveDate: '2026-12-03' });
    const id = mo.id;
    expect(mo).toMatchObject({
      status: MoveOutStatus.AwaitingOwner,
      applicant: { name: '陈租户', role: MemberRole.Tenant },
      ownerAuthorisation: null,
      can: { ownerDecide: false, cancel: true },
    });
    expect(
      (await post(ApiRoutes.moveOutDecision(id), assistant, { approve: true }).expect(409)).body,
    ).toEqual({
      code: ErrorCode.MOVE_OUT_NEEDS_OWNER,
      message: expect.stringContaining('业主授权'),
    });
    expect(
      (await post(ApiRoutes.moveOutOwnerDecision(id), tenant, { approve: true }).expect(403)).body
        .code,
    ).toBe(ErrorCode.MOVE_OUT_OWNER_ONLY);

    const ownersView = (await get(ApiRoutes.myMoveOuts, owner).expect(200)).body as MoveOutDto[];
    expect(ownersView.find((m) => m.id === id)?.can.ownerDecide).toBe(true);
    const authorised = (
      await post(ApiRoutes.moveOutOwnerDecision(id), owner, { approve: true }).expect(200)
    ).body as MoveOutDto;
    expect(authorised).toMatchObject({
      status: MoveOutStatus.Pending,
      ownerAuthorisation: OwnerAuthorisation.Owner,
      ownerAuthorised: { name: '王女士', at: '2026-12-01T02:00:00.000Z' },
    });

    // A partial move-out needs no fee check.
    const approved = (
      await post(ApiRoutes.moveOutDecision(id), assistant, { approve: true }).expect(200)
    ).body as MoveOutDto;
    expect(approved.slip?.code).toMatch(SLIP_CODE);
    // The tenant sees only their own applications, not the owner's.
    expect(
      ((await get(ApiRoutes.myMoveOuts, tenant).expect(200)).body as MoveOutDto[]).map((m) => m.id),
    ).toEqual([id]);
  });

  it('takes the office’s record of a written authorisation instead, and a refusal from the owner ends an application', async () => {
    const written = await apply(tenant, { moveDate: '2026-12-04' });
    const recorded = (
      await post(ApiRoutes.moveOutWrittenAuthorisation(written.id), assistant, {
        note: '已收业主身份证复印件，业主电话 13800000001',
      }).expect(200)
    ).body as MoveOutDto;
    expect(recorded).toMatchObject({
      status: MoveOutStatus.Pending,
      ownerAuthorisation: OwnerAuthorisation.Written,
      ownerAuthorised: { name: '李管家' },
      writtenAuthorisationNote: '已收业主身份证复印件，业主电话 13800000001',
    });

    const refused = await apply(tenant, { moveDate: '2026-12-05' });
    const byOwner = (
      await post(ApiRoutes.moveOutOwnerDecision(refused.id), owner, {
        approve: false,
        reason: '租约未到期',
      }).expect(200)
    ).body as MoveOutDto;
    expect(byOwner).toMatchObject({
      status: MoveOutStatus.Rejected,
      rejectReason: '业主未授权：租约未到期',
    });
    expect(
      (await post(ApiRoutes.moveOutDecision(refused.id), assistant, { approve: true }).expect(409))
        .body.code,
    ).toBe(ErrorCode.MOVE_OUT_STATE);
    expect(
      (await post(ApiRoutes.moveOutDecision(written.id), assistant, { approve: false }).expect(400))
        .body.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    expect(
      (
        (
          await post(ApiRoutes.moveOutDecision(written.id), assistant, {
            approve: false,
            reason: '当日电梯检修',
          }).expect(200)
        ).body as MoveOutDto
      ).rejectReason,
    ).toBe('当日电梯检修');
  });

  it('refuses an expired slip, and deregistering the tenant unbinds their WeChat account', async () => {
    const id = await tenantApproved();
    at('2026-12-05T16:00:00Z'); // 6 Dec 00:00 China: the 3 Dec slip (grace 1 day) ended at 24:00 on 4 Dec
    const code = ((await get(ApiRoutes.moveOut(id), tenant).expect(200)).body as MoveOutDto).slip!
      .code;
    const expired = (await post(ApiRoutes.releaseSlipVerify, guard, { code }).expect(410))
      .body as ApiError;
    expect(expired).toMatchObject({
      code: ErrorCode.RELEASE_SLIP_EXPIRED,
      releaseSlip: { code, used: null },
    });

    // Another one, used this time, after which the tenant leaves the file.
    const next = await apply(tenant, { moveDate: '2026-12-07' });
    await post(ApiRoutes.moveOutOwnerDecision(next.id), owner, { approve: true }).expect(200);
    const slip = (
      (await post(ApiRoutes.moveOutDecision(next.id), supervisor, { approve: true }).expect(200))
        .body as MoveOutDto
    ).slip!;
    at('2026-12-07T03:00:00Z');
    await post(ApiRoutes.releaseSlipVerify, guard, { code: slip.code }).expect(200);
    expect(
      (await post(ApiRoutes.moveOutDeregister(next.id), supervisor, { memberIds: [] }).expect(400))
        .body.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    const members = (
      (await get(ApiRoutes.household(home), supervisor).expect(200)).body as {
        members: { id: string; name: string }[];
      }
    ).members;
    await post(ApiRoutes.moveOutDeregister(next.id), supervisor, {
      memberIds: [members.find((m) => m.name === '陈租户')!.id],
    }).expect(200);
    expect((await get(ApiRoutes.myHousehold, tenant).expect(403)).body.code).toBe(
      ErrorCode.TICKET_NO_HOUSEHOLD,
    );
    expect((await get(ApiRoutes.myMoveOuts, tenant).expect(403)).body.code).toBe(
      ErrorCode.MOVE_OUT_NOT_A_MEMBER,
    );
  });
});

describe('who may see and do what', () => {
  let id: string;

  beforeEach(async () => {
    at('2026-12-10T02:00:00Z');
    await signIn();
    id = (await apply(owner, { moveDate: '2026-12-12' })).id;
  });

  it('hides an application from a resident of another household and from an assistant of another building', async () => {
    const neighbour = await addResident(t, {
      building: '2栋',
      unit: '1单元',
      number: '201',
      name: '孙女士',
    });
    await t.dataSource.getRepository(HouseholdMember).insert({
      id: randomUUID(),
      householdId: neighbour.householdId!,
      name: '孙女士',
      role: MemberRole.Owner,
      relationship: '本人',
      phone: null,
      idNumber: null,
      moveInDate: null,
      userId: neighbour.id,
      createdAt: t.clock.now(),
      removedAt: null,
    });
    const other = (await loginOpenid(t, neighbour.openid!)).token;
    expect((await get(ApiRoutes.moveOut(id), other).expect(404)).body.code).toBe(
      ErrorCode.MOVE_OUT_NOT_FOUND,
    );
    expect(
      (await post(ApiRoutes.moveOutOwnerDecision(id), other, { approve: true }).expect(404)).body
        .code,
    ).toBe(ErrorCode.MOVE_OUT_NOT_FOUND);
    expect((await post(ApiRoutes.moveOutCancel(id), other).expect(404)).body.code).toBe(
      ErrorCode.MOVE_OUT_NOT_FOUND,
    );
    expect((await get(ApiRoutes.myMoveOuts, other).expect(200)).body).toEqual([]);

    const elsewhere = (await loginOpenid(t, (await addAssistant(t, '周管家', ['2栋'])).openid!))
      .token;
    expect((await get(ApiRoutes.moveOut(id), elsewhere).expect(404)).body.code).toBe(
      ErrorCode.MOVE_OUT_NOT_FOUND,
    );
    expect((await post(ApiRoutes.moveOutFeesSettled(id), elsewhere).expect(404)).body.code).toBe(
      ErrorCode.MOVE_OUT_NOT_FOUND,
    );
    expect((await get(ApiRoutes.officeMoveOuts, elsewhere).expect(200)).body).toEqual([]);
    // The office's own: the building's assistant and the community's supervisor.
    await get(ApiRoutes.moveOut(id), assistant).expect(200);
    await get(ApiRoutes.moveOut(id), supervisor).expect(200);
  });

  it('gives the guard the slip check and nothing else', async () => {
    const me = (await get(ApiRoutes.me, guard).expect(200)).body as { role: Role; name: string };
    expect(me).toMatchObject({ role: Role.Guard, name: '刘师傅' });
    const refused: [string, ReturnType<typeof get>][] = [
      ['GET ' + ApiRoutes.myTickets, get(ApiRoutes.myTickets, guard)],
      ['GET ' + ApiRoutes.myQueue, get(ApiRoutes.myQueue, guard)],
      ['GET ' + ApiRoutes.communityTickets, get(ApiRoutes.communityTickets, guard)],
      ['GET ' + ApiRoutes.ticketCategories, get(ApiRoutes.ticketCategories, guard)],
      [
        'POST ' + ApiRoutes.tickets,
        post(ApiRoutes.tickets, guard, {
          categoryCode: 'bulb',
          description: '灯不亮',
          photoIds: [],
          idempotencyKey: randomUUID(),
        }),
      ],
      ['GET ' + ApiRoutes.buildings, get(ApiRoutes.buildings, guard)],
      ['GET ' + ApiRoutes.household(home), get(ApiRoutes.household(home), guard)],
      ['GET ' + ApiRoutes.myHousehold, get(ApiRoutes.myHousehold, guard)],
      ['GET ' + ApiRoutes.notifications, get(ApiRoutes.notifications, guard)],
      ['GET ' + ApiRoutes.notificationsUnread, get(ApiRoutes.notificationsUnread, guard)],
      ['GET ' + ApiRoutes.callTasks, get(ApiRoutes.callTasks, guard)],
      ['GET ' + ApiRoutes.calendar, get(ApiRoutes.calendar, guard)],
      ['GET ' + ApiRoutes.subscribeTemplates, get(ApiRoutes.subscribeTemplates, guard)],
      ['GET ' + ApiRoutes.officeMoveOuts, get(ApiRoutes.officeMoveOuts, guard)],
      ['GET ' + ApiRoutes.myMoveOuts, get(ApiRoutes.myMoveOuts, guard)],
      ['GET ' + ApiRoutes.moveOut(id), get(ApiRoutes.moveOut(id), guard)],
      ['POST ' + ApiRoutes.moveOuts, post(ApiRoutes.moveOuts, guard, application())],
      [
        'POST ' + ApiRoutes.moveOutDecision(id),
        post(ApiRoutes.moveOutDecision(id), guard, { approve: true }),
      ],
      ['POST ' + ApiRoutes.moveOutFeesSettled(id), post(ApiRoutes.moveOutFeesSettled(id), guard)],
    ];
    for (const [route, call] of refused) {
      const res = await call;
      expect([route, res.status, res.body.code]).toEqual([route, 403, ErrorCode.FORBIDDEN]);
    }
    // …and nobody else checks slips at the gate.
    for (const token of [
      owner,
      assistant,
      supervisor,
      (await loginPersona(t, DemoPersona.Admin)).token,
    ]) {
      expect(
        (await post(ApiRoutes.releaseSlipVerify, token, { code: 'ABCD2345' }).expect(403)).body
          .code,
      ).toBe(ErrorCode.FORBIDDEN);
    }
  });

  it('lets only one of two guards checking the same slip at once let the goods out', async () => {
    const other = await apply(owner, { moveDate: '2026-12-12', items: ['钢琴 1 台'] });
    const slip = (
      (await post(ApiRoutes.moveOutDecision(other.id), supervisor, { approve: true }).expect(200))
        .body as MoveOutDto
    ).slip!;
    const second = (await loginOpenid(t, (await addUser(t, Role.Guard, '门岗 · 王师傅')).openid!))
      .token;
    at('2026-12-12T01:00:00Z');
    const answers = await Promise.all([
      post(ApiRoutes.releaseSlipVerify, guard, { code: slip.code }),
      post(ApiRoutes.releaseSlipVerify, second, { code: slip.code }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const refusal = answers.find((r) => r.status === 409)!.body as ApiError;
    const winner = (answers.find((r) => r.status === 200)!.body as VerifyReleaseSlipResultDto).slip
      .used!;
    expect(refusal).toMatchObject({
      code: ErrorCode.RELEASE_SLIP_USED,
      releaseSlip: { used: winner },
    });
    at('2026-12-10T02:00:00Z');
  });

  it('lets the applicant withdraw; a withdrawn slip does not open the gate', async () => {
    const slip = (
      (await post(ApiRoutes.moveOutDecision(id), assistant, { approve: true }).expect(200))
        .body as MoveOutDto
    ).slip!;
    expect(
      ((await post(ApiRoutes.moveOutCancel(id), owner).expect(200)).body as MoveOutDto).status,
    ).toBe(MoveOutStatus.Cancelled);
    at('2026-12-12T02:00:00Z');
    expect(
      (await post(ApiRoutes.releaseSlipVerify, guard, { code: slip.code }).expect(404)).body,
    ).toMatchObject({
      code: ErrorCode.RELEASE_SLIP_INVALID,
      message: expect.stringContaining('撤销'),
    });
  });
});
