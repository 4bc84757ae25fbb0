/**
 * The authorisation walk of issue #4 ("least privilege everywhere"): every endpoint of the household area
 * (households, join requests, the household sheet, move-outs, move-ins, structure management) is called by every role with the ids of a
 * household that is not theirs — in another company's community — and must refuse with nothing of that
 * household in the body. The route table below is checked against the controllers' own route metadata, so
 * a new endpoint without a row fails this test.
 */
import {
  ApiRoutes,
  CommunityStructureDto,
  DemoPersona,
  FileReadDto,
  HouseholdDocument,
  HouseholdFileDto,
  JoinRequestDto,
  MoveInDto,
  MoveInStatus,
  MoveOutDto,
  MoveOutStatus,
  MyHouseholdDto,
  Role,
  RoomSummaryDto,
} from '@linli/contracts';
import { HouseholdInvite } from '../src/modules/households/entities/household-invite.entity';
import { HouseholdJoinRequest } from '../src/modules/households/entities/household-join-request.entity';
import { MoveOut } from '../src/modules/move-outs/entities/move-out.entity';
import { MoveIn } from '../src/modules/move-ins/entities/move-in.entity';
import { AssistantBuilding } from '../src/modules/org/entities/assistant-building.entity';
import { Building } from '../src/modules/org/entities/building.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { User } from '../src/modules/org/entities/user.entity';
import {
  buildForeignWorld,
  F,
  Foreign,
  http,
  MOVE_DATE,
  START,
  Walker,
  walkersOutside,
} from './support/foreign-household';
import { declaredRoutes, householdRoutes, judge, Row, send } from './support/household-walk';
import { loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let ROUTES: Row[];
const get = (url: string, token: string) => http(t).get(url, token);
const post = (url: string, token: string, body: object = {}) => http(t).post(url, token, body);

let f: Foreign;
let walkers: Walker[];

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: START, freeze: true });
  ROUTES = householdRoutes(t);
  const world = await buildForeignWorld(t);
  f = world;
  walkers = await walkersOutside(t, world);
}, 120_000);
afterEach(() => t?.close());

/** Its own staff open the household's file, as the rightful callers do: the assistant, the
 * supervisor, the company's admin and the platform's admin. */
async function openedByItsOwnStaff(): Promise<void> {
  const platformAdmin = (await loginPersona(t, DemoPersona.Admin)).token;
  for (const token of [f.tokens.assistant, f.tokens.supervisor, f.tokens.admin, platformAdmin]) {
    await get(ApiRoutes.household(f.householdId), token).expect(200);
  }
}

/** Every route called by every role from outside with the foreign household's ids: how many calls
 * were made and what each answer gave away. */
async function walked(): Promise<{ calls: number; problems: string[] }> {
  const problems: string[] = [];
  let calls = 0;
  for (const row of [...ROUTES.filter((r) => !r.last), ...ROUTES.filter((r) => r.last)]) {
    for (const w of walkers) {
      const res = await send(t, row, f, w.token);
      calls++;
      problems.push(...judge(row, w, res, f));
    }
  }
  return { calls, problems };
}

describe('the route table', () => {
  it('has a row for every route the area’s controllers declare, and no row for a route that does not exist', () => {
    const declared = declaredRoutes();
    const table = [...new Set(ROUTES.map((r) => r.route))].sort();
    expect(declared.length).toBeGreaterThanOrEqual(36);
    expect(table).toEqual([...new Set(declared)].sort());
  });

  it('walks every role there is', () => {
    expect([...new Set(walkers.map((w) => w.role))].sort()).toEqual(Object.values(Role).sort());
  });
});

describe('the rightful callers get the foreign household (the walk is not vacuous)', () => {
  it('its owner, its building’s assistant, its supervisor and its company’s admin read it', async () => {
    const mine = (await get(ApiRoutes.myHousehold, f.tokens.owner).expect(200))
      .body as MyHouseholdDto;
    expect(mine.id).toBe(f.householdId);
    expect(mine.members.map((m) => m.name).sort()).toEqual(
      [F.owner.name, F.family.name, F.relative].sort(),
    );

    for (const token of [f.tokens.assistant, f.tokens.supervisor, f.tokens.admin]) {
      const file = (await get(ApiRoutes.household(f.householdId), token).expect(200))
        .body as HouseholdFileDto;
      expect(file.roomLabel).toBe(f.roomLabel);
      expect(file.members.find((m) => m.name === F.family.name)?.phone).toBe(F.family.phone);
      expect(file.notes.map((n) => n.text)).toEqual([F.note]);
    }
    // The platform's admin (no community of their own) reaches every company's communities by design.
    const platformAdmin = (await loginPersona(t, DemoPersona.Admin)).token;
    expect(
      (
        (await get(ApiRoutes.household(f.householdId), platformAdmin).expect(200))
          .body as HouseholdFileDto
      ).roomLabel,
    ).toBe(f.roomLabel);
    expect(
      ((await get(ApiRoutes.moveOut(f.moveOutId), platformAdmin).expect(200)).body as MoveOutDto)
        .id,
    ).toBe(f.moveOutId);
    const rooms = (await get(ApiRoutes.buildingRooms(f.buildingId), f.tokens.assistant).expect(200))
      .body as RoomSummaryDto[];
    expect(rooms.find((r) => r.householdId === f.householdId)?.memberCount).toBe(3);
    const reads = (
      await get(ApiRoutes.householdReads(f.householdId), f.tokens.supervisor).expect(200)
    ).body.items as FileReadDto[];
    expect(reads.map((r) => r.readerName)).toEqual(expect.arrayContaining(['吴管家', '周主任']));
  });

  it('its owner, assistant, supervisor and admin see the move-in registration', async () => {
    for (const token of [f.tokens.owner, f.tokens.assistant, f.tokens.supervisor, f.tokens.admin]) {
      const moveIn = (await get(ApiRoutes.moveIn(f.moveInId), token).expect(200)).body as MoveInDto;
      expect(moveIn).toMatchObject({
        roomLabel: f.roomLabel,
        status: MoveInStatus.Pending,
        people: [expect.objectContaining({ name: F.newcomer.name })],
      });
    }
    const office = (await get(ApiRoutes.officeMoveIns, f.tokens.assistant).expect(200))
      .body as MoveInDto[];
    expect(office.map((m) => m.id)).toEqual([f.moveInId]);
  });

  it('its owner, assistant and supervisor see the move-out; the office sees the join request waiting', async () => {
    for (const token of [f.tokens.owner, f.tokens.assistant, f.tokens.supervisor]) {
      const moveOut = (await get(ApiRoutes.moveOut(f.moveOutId), token).expect(200))
        .body as MoveOutDto;
      expect(moveOut).toMatchObject({
        roomLabel: f.roomLabel,
        items: [F.item],
        carrierName: F.carrier.name,
        status: MoveOutStatus.Approved,
      });
    }
    const office = (
      await get(
        `${ApiRoutes.officeMoveOuts}?householdId=${f.householdId}`,
        f.tokens.assistant,
      ).expect(200)
    ).body as MoveOutDto[];
    expect(office.map((m) => m.id)).toEqual([f.moveOutId]);
    for (const token of [f.tokens.owner, f.tokens.assistant, f.tokens.supervisor]) {
      const pending = (await get(ApiRoutes.joinRequestsPending, token).expect(200))
        .body as JoinRequestDto[];
      expect(pending.map((r) => r.id)).toContain(f.joinRequestId);
    }
  });

  it('its supervisor and its company’s admin read the community’s structure', async () => {
    for (const token of [f.tokens.supervisor, f.tokens.admin]) {
      const structure = (await get(ApiRoutes.communityStructure(f.communityId), token).expect(200))
        .body as CommunityStructureDto;
      const jia = structure.buildings.find((b) => b.id === f.buildingId)!;
      expect(jia.units[0].rooms.find((r) => r.id === f.roomId)).toMatchObject({
        label: f.roomLabel,
        householdId: f.householdId,
        inUse: true,
      });
      expect(jia.assistants.map((a) => a.id)).toEqual([f.assistantId]);
    }
  });

  it('its supervisor exports the community’s sheet with the household in it', async () => {
    const res = await get(
      ApiRoutes.householdSheetExport(f.communityId, 'csv'),
      f.tokens.supervisor,
    ).expect(200);
    expect(res.text).toContain(F.owner.name);
    expect(res.text).toContain(F.family.phone);
  });
});

describe('the walk: every route, every role, the foreign household’s ids', () => {
  it('refuses, with nothing of the foreign household in any answer', async () => {
    const { calls, problems } = await walked();
    expect(calls).toBe(ROUTES.length * walkers.length);
    expect(problems).toEqual([]);
  }, 180_000);

  it('left the foreign household as it was: nobody else added, removed, noted, decided or invited anything', async () => {
    await openedByItsOwnStaff();
    await walked();
    const file = (await get(ApiRoutes.household(f.householdId), f.tokens.assistant).expect(200))
      .body as HouseholdFileDto;
    expect(file.members.map((m) => m.name).sort()).toEqual(
      [F.owner.name, F.family.name, F.relative].sort(),
    );
    expect(file.members.find((m) => m.name === F.family.name)?.phone).toBe(F.family.phone);
    expect(file.notes.map((n) => n.text)).toEqual([F.note]);
    const reads = (
      await get(ApiRoutes.householdReads(f.householdId), f.tokens.supervisor).expect(200)
    ).body.items as FileReadDto[];
    // Only its own staff opened the file (every opening is audited, a refused one is not an opening).
    expect([...new Set(reads.map((r) => r.readerName))].sort()).toEqual(
      ['吴管家', '周主任', '明月管理员', '系统管理员'].sort(),
    );
    expect(
      await t.dataSource.getRepository(HouseholdInvite).countBy({ householdId: f.householdId }),
    ).toBe(1);
    // Its papers and reviews: only what its own assistant recorded.
    expect(file.documents.filter((d) => d.onFile).map((d) => [d.kind, d.note])).toEqual([
      [HouseholdDocument.FloorPlan, F.documentNote],
    ]);
    expect(file.review.lastReviewedAt).toBeNull();

    const request = await t.dataSource
      .getRepository(HouseholdJoinRequest)
      .findOneByOrFail({ id: f.joinRequestId });
    expect(request).toMatchObject({
      status: 'pending',
      ownerApprovedAt: null,
      officeApprovedAt: null,
      decidedAt: null,
    });
    const moveOut = await t.dataSource.getRepository(MoveOut).findOneByOrFail({ id: f.moveOutId });
    expect(moveOut).toMatchObject({
      status: MoveOutStatus.Approved,
      usedAt: null,
      writtenAuthorisationNote: null,
      deregisteredAt: null,
    });
    const moveIn = await t.dataSource.getRepository(MoveIn).findOneByOrFail({ id: f.moveInId });
    expect(moveIn).toMatchObject({
      status: MoveInStatus.Pending,
      writtenConsentAt: null,
      decidedAt: null,
    });
    expect(await t.dataSource.getRepository(MoveIn).countBy({ householdId: f.householdId })).toBe(
      1,
    );
    // Nobody became a member of it or switched to it.
    const users = await t.dataSource.getRepository(User).findBy({ householdId: f.householdId });
    expect(users).toHaveLength(2); // the owner's and the relative's accounts
    expect(await t.dataSource.getRepository(Building).countBy({ communityId: f.communityId })).toBe(
      2,
    );
    // Its structure: 甲栋 as it was, both its rooms, the same assistant.
    expect(
      (await t.dataSource.getRepository(Building).findOneByOrFail({ id: f.buildingId })).name,
    ).toBe('甲栋');
    expect(
      (await t.dataSource.getRepository(Room).findBy({ buildingId: f.buildingId }))
        .map((r) => r.label)
        .sort(),
    ).toEqual(['甲栋1单元101室', '甲栋1单元102室']);
    expect(
      await t.dataSource.getRepository(AssistantBuilding).findBy({ buildingId: f.buildingId }),
    ).toEqual([{ userId: f.assistantId, buildingId: f.buildingId }]);
  }, 180_000);

  it('the slip the walk showed the other gate is good at its own gate (the guard’s refusal was about the community)', async () => {
    await walked();
    t.clock.set({ now: new Date(`${MOVE_DATE}T02:00:00Z`), freeze: true });
    const res = await post(ApiRoutes.releaseSlipVerify, f.tokens.guard, {
      code: f.slipCode,
    }).expect(200);
    expect(res.body).toMatchObject({ slip: { code: f.slipCode, roomLabel: f.roomLabel } });
  }, 180_000);
});
