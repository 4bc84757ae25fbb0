import {
  ApiRoutes,
  CommunityEventDto,
  TimelineKind,
  DemoPersona,
  ErrorCode,
  EventKind,
  EventRoutes,
  SignupDto,
  SignupStatus,
} from '@linli/contracts';
import { User } from '../src/modules/org/entities/user.entity';
import { addResident } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let neighbours: string[];

const NOW = new Date('2026-11-23T02:00:00Z');
const TALK = {
  kind: EventKind.HealthTalk,
  title: '冬季老年人健康讲座',
  place: '社区活动室',
  startsAt: '2026-11-28T06:00:00.000Z',
  capacity: 2,
};

/** Each test starts from a community of its own (issue #17): a fresh app with five new neighbours. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: NOW, freeze: true });
  neighbours = [];
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  for (const [i, number] of ['102', '201', '202', '301', '302'].entries()) {
    const u: User = await addResident(t, {
      building: '1栋',
      unit: '2单元',
      number,
      name: `邻居${i + 1}`,
    });
    neighbours.push((await loginOpenid(t, u.openid!)).token);
  }
});
afterEach(() => t?.close());

/** Signs up one second after the previous one (the waiting list is in order of arrival). */
const signUp = async (token: string, id: string) => {
  t.clock.set({ now: new Date(t.clock.now().getTime() + 1000), freeze: true });
  return (
    (await t.http().post(EventRoutes.signups(id)).set(bearer(token)).expect(201))
      .body as CommunityEventDto
  ).mine!;
};

/** The health talk, published by the supervisor. */
const publishTalk = async () =>
  (await t.http().post(EventRoutes.events).set(bearer(supervisor)).send(TALK).expect(201))
    .body as CommunityEventDto;

/** 王女士 and the first neighbour take the two seats; the next two neighbours wait, in that order. */
async function fillTalk(event: CommunityEventDto) {
  for (const token of [resident, neighbours[0], neighbours[1], neighbours[2]])
    await signUp(token, event.id);
}

describe('an event with sign-up, waiting list and check-in', () => {
  it('is created by the supervisor only, with valid input', async () => {
    await t.http().post(EventRoutes.events).set(bearer(assistant)).send(TALK).expect(403);
    await t.http().post(EventRoutes.events).set(bearer(resident)).send(TALK).expect(403);
    const bad = await t
      .http()
      .post(EventRoutes.events)
      .set(bearer(supervisor))
      .send({ ...TALK, capacity: 0 })
      .expect(400);
    expect(bad.body).toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    const past = await t
      .http()
      .post(EventRoutes.events)
      .set(bearer(supervisor))
      .send({ ...TALK, startsAt: '2026-11-01T00:00:00.000Z' })
      .expect(400);
    expect(past.body.message).toBe('活动时间须晚于现在');
    const event = await publishTalk();
    expect(event).toMatchObject({ kindLabel: '健康讲座', capacity: 2, confirmed: 0 });
  });

  it('confirms while seats are left, then waitlists in order; signing up twice changes nothing', async () => {
    const event = await publishTalk();
    expect(await signUp(resident, event.id)).toMatchObject({
      status: SignupStatus.Confirmed,
      statusLabel: '已报名',
    });
    expect(await signUp(neighbours[0], event.id)).toMatchObject({ status: SignupStatus.Confirmed });
    expect(await signUp(neighbours[1], event.id)).toMatchObject({
      status: SignupStatus.Waitlisted,
      waitlistPosition: 1,
    });
    expect(await signUp(neighbours[2], event.id)).toMatchObject({
      status: SignupStatus.Waitlisted,
      waitlistPosition: 2,
    });
    expect(await signUp(resident, event.id)).toMatchObject({ status: SignupStatus.Confirmed });
    const [listed] = (await t.http().get(EventRoutes.events).set(bearer(resident)).expect(200))
      .body as CommunityEventDto[];
    expect(listed).toMatchObject({ confirmed: 2, waitlisted: 2 });
  });

  it('a cancelled seat goes to the first on the waiting list', async () => {
    const event = await publishTalk();
    await fillTalk(event);
    const after = (
      await t.http().post(EventRoutes.cancelMine(event.id)).set(bearer(neighbours[0])).expect(200)
    ).body as CommunityEventDto;
    expect(after).toMatchObject({
      confirmed: 2,
      waitlisted: 1,
      mine: { status: SignupStatus.Cancelled, code: null },
    });
    const [promoted] = (
      await t.http().get(EventRoutes.events).set(bearer(neighbours[1])).expect(200)
    ).body as CommunityEventDto[];
    expect(promoted.mine).toMatchObject({ status: SignupStatus.Confirmed });
    const [still] = (await t.http().get(EventRoutes.events).set(bearer(neighbours[2])).expect(200))
      .body as CommunityEventDto[];
    expect(still.mine).toMatchObject({ status: SignupStatus.Waitlisted, waitlistPosition: 1 });
    expect(
      (await t.http().post(EventRoutes.cancelMine(event.id)).set(bearer(neighbours[0])).expect(409))
        .body.code,
    ).toBe(ErrorCode.EVENT_SIGNUP_STATE);
  });

  it('checks in at the door by code; a waitlisted or unknown code is refused', async () => {
    const event = await publishTalk();
    await fillTalk(event);
    // The first neighbour gives up the seat; the first on the waiting list takes it.
    await t.http().post(EventRoutes.cancelMine(event.id)).set(bearer(neighbours[0])).expect(200);
    const [mine] = (await t.http().get(EventRoutes.events).set(bearer(resident)).expect(200))
      .body as CommunityEventDto[];
    const code = mine.mine!.code!;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const checked = (
      await t
        .http()
        .post(EventRoutes.checkIn(event.id))
        .set(bearer(assistant))
        .send({ code: code.toLowerCase() })
        .expect(200)
    ).body as SignupDto;
    expect(checked).toMatchObject({
      status: SignupStatus.Attended,
      householdLabel: '1栋1单元101室',
      name: '王女士',
    });
    // Attendance lands on the household's timeline.
    const me = await t.dataSource.getRepository(User).findOneByOrFail({ openid: 'demo-resident' });
    const file = (
      await t.http().get(ApiRoutes.household(me.householdId!)).set(bearer(assistant)).expect(200)
    ).body as { timeline: { kind: TimelineKind; title: string }[] };
    expect(file.timeline).toContainEqual(
      expect.objectContaining({
        kind: TimelineKind.Care,
        title: '参加活动：冬季老年人健康讲座（已签到）',
      }),
    );
    expect(
      (
        await t
          .http()
          .post(EventRoutes.checkIn(event.id))
          .set(bearer(assistant))
          .send({ code })
          .expect(409)
      ).body.message,
    ).toBe('该住户已签到');
    const [waiting] = (
      await t.http().get(EventRoutes.events).set(bearer(neighbours[2])).expect(200)
    ).body as CommunityEventDto[];
    expect(
      (
        await t
          .http()
          .post(EventRoutes.checkIn(event.id))
          .set(bearer(supervisor))
          .send({ code: waiting.mine!.code })
          .expect(409)
      ).body.message,
    ).toBe('该住户在候补名单中，尚未获得名额');
    expect(
      (
        await t
          .http()
          .post(EventRoutes.checkIn(event.id))
          .set(bearer(assistant))
          .send({ code: 'ZZZZZZ' })
          .expect(404)
      ).body.code,
    ).toBe(ErrorCode.EVENT_CODE_INVALID);
    await t
      .http()
      .post(EventRoutes.checkIn(event.id))
      .set(bearer(resident))
      .send({ code })
      .expect(403);
    const list = (
      await t.http().get(EventRoutes.signups(event.id)).set(bearer(supervisor)).expect(200)
    ).body as SignupDto[];
    expect(list.map((s) => s.status)).toEqual([
      SignupStatus.Attended,
      SignupStatus.Cancelled,
      SignupStatus.Confirmed,
      SignupStatus.Waitlisted,
    ]);
    await t.http().get(EventRoutes.signups(event.id)).set(bearer(resident)).expect(403);
  });

  it('never overbooks under concurrent sign-ups', async () => {
    const meeting = (
      await t
        .http()
        .post(EventRoutes.events)
        .set(bearer(supervisor))
        .send({ ...TALK, kind: EventKind.OwnersMeeting, title: '第四季度业主大会', capacity: 3 })
        .expect(201)
    ).body as CommunityEventDto;
    const all = [resident, ...neighbours];
    await Promise.all(
      all.map((token) =>
        t.http().post(EventRoutes.signups(meeting.id)).set(bearer(token)).expect(201),
      ),
    );
    const list = (
      await t.http().get(EventRoutes.signups(meeting.id)).set(bearer(supervisor)).expect(200)
    ).body as SignupDto[];
    expect(list.filter((s) => s.status === SignupStatus.Confirmed)).toHaveLength(3);
    expect(list.filter((s) => s.status === SignupStatus.Waitlisted)).toHaveLength(3);
    const [listed] = (
      (await t.http().get(EventRoutes.events).set(bearer(supervisor)).expect(200))
        .body as CommunityEventDto[]
    ).filter((e) => e.id === meeting.id);
    expect(listed.confirmed).toBe(3);
  });
});
