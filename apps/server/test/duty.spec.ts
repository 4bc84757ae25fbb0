import {
  ApiRoutes,
  AssistantOptionDto,
  BuildingDto,
  DemoPersona,
  DutyShiftDto,
  ErrorCode,
} from '@linli/contracts';
import { addAssistant, submitTicket } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let building1: string;
let li: string;
let night: string;

// Monday 2026-11-23, 10:00 China time.
const NOW = new Date('2026-11-23T02:00:00Z');

/** Each test starts from its own app (issue #17), with 周管家 beside 李管家 in 1栋. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: NOW, freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const nightUser = await addAssistant(t, '周管家', ['1栋']);
  night = nightUser.id;
  await loginOpenid(t, nightUser.openid!);
  building1 = (
    (await t.http().get(ApiRoutes.buildings).set(bearer(supervisor)).expect(200))
      .body as BuildingDto[]
  ).find((b) => b.name === '1栋')!.id;
  const options = (
    await t.http().get(ApiRoutes.communityAssistants).set(bearer(supervisor)).expect(200)
  ).body as AssistantOptionDto[];
  li = options.find((o) => o.name === '李管家')!.id;
  expect(options.map((o) => o.name)).toEqual(expect.arrayContaining(['李管家', '周管家']));
});
afterEach(() => t?.close());

const shift = (body: object, token = supervisor) =>
  t.http().post(ApiRoutes.dutyShifts).set(bearer(token)).send(body);

/** 周管家 on duty 09:00–21:00 today. */
const nightOnDuty = () =>
  shift({
    buildingId: building1,
    assistantId: night,
    startsAt: '2026-11-23T01:00:00.000Z',
    endsAt: '2026-11-23T13:00:00.000Z',
  }).expect(201);

describe('the duty rota (24 h lobby duty) and dispatch', () => {
  it('without a rota, the least loaded assistant of the building gets a new ticket', async () => {
    const a = await submitTicket(t, resident, { description: '客厅灯不亮' });
    const b = await submitTicket(t, resident, { description: '卧室灯不亮' });
    expect([a.assigneeName, b.assigneeName].sort()).toEqual(['周管家', '李管家']);
  });

  it('the supervisor puts 周管家 on duty; while the shift lasts, new tickets go to them whatever their load', async () => {
    const res = await shift({
      buildingId: building1,
      assistantId: night,
      startsAt: '2026-11-23T01:00:00.000Z',
      endsAt: '2026-11-23T13:00:00.000Z',
    }).expect(201);
    expect(res.body as DutyShiftDto).toMatchObject({
      buildingName: '1栋',
      assistantName: '周管家',
      current: true,
    });
    for (const d of ['厨房灯不亮', '阳台灯不亮'])
      expect((await submitTicket(t, resident, { description: d })).assigneeName).toBe('周管家');
    const rota = (await t.http().get(ApiRoutes.dutyShifts).set(bearer(assistant)).expect(200))
      .body as DutyShiftDto[];
    expect(rota.map((s) => [s.assistantName, s.current])).toEqual([['周管家', true]]);
  });

  it('after the shift, dispatch goes back to the least loaded', async () => {
    // During the day: one ticket each, then two more for 周管家 while on duty.
    for (const d of ['客厅灯不亮', '卧室灯不亮'])
      await submitTicket(t, resident, { description: d });
    await nightOnDuty();
    for (const d of ['厨房灯不亮', '阳台灯不亮'])
      await submitTicket(t, resident, { description: d });
    t.clock.set({ now: new Date('2026-11-23T13:00:00Z'), freeze: true });
    const residentAt21 = (await loginPersona(t, DemoPersona.Resident)).token; // sessions follow the clock
    expect((await submitTicket(t, residentAt21, { description: '门厅灯不亮' })).assigneeName).toBe(
      '李管家',
    );
  });

  it('refuses shifts that cannot be, and anyone but the supervisor', async () => {
    const base = {
      buildingId: building1,
      assistantId: li,
      startsAt: '2026-11-24T00:00:00.000Z',
      endsAt: '2026-11-24T12:00:00.000Z',
    };
    expect(
      (await shift({ ...base, endsAt: '2026-11-25T01:00:00.000Z' }).expect(400)).body.message,
    ).toBe('一个班次不能超过 24 小时');
    expect(
      (await shift({ ...base, endsAt: '2026-11-23T23:00:00.000Z' }).expect(400)).body.message,
    ).toBe('结束时间必须晚于开始时间');
    expect(
      (await shift({ ...base, assistantId: '00000000-0000-4000-8000-000000000000' }).expect(400))
        .body.message,
    ).toBe('请选择本小区的礼宾助理');
    await shift(base).expect(201);
    expect(
      (
        await shift({
          ...base,
          startsAt: '2026-11-24T06:00:00.000Z',
          endsAt: '2026-11-24T18:00:00.000Z',
        }).expect(409)
      ).body,
    ).toMatchObject({ code: ErrorCode.CONFLICT, message: '李管家 在这段时间已有值班' });
    await shift(base, assistant).expect(403);
    await t.http().get(ApiRoutes.dutyShifts).set(bearer(resident)).expect(403);
    const mine = (await t.http().get(ApiRoutes.dutyShifts).set(bearer(supervisor)).expect(200))
      .body as DutyShiftDto[];
    await t.http().delete(ApiRoutes.dutyShift(mine[0].id)).set(bearer(supervisor)).expect(204);
    await t.http().delete(ApiRoutes.dutyShift(mine[0].id)).set(bearer(supervisor)).expect(404);
  });
});
