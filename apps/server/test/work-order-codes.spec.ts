/**
 * Work-order codes (GZ20261123-001) come from the same locked daily counter as ticket codes (issue #10):
 * counting the day's orders + 1 under a unique index gave two orders issued at the same moment one code
 * and a 500. Run under LINLI_TEST_DB=mysql for real concurrency.
 */
import { ApiRoutes, DemoPersona, WorkOrderDto } from '@linli/contracts';
import { TicketSequence } from '../src/modules/tickets/entities/ticket-sequence.entity';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let supervisor: string;

/** Each test starts from its own app (issue #17), on Monday at 10:00. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }); // Monday 10:00 China time
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
}, 60_000);
afterEach(() => t?.close());

const issue = (n: number) =>
  t
    .http()
    .post(ApiRoutes.workOrders)
    .set(bearer(supervisor))
    .send({
      department: 'environment',
      instructions: `清理地下车库排水沟 第${n}段`,
      dueAt: '2026-11-24T02:00:00.000Z',
    });

describe('work-order codes', () => {
  it('twelve orders issued at the same moment all succeed, with twelve consecutive codes', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => issue(i + 1)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const codes = answers.map((a) => (a.body as WorkOrderDto).code).sort();
    expect(codes).toEqual(
      Array.from({ length: 12 }, (_, i) => `GZ20261123-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('a day whose counter is missing (orders issued before the counter existed) goes on after the orders on file', async () => {
    for (let n = 1; n <= 12; n++) await issue(n).expect(201); // GZ20261123-001 … -012 on file
    await t.dataSource.getRepository(TicketSequence).delete({ dayKey: 'GZ20261123' });
    const next = (await issue(13).expect(201)).body as WorkOrderDto;
    expect(next.code).toBe('GZ20261123-013');
  });

  it('the next day starts again at 001', async () => {
    t.clock.set({ now: new Date('2026-11-24T02:00:00Z'), freeze: true });
    const res = await t
      .http()
      .post(ApiRoutes.workOrders)
      .set(bearer(supervisor))
      .send({
        department: 'environment',
        instructions: '复查排水沟',
        dueAt: '2026-11-25T02:00:00.000Z',
      })
      .expect(201);
    expect((res.body as WorkOrderDto).code).toBe('GZ20261124-001');
  });
});
