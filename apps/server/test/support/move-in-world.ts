import {
  ApiRoutes,
  DemoPersona,
  MemberRole,
  MoveInDto,
  MoveInPaper,
  MyHouseholdDto,
  RELEASE_SLIP_ALPHABET,
} from '@linli/contracts';
import { bearer, loginPersona } from './login';
import { createTestApp, TestApp } from './test-app';

/** 2026-11-23 10:00 China time. */
export const START = new Date('2026-11-23T02:00:00Z');
export const PASS = new RegExp(`^[${RELEASE_SLIP_ALPHABET}]{8}$`);
/** Well-formed ID numbers (check digit right), one per person of these tests. */
export const ID = {
  son: '110105201003010014',
  tenant: '110105199001010029',
  cousin: '110105196010100030',
  rejected: '110105198505050046',
  withPhoto: '110105199507070053',
  foreign: '110105200008080068',
};

/** The world the move-in specs share: the demo owner, staff, the guard and the owner's household. */
export interface MoveInWorld {
  t: TestApp;
  owner: string;
  assistant: string;
  supervisor: string;
  guard: string;
  home: string;
}

export async function bootMoveInWorld(): Promise<MoveInWorld> {
  const t = await createTestApp();
  const { get } = moveInHelpers(() => ({ t, home: '' }));
  t.clock.set({ now: START, freeze: true });
  const owner = (await loginPersona(t, DemoPersona.Resident)).token;
  const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  const supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const guard = (await loginPersona(t, DemoPersona.Guard)).token;
  const home = ((await get(ApiRoutes.myHousehold, owner).expect(200)).body as MyHouseholdDto).id;
  return { t, owner, assistant, supervisor, guard, home };
}

export function person(overrides: Record<string, unknown> = {}) {
  return {
    name: '王小明',
    role: MemberRole.Family,
    relationship: '儿子',
    phone: '13900001111',
    idNumber: ID.son,
    moveInDate: '2026-11-25',
    ...overrides,
  };
}

/** HTTP helpers over the world; `world` is read lazily, after beforeAll has filled it. */
export function moveInHelpers(world: () => { t: TestApp; home: string }) {
  const get = (url: string, token: string) => world().t.http().get(url).set(bearer(token));
  const post = (url: string, token: string, body: object = {}) =>
    world().t.http().post(url).set(bearer(token)).send(body);
  async function register(
    token: string,
    people: object[],
    householdId = world().home,
  ): Promise<MoveInDto> {
    const res = await post(ApiRoutes.moveIns, token, { householdId, people });
    if (res.status !== 201)
      throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as MoveInDto;
  }
  return { get, post, register };
}

export const papers = (m: MoveInDto, list: MoveInPaper[][]) => ({
  people: m.people.map((p, i) => ({ personId: p.id, papers: list[i] })),
});
