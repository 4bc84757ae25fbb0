import {
  ApiRoutes,
  CalendarYearDto,
  DemoPersona,
  ErrorCode,
  SlaMilestone,
  TicketDetailDto,
} from '@linli/contracts';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let admin: string;
let supervisor: string;
let assistant: string;
let resident: string;

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }); // Monday 10:00 China time
  admin = (await loginPersona(t, DemoPersona.Admin)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
});
afterEach(() => t?.close());

const year = async (y: number, token = admin) =>
  (await t.http().get(ApiRoutes.calendar).query({ year: y }).set(bearer(token)).expect(200))
    .body as CalendarYearDto;
const put = (date: string, body: object, token = admin) =>
  t.http().put(ApiRoutes.calendarOverride(date)).set(bearer(token)).send(body);
const resolveDue = async (id: string) =>
  (
    (await t.http().get(ApiRoutes.ticket(id)).set(bearer(assistant)).expect(200))
      .body as TicketDetailDto
  ).milestones.find((m) => m.milestone === SlaMilestone.Resolve)?.dueAt;

describe('the working calendar in the admin view', () => {
  it('shows a published year with its holidays and make-up working days', async () => {
    const y2026 = await year(2026);
    expect(y2026).toMatchObject({ year: 2026, published: true, canEdit: true, overrides: [] });
    const byDate = new Map(y2026.specialDays.map((d) => [d.date, d]));
    expect(byDate.get('2026-10-01')).toEqual({
      date: '2026-10-01',
      working: false,
      source: 'published',
      note: null,
    });
    expect(byDate.get('2026-10-10')).toMatchObject({ working: true, source: 'published' }); // Saturday make-up day
    expect(byDate.has('2026-11-21')).toBe(false); // an ordinary Saturday is not special
  });

  it('warns that next year has no published schedule yet and counts it as weekends only', async () => {
    const y2027 = await year(2027);
    expect(y2027).toMatchObject({ year: 2027, published: false, specialDays: [] });
    expect(y2027.warnings).toEqual([
      '2027 年的法定节假日安排尚未收录，该年暂按周末休息计算工作日。国务院公布安排后，请逐日补充放假和调休上班的日期。',
    ]);
  });

  it('lets staff read it, and only the company admin change it', async () => {
    expect((await year(2026, assistant)).canEdit).toBe(false);
    expect((await year(2026, supervisor)).canEdit).toBe(false);
    await t.http().get(ApiRoutes.calendar).set(bearer(resident)).expect(403);
    const refused = await put('2027-01-01', { working: false }, supervisor).expect(403);
    expect(refused.body.code).toBe(ErrorCode.FORBIDDEN);
    await put('2027-01-01', { working: false }, assistant).expect(403);
    expect((await year(2027)).overrides).toEqual([]);
  });

  it('refuses a date that does not exist and a missing choice, in Chinese', async () => {
    const bad = await put('2027-02-30', { working: false }).expect(400);
    expect(bad.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      message: '日期格式应为 YYYY-MM-DD，且是真实存在的日期',
      fields: [{ field: 'date', message: '日期格式应为 YYYY-MM-DD，且是真实存在的日期' }],
    });
    await put('20270101', { working: false }).expect(400);
    const missing = await put('2027-01-01', {}).expect(400);
    expect(missing.body.fields).toEqual(
      expect.arrayContaining([{ field: 'working', message: '请选择这一天上班还是休息' }]),
    );
    await t.http().get(ApiRoutes.calendar).query({ year: 'abc' }).set(bearer(admin)).expect(400);
    const gone = await t
      .http()
      .delete(ApiRoutes.calendarOverride('2027-01-04'))
      .set(bearer(admin))
      .expect(404);
    expect(gone.body.message).toBe('2027-01-04 没有调整记录');
  });

  it('takes next year’s holidays from the admin, and the warning says how many days were added', async () => {
    const res = await put('2027-01-01', { working: false, note: '元旦' }).expect(200);
    expect(res.body).toMatchObject({
      date: '2027-01-01',
      working: false,
      note: '元旦',
      updatedByName: '系统管理员',
    });
    await put('2027-01-01', { working: false, note: '元旦放假' }).expect(200); // the same day again: updated, not duplicated
    const y2027 = await year(2027);
    expect(y2027.overrides.map((o) => [o.date, o.note])).toEqual([['2027-01-01', '元旦放假']]);
    expect(y2027.specialDays).toEqual([
      { date: '2027-01-01', working: false, source: 'override', note: '元旦放假' },
    ]);
    expect(y2027.warnings[0]).toContain('（已补充 1 天）');
  });
});

describe('an adjustment moves the deadlines counted in working days at once', () => {
  it('a day off in the middle of a 3-working-day common-area repair pushes its deadline by a day, and back when removed', async () => {
    const ticket = await submitTicket(t, resident, {
      categoryCode: 'common_repair',
      description: '单元门口台阶破损',
    });
    // 3 working days counted from Tuesday: the end of Thursday 2026-11-26, China time.
    expect(await resolveDue(ticket.id)).toBe('2026-11-26T16:00:00.000Z');
    await put('2026-11-25', { working: false, note: '台风停工' }).expect(200);
    expect(await resolveDue(ticket.id)).toBe('2026-11-27T16:00:00.000Z');
    await t.http().delete(ApiRoutes.calendarOverride('2026-11-25')).set(bearer(admin)).expect(204);
    expect(await resolveDue(ticket.id)).toBe('2026-11-26T16:00:00.000Z');
    // The sweep looks at the ticket again after a change, and finds nothing due yet.
    expect(await t.app.get(SlaSweeper).sweep()).toMatchObject({ warnings: 0, escalations: 0 });
  });
});
