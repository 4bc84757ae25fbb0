import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  SlaMilestone,
  SlaPolicyDto,
  TicketDetailDto,
} from '@linli/contracts';
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

const list = async (token = admin) =>
  (await t.http().get(ApiRoutes.slaPolicies).set(bearer(token)).expect(200)).body as SlaPolicyDto[];
const put = (code: string, milestones: object, token = admin) =>
  t.http().put(ApiRoutes.slaPolicy(code)).set(bearer(token)).send({ milestones });
const limitsOf = (d: TicketDetailDto) => d.milestones.map((m) => [m.milestone, m.dueAt]);

describe("the company's own time-limit numbers (docs/domain-rules.md §6 as configurable defaults)", () => {
  it('lists every policy of docs/domain-rules.md §6 with its default; staff read, only the admin edits', async () => {
    const policies = await list();
    expect(policies.length).toBeGreaterThanOrEqual(19);
    expect(policies.find((p) => p.code === 'emergency_home')).toMatchObject({
      name: '户内紧急报修',
      defaults: { respond: { kind: 'wall', minutes: 30 }, arrive: { kind: 'wall', minutes: 10 } },
      effective: { respond: { kind: 'wall', minutes: 30 }, arrive: { kind: 'wall', minutes: 10 } },
      overridden: false,
      canEdit: true,
    });
    expect((await list(supervisor)).every((p) => !p.canEdit)).toBe(true);
    await list(assistant);
    await t.http().get(ApiRoutes.slaPolicies).set(bearer(resident)).expect(403);
    await put('emergency_home', { respond: { kind: 'wall', minutes: 20 } }, supervisor).expect(403);
  });

  it('refuses numbers that cannot be, in Chinese, and keeps the defaults', async () => {
    const zero = await put('emergency_home', { respond: { kind: 'wall', minutes: 0 } }).expect(400);
    expect(zero.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      message: '受理：分钟数应为 1 到 43200 之间的整数',
    });
    expect(
      (await put('common_repair', { resolve: { kind: 'workingDays', days: 2.5 } }).expect(400)).body
        .message,
    ).toBe('处理完成：工作日数应为 1 到 30 之间的整数');
    expect(
      (await put('common_repair', { resolve: { kind: 'weeks', n: 1 } }).expect(400)).body.message,
    ).toBe('处理完成：时限单位只能是分钟（wall）或工作日（workingDays）');
    expect(
      (await put('common_repair', { lunch: { kind: 'wall', minutes: 5 } }).expect(400)).body
        .message,
    ).toBe('没有这个时限节点：lunch');
    expect((await put('common_repair', { resolve: null }).expect(400)).body.message).toBe(
      '至少保留一个时限节点',
    );
    await put('no_such_policy', { resolve: { kind: 'wall', minutes: 5 } }).expect(404);
    await t
      .http()
      .put(ApiRoutes.slaPolicy('common_repair'))
      .set(bearer(admin))
      .send({})
      .expect(400);
    expect((await list()).filter((p) => p.overridden)).toEqual([]);
  });

  it('applies the new numbers to tickets reported afterwards; tickets already open keep theirs', async () => {
    const before = await submitTicket(t, resident, {
      categoryCode: 'water_leak',
      description: '卫生间漏水',
    });
    const res = await put('emergency_home', {
      respond: { kind: 'wall', minutes: 20 },
      arrive: { kind: 'wall', minutes: 10 },
    }).expect(200);
    expect(res.body).toMatchObject({
      overridden: true,
      updatedByName: '系统管理员',
      effective: { respond: { kind: 'wall', minutes: 20 } },
    });
    const after = await submitTicket(t, resident, {
      categoryCode: 'water_leak',
      description: '厨房漏水',
    });
    expect(limitsOf(after)).toContainEqual([SlaMilestone.Respond, '2026-11-23T02:20:00.000Z']);
    const old = (await t.http().get(ApiRoutes.ticket(before.id)).set(bearer(assistant)).expect(200))
      .body as TicketDetailDto;
    expect(limitsOf(old)).toContainEqual([SlaMilestone.Respond, '2026-11-23T02:30:00.000Z']);
  });

  it('a working-day limit can be changed too, and back to the default', async () => {
    await put('common_repair', { resolve: { kind: 'workingDays', days: 2 } }).expect(200);
    const shorter = await submitTicket(t, resident, {
      categoryCode: 'common_repair',
      description: '楼道灯罩脱落',
    });
    expect(limitsOf(shorter)).toContainEqual([SlaMilestone.Resolve, '2026-11-25T16:00:00.000Z']);
    await t.http().delete(ApiRoutes.slaPolicy('common_repair')).set(bearer(admin)).expect(204);
    await t.http().delete(ApiRoutes.slaPolicy('common_repair')).set(bearer(admin)).expect(404);
    const normal = await submitTicket(t, resident, {
      categoryCode: 'common_repair',
      description: '楼道扶手松动',
    });
    expect(limitsOf(normal)).toContainEqual([SlaMilestone.Resolve, '2026-11-26T16:00:00.000Z']);
    expect((await list()).find((p) => p.code === 'common_repair')).toMatchObject({
      overridden: false,
    });
  });
});
