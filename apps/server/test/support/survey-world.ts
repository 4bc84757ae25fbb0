import {
  ApiRoutes,
  DemoPersona,
  MemberRole,
  NotificationPageDto,
  SurveyRoutes,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { Building } from '../../src/modules/org/entities/building.entity';
import { Household } from '../../src/modules/org/entities/household.entity';
import { Room } from '../../src/modules/org/entities/room.entity';
import { User } from '../../src/modules/org/entities/user.entity';
import { SurveyInvite } from '../../src/modules/surveys/entities/survey-invite.entity';
import { makeHousehold } from './factories';
import { bearer, loginOpenid, loginPersona } from './login';
import { createTestApp, TestApp } from './test-app';

/** Monday 2026-11-23, 10:00 China time. */
export const MONDAY_10AM = new Date('2026-11-23T02:00:00Z');
export const iso = (d: Date) => d.toISOString();
export const hours = (h: number) => new Date(MONDAY_10AM.getTime() + h * 3600_000);

export interface Home {
  householdId: string;
  userId: string;
  token: string;
  room: string;
}

/** The world the survey specs share: the demo personas, 王女士's household and 19 more occupied homes. */
export interface SurveyWorld {
  t: TestApp;
  resident: string;
  assistant: string;
  supervisor: string;
  admin: string;
  guard: string;
  homeHousehold: string;
  homes: Home[];
}

/** An occupied household (a member on file, bound to a resident account) in a room of the demo community. */
async function addHome(
  t: TestApp,
  building: string,
  unit: string,
  number: string,
  name: string,
): Promise<Home> {
  const b = await t.dataSource.getRepository(Building).findOneByOrFail({ name: building });
  const room = await t.dataSource
    .getRepository(Room)
    .findOneByOrFail({ buildingId: b.id, unit, number });
  const { household, users } = await makeHousehold(t, room, [
    { name, role: MemberRole.Owner, account: true },
  ]);
  const householdId = household.id;
  const user = users[name];
  return {
    householdId,
    userId: user.id,
    token: (await loginOpenid(t, user.openid!)).token,
    room: room.label,
  };
}

export async function bootSurveyWorld(): Promise<SurveyWorld> {
  const t = await createTestApp();
  const homes: Home[] = [];
  t.clock.set({ now: MONDAY_10AM, freeze: true });
  const resident = (await loginPersona(t, DemoPersona.Resident)).token;
  const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  const supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const admin = (await loginPersona(t, DemoPersona.Admin)).token;
  const guard = (await loginPersona(t, DemoPersona.Guard)).token;
  const homeHousehold = (await t.dataSource.getRepository(User).findOneByOrFail({ name: '王女士' }))
    .householdId!;
  // 阳光花园: 王女士 (1栋1单元101) and 19 more occupied households: 12 in 1栋, 8 in 2栋.
  for (const n of ['102', '201', '202', '301', '302'])
    homes.push(await addHome(t, '1栋', '1单元', n, `1-1-${n}`));
  for (const n of ['101', '102', '201', '202', '301', '302'])
    homes.push(await addHome(t, '1栋', '2单元', n, `1-2-${n}`));
  for (const u of ['1单元', '2单元'])
    for (const n of ['101', '102', '201', '202'])
      homes.push(await addHome(t, '2栋', u, n, `2-${u}-${n}`));
  // A household with a room but nobody on file is not occupied: it is never sampled.
  const empty = await t.dataSource
    .getRepository(Room)
    .findOneByOrFail({ label: '2栋2单元301室' })
    .catch(() => null);
  if (empty)
    await t.dataSource
      .getRepository(Household)
      .save({ id: randomUUID(), roomId: empty.id, createdAt: t.clock.now() });
  return { t, resident, assistant, supervisor, admin, guard, homeHousehold, homes };
}

/** HTTP helpers over the world; `world` is read lazily, after beforeAll has filled it. */
export function surveyHelpers(world: () => SurveyWorld) {
  const http = () => world().t.http();
  const inbox = async (token: string) =>
    (
      (await http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
        .body as NotificationPageDto
    ).items;
  const answer = (token: string, roundId: string, body: Record<string, unknown>) =>
    http().post(SurveyRoutes.answers(roundId)).set(bearer(token)).send(body);
  const invitesOf = (roundId: string) =>
    world().t.dataSource.getRepository(SurveyInvite).find({ where: { roundId } });
  return { http, inbox, answer, invitesOf };
}
