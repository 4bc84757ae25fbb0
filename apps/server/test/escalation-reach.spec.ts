/**
 * A breach still open a day after reaching the supervisor goes to the company's admins (domain brief §7):
 * the admins of the ticket's company and the platform's admin, never another company's (issue #10; it
 * went to every admin on the platform).
 */
import {
  ApiRoutes,
  DemoPersona,
  NotificationKind,
  NotificationPageDto,
  Role,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { Community } from '../src/modules/org/entities/community.entity';
import { Company } from '../src/modules/org/entities/company.entity';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { account } from './support/second-company';
import { createTestApp, TestApp } from './support/test-app';

const MONDAY_9AM = new Date('2026-11-23T01:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: MONDAY_9AM, freeze: true });
}, 60_000);
afterAll(() => t?.close());

const escalations = async (token: string) =>
  (
    (await t.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
      .body as NotificationPageDto
  ).items.filter((n) => n.kind === NotificationKind.SlaEscalated && n.title === '工单超时升级');

it('reaches the ticket company’s admins and the platform’s admin, not another company’s', async () => {
  const home = await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' });
  const other = await t.dataSource
    .getRepository(Company)
    .save({ id: randomUUID(), name: '明月物业', createdAt: MONDAY_9AM });
  const otherCommunity = await t.dataSource
    .getRepository(Community)
    .save({ id: randomUUID(), companyId: other.id, name: '明月小区', createdAt: MONDAY_9AM });
  const ownAdmin = (await account(t, Role.Admin, '阳光公司管理员', home.id)).token;
  const foreignAdmin = (await account(t, Role.Admin, '明月管理员', otherCommunity.id)).token;
  const platform = (await loginPersona(t, DemoPersona.Admin)).token;

  const resident = (await loginPersona(t, DemoPersona.Resident)).token;
  const ticket = await submitTicket(t, resident, {
    categoryCode: 'water_leak',
    description: '卫生间水管爆裂，水漫到客厅',
  });
  const sweep = () => t.app.get(SlaSweeper).sweep();
  t.clock.set({ now: new Date(MONDAY_9AM.getTime() + 11 * 60_000), freeze: true });
  await sweep(); // level 1: the supervisor
  t.clock.set({ now: new Date(MONDAY_9AM.getTime() + (11 + 24 * 60) * 60_000), freeze: true });
  expect(await sweep()).toMatchObject({ escalations: 1 }); // level 2: the company's admins

  for (const token of [ownAdmin, platform])
    expect((await escalations(token)).map((n) => n.ticketId)).toContain(ticket.id);
  expect(await escalations(foreignAdmin)).toEqual([]);
});
