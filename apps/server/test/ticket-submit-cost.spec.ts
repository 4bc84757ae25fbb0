import { ApiRoutes, DemoPersona, TicketDetailDto } from '@linli/contracts';
import { ticketRequest } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

/**
 * What one submit costs the database (issue #16, bench/results/baseline.md; 39 statements before, the aim
 * is 12 and is reached: the idempotency key, the household's place and the category are one SELECT): the statements a resident's
 * submit sends, counted at TypeORM's logger, so the count cannot drift
 * back up unnoticed; and concurrent submits, which no longer queue on the day's counter row, still get
 * distinct codes.
 */
let t: TestApp;
let resident: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }); // Monday 10:00 China time
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
});
afterAll(() => t?.close());

/** Every statement TypeORM sends while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const logger = t.dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const seen: string[] = [];
  logger.logQuery = (query, parameters, runner) => {
    seen.push(query);
    return original(query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

const submit = (description: string) =>
  t.http().post(ApiRoutes.tickets).set(bearer(resident)).send(ticketRequest({ description }));

it('a submit sends at most 12 statements besides transaction control (14 in all on MariaDB), and no SELECT DISTINCT pre-query', async () => {
  await submit('第一单：当天的计数行已存在').expect(201); // the day's counter row exists, as on any busy day
  const statements = await statementsOf(async () => {
    const res = await submit('客厅灯泡坏了').expect(201);
    expect((res.body as TicketDetailDto).status).toBe('assigned');
  });
  if (process.env.LINLI_PRINT_STATEMENTS === '1') console.log(statements.join('\n'));
  // SQLite takes the day's number in a transaction of its own (one shared connection): two more BEGIN/COMMIT there.
  expect(
    statements.filter((s) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(s.trim())).length,
  ).toBeLessThanOrEqual(12);
  if (t.dataSource.options.type === 'mysql') expect(statements.length).toBeLessThanOrEqual(14);
  expect(statements.filter((s) => /SELECT DISTINCT/i.test(s))).toEqual([]);
  // The ticket is written once: no UPDATE of the ticket row in the submit.
  expect(statements.filter((s) => /^UPDATE\s+[`"]?ticket[`"]?\s/i.test(s))).toEqual([]);
});

it('gives 20 concurrent submits 20 distinct codes of the day, numbered on from the ones before', async () => {
  const before = (await submit('并发之前的一单').expect(201)).body as TicketDetailDto;
  const last = Number(before.code.split('-')[1]);
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(`并发报事 ${i}`)));
  expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
  const codes = results.map((r) => (r.body as TicketDetailDto).code);
  expect(new Set(codes).size).toBe(20);
  const numbers = codes.map((c) => Number(c.split('-')[1])).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => last + 1 + i));
  for (const code of codes) expect(code).toMatch(/^BX20261123-\d{4}$/);
});
