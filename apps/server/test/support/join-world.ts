import {
  ApiRoutes,
  DemoPersona,
  JoinBuildingDto,
  JoinCommunityDto,
  JoinRequestDto,
  MyHouseholdDto,
  Role,
  UserProfileDto,
} from '@linli/contracts';
import { User } from '../../src/modules/org/entities/user.entity';
import { addUser } from './builders';
import { bearer, loginOpenid, loginPersona } from './login';
import { createTestApp, TestApp } from './test-app';

/** The world the join-request specs share: the demo owner, staff, their household and room 101. */
export interface JoinWorld {
  t: TestApp;
  owner: string;
  assistant: string;
  supervisor: string;
  home: string;
  room101: string;
}

export async function bootJoinWorld(): Promise<JoinWorld> {
  const t = await createTestApp();
  const { get } = joinHelpers(() => ({ t, room101: '' }));
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  const owner = (await loginPersona(t, DemoPersona.Resident)).token;
  const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  const supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const home = ((await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto).id;
  const [community] = (await get(ApiRoutes.joinCommunities, owner).expect(200))
    .body as JoinCommunityDto[];
  const buildings = (await get(ApiRoutes.joinBuildings(community.id), owner).expect(200))
    .body as JoinBuildingDto[];
  const room101 = buildings
    .find((b) => b.name === '1栋')!
    .rooms.find((r) => r.label === '1栋1单元101室')!.id;
  return { t, owner, assistant, supervisor, home, room101 };
}

/** HTTP helpers over the world; `world` is read lazily, after beforeAll has filled it. */
export function joinHelpers(world: () => { t: TestApp; room101: string }) {
  const get = (url: string, token: string) => world().t.http().get(url).set(bearer(token));
  const post = (url: string, token: string, body: object = {}) =>
    world().t.http().post(url).set(bearer(token)).send(body);

  /** A signed-in WeChat user with no room yet. */
  async function stranger(name: string): Promise<{ user: User; token: string }> {
    const t = world().t;
    const user = await addUser(t, Role.Resident, name);
    await t.dataSource.getRepository(User).update({ id: user.id }, { communityId: null });
    return { user, token: (await loginOpenid(t, user.openid!)).token };
  }

  const ask = (token: string, body: object) =>
    post(ApiRoutes.joinRequests, token, { roomId: world().room101, ...body });
  const pendingFor = async (token: string) =>
    (await get(ApiRoutes.joinRequestsPending, token).expect(200)).body as JoinRequestDto[];
  const profile = async (token: string) =>
    (await get(ApiRoutes.me, token).expect(200)).body as UserProfileDto;
  return { get, post, stranger, ask, pendingFor, profile };
}

/** A refusal says nothing about the household: only the error code and its message. */
export function expectBare(body: unknown): void {
  expect(Object.keys(body as object).sort()).toEqual(['code', 'message']);
  expect(JSON.stringify(body)).not.toMatch(/王|1380|1390|110105|101室/);
}
