import {
  ApiRoutes,
  CategoryTaxonomyDto,
  DemoPersona,
  ErrorCode,
  TicketCategoryAdminDto,
} from '@linli/contracts';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let supervisor: string;
let admin: string;
let assistant: string;
let resident: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  admin = (await loginPersona(t, DemoPersona.Admin)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
});
afterAll(() => t?.close());

const update = (code: string, body: object, token = supervisor) =>
  t.http().put(ApiRoutes.ticketCategory(code)).set(bearer(token)).send(body);

describe('the category taxonomy, as supervisors edit it', () => {
  it('lists every category with its department and time-limit policies, and the options for each', async () => {
    const res = (
      await t.http().get(ApiRoutes.ticketCategoriesManage).set(bearer(supervisor)).expect(200)
    ).body as CategoryTaxonomyDto;
    expect(res.categories.find((c) => c.code === 'water_leak')).toMatchObject({
      name: '漏水/跑水',
      emergency: true,
      department: 'engineering',
      departmentLabel: '工程部',
    });
    expect(res.departments.map((d) => d.label)).toEqual(['工程部', '环境部', '秩序部', '客服部']);
    expect(res.policies.map((p) => p.code)).toContain('simple_repair');
    await t.http().get(ApiRoutes.ticketCategoriesManage).set(bearer(admin)).expect(200);
  });

  it('is not for assistants or residents', async () => {
    await t.http().get(ApiRoutes.ticketCategoriesManage).set(bearer(assistant)).expect(403);
    await t.http().get(ApiRoutes.ticketCategoriesManage).set(bearer(resident)).expect(403);
    await update('bulb', { emergency: true }, assistant).expect(403);
    const refused = await update('bulb', { emergency: true }, resident).expect(403);
    expect(refused.body.code).toBe(ErrorCode.FORBIDDEN);
  });

  it('refuses what cannot be: an unknown department or policy, a policy for another kind, no policy at all', async () => {
    const dept = await update('bulb', { department: 'kitchen' }).expect(400);
    expect(dept.body.fields).toEqual([{ field: 'department', message: '请选择有效的处理部门' }]);
    const unknown = await update('bulb', { slaPolicies: ['no_such_policy'] }).expect(400);
    expect(unknown.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      message: '时限标准不存在：no_such_policy',
    });
    const wrongKind = await update('noise', { slaPolicies: ['emergency_home'] }).expect(400);
    expect(wrongKind.body.message).toBe('「户内紧急报修」不适用于这类报事');
    const none = await update('bulb', { slaPolicies: [] }).expect(400);
    expect(none.body.fields).toEqual([{ field: 'slaPolicies', message: '至少选择一个时限标准' }]);
    await update('no_such_category', { emergency: true }).expect(400);
    // Nothing changed by any of those.
    const bulb = (
      (await t.http().get(ApiRoutes.ticketCategoriesManage).set(bearer(supervisor)).expect(200))
        .body as CategoryTaxonomyDto
    ).categories.find((c) => c.code === 'bulb');
    expect(bulb).toMatchObject({
      department: 'engineering',
      emergency: false,
      slaPolicies: ['ordinary_request', 'simple_repair'],
    });
  });

  it('a change applies to the next ticket reported: department, emergency default and time limits', async () => {
    const res = await update('bulb', {
      name: '灯具损坏',
      emergency: true,
      slaPolicies: ['simple_repair'],
    }).expect(200);
    expect(res.body as TicketCategoryAdminDto).toMatchObject({
      code: 'bulb',
      name: '灯具损坏',
      emergency: true,
      slaPolicies: ['simple_repair'],
    });
    const list = (await t.http().get(ApiRoutes.ticketCategories).set(bearer(resident)).expect(200))
      .body as { code: string; name: string; emergency: boolean }[];
    expect(list.find((c) => c.code === 'bulb')).toMatchObject({
      name: '灯具损坏',
      emergency: true,
    });
    const ticket = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '客厅灯不亮',
    });
    expect(ticket.emergency).toBe(true);
    // An emergency repair in the home always gets the emergency limits on top (respond 30 min, on site 10 min).
    expect(ticket.milestones.map((m) => [m.milestone, m.policyName])).toEqual([
      ['respond', '户内紧急报修'],
      ['arrive', '户内紧急报修'],
      ['resolve', '简易维修'],
    ]);
  });
});
