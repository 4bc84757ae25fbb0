import { CareCalendarDto, CareRoutes, ErrorCode } from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { bearer } from './support/login';
import { bootCareWorld, CareWorld } from './support/care-world';
import { TestApp } from './support/test-app';

let w: CareWorld;
let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let communityId: string;

beforeAll(async () => {
  w = await bootCareWorld();
  ({ t, resident, assistant, supervisor, communityId } = w);
});
afterAll(() => t?.close());

describe('the care calendar', () => {
  it('lists the year’s festivals with lunar dates and what to plan now', async () => {
    const cal = (
      await t
        .http()
        .get(CareRoutes.calendar)
        .query({ communityId, year: 2026 })
        .set(bearer(supervisor))
        .expect(200)
    ).body as CareCalendarDto;
    expect(cal.entries.map((e) => `${e.name} ${e.date}`)).toEqual([
      '元旦 2026-01-01',
      '春节 2026-02-17',
      '元宵节 2026-03-03',
      '妇女节 2026-03-08',
      '母亲节 2026-05-10',
      '儿童节 2026-06-01',
      '端午节 2026-06-19',
      '中秋节 2026-09-25',
      '国庆节 2026-10-01',
      '重阳节 2026-10-18',
    ]);
    // 14 days ahead by default: on 20 September, Mid-Autumn and National Day are due for planning.
    expect(cal.toPlan.map((e) => e.name)).toEqual(['中秋节', '国庆节']);
  });

  it('is the community’s planners’ only', async () => {
    await t
      .http()
      .get(CareRoutes.calendar)
      .query({ communityId })
      .set(bearer(assistant))
      .expect(403);
    await t
      .http()
      .get(CareRoutes.calendar)
      .query({ communityId })
      .set(bearer(resident))
      .expect(403);
    const foreign = await t
      .http()
      .get(CareRoutes.calendar)
      .query({ communityId: randomUUID() })
      .set(bearer(supervisor))
      .expect(403);
    expect(foreign.body.code).toBe(ErrorCode.FORBIDDEN);
  });
});
