/**
 * Structure management (issue #4): a community's buildings, units and rooms, managed by its supervisors and
 * the admins who reach it. Covers listing, adding a building, generating a range of rooms (labels as the
 * import writes them), single rooms, renames, deleting only what nothing hangs off, assigning assistants,
 * and who is refused.
 */
import {
  ApiError,
  ApiRoutes,
  CommunityStructureDto,
  CreatedRoomsDto,
  DemoPersona,
  ErrorCode,
  Role,
  StructureAssistantDto,
  StructureBuildingDto,
  StructureCommunityDto,
  StructureRoomDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { AssistantBuilding } from '../src/modules/org/entities/assistant-building.entity';
import { Building } from '../src/modules/org/entities/building.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { Company } from '../src/modules/org/entities/company.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { addResident, submitTicket } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let supervisor: string;
let platformAdmin: string;
let companyAdmin: string;
let communityId: string;
/** 陈管家: an assistant of 阳光花园 who serves no building yet. */
let chen: User;
let chenToken: string;

const get = (url: string, token: string) => t.http().get(url).set(bearer(token));
const post = (url: string, token: string, body: object = {}) =>
  t.http().post(url).set(bearer(token)).send(body);
const put = (url: string, token: string, body: object = {}) =>
  t.http().put(url).set(bearer(token)).send(body);
const del = (url: string, token: string) => t.http().delete(url).set(bearer(token));

async function account(
  role: Role,
  name: string,
  community: string | null,
): Promise<{ user: User; token: string }> {
  const user = await t.dataSource.getRepository(User).save({
    id: randomUUID(),
    openid: `structure-${randomUUID()}`,
    name,
    phone: null,
    role,
    householdId: null,
    communityId: community,
    createdAt: t.clock.now(),
  });
  return { user, token: (await loginOpenid(t, user.openid!)).token };
}

async function structure(token = supervisor): Promise<CommunityStructureDto> {
  return (await get(ApiRoutes.communityStructure(communityId), token).expect(200))
    .body as CommunityStructureDto;
}
const buildingNamed = async (name: string) =>
  (await structure()).buildings.find((b) => b.name === name);
const labelsOf = (b: StructureBuildingDto) => b.units.flatMap((u) => u.rooms.map((r) => r.label));

function expectError(res: Response, status: number, code: ErrorCode, message?: RegExp): ApiError {
  expect({ status: res.status, code: (res.body as ApiError).code }).toEqual({ status, code });
  const body = res.body as ApiError;
  expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  if (message) expect(body.message).toMatch(message);
  return body;
}

/** 8栋 and A座, added by the supervisor after the demo's two buildings. */
async function eightAdded(): Promise<StructureBuildingDto> {
  const eight = (
    await post(ApiRoutes.structureBuildings(communityId), supervisor, { name: '8栋' }).expect(201)
  ).body as StructureBuildingDto;
  await post(ApiRoutes.structureBuildings(communityId), supervisor, { name: 'A座' }).expect(201);
  return eight;
}
/** ...8栋 with units 1–2 × floors 1–18 × 2 rooms a floor: 72 rooms. */
async function eightWithRange(): Promise<StructureBuildingDto> {
  const eight = await eightAdded();
  await post(ApiRoutes.structureRoomRange(eight.id), supervisor, {
    unitFrom: 1,
    unitTo: 2,
    floorFrom: 1,
    floorTo: 18,
    perFloor: 2,
  }).expect(201);
  return eight;
}
/** ...and 3单元101 added by hand: 73 rooms. */
async function eightWithRoom(): Promise<StructureBuildingDto> {
  const eight = await eightWithRange();
  await post(ApiRoutes.structureRooms(eight.id), supervisor, { unit: '3', number: '101' }).expect(
    201,
  );
  return eight;
}
/** ...renamed 9栋 and moved to the top of the list. */
async function nineBuilt(): Promise<void> {
  const eight = await eightWithRoom();
  await put(ApiRoutes.structureBuilding(eight.id), supervisor, {
    name: '9栋',
    sortOrder: 0,
  }).expect(200);
}

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  platformAdmin = (await loginPersona(t, DemoPersona.Admin)).token;
  communityId = (await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' }))
    .id;
  companyAdmin = (await account(Role.Admin, '阳光公司管理员', communityId)).token;
  ({ user: chen, token: chenToken } = await account(Role.Assistant, '陈管家', communityId));
}, 60_000);
afterEach(() => t?.close());

describe('reading the structure', () => {
  it('lists the demo community: buildings → units → rooms, who lives where, and the assistants', async () => {
    const s = await structure();
    expect(s.community).toEqual({ id: communityId, name: '阳光花园' });
    expect(s.buildings.map((b) => b.name)).toEqual(['1栋', '2栋']);
    const one = s.buildings[0];
    expect(one.units.map((u) => u.unit)).toEqual(['1单元', '2单元']);
    expect(one.units[0].rooms.map((r) => r.number)).toEqual([
      '101',
      '102',
      '201',
      '202',
      '301',
      '302',
    ]);
    const home = one.units[0].rooms[0];
    expect(home).toMatchObject({ label: '1栋1单元101室', memberCount: 2, inUse: true });
    expect(home.householdId).not.toBeNull();
    expect(one.units[0].rooms[1]).toMatchObject({
      label: '1栋1单元102室',
      householdId: null,
      memberCount: 0,
      inUse: false,
    });
    expect(one.assistants.map((a) => a.name)).toEqual(['李管家']);
    expect(s.assistants.map((a) => a.name).sort()).toEqual(['李管家', '陈管家'].sort());
  });

  it('names the communities each manager manages', async () => {
    expect(
      (
        (await get(ApiRoutes.structureCommunities, supervisor).expect(200))
          .body as StructureCommunityDto[]
      ).map((c) => c.name),
    ).toEqual(['阳光花园']);
    expect(
      (
        (await get(ApiRoutes.structureCommunities, companyAdmin).expect(200))
          .body as StructureCommunityDto[]
      ).map((c) => c.id),
    ).toEqual([communityId]);
    expect(
      (
        (await get(ApiRoutes.structureCommunities, platformAdmin).expect(200))
          .body as StructureCommunityDto[]
      ).map((c) => c.id),
    ).toContain(communityId);
  });
});

describe('buildings and rooms', () => {
  it('adds a building after the others; the same name again (in any case) is refused', async () => {
    const eight = (
      await post(ApiRoutes.structureBuildings(communityId), supervisor, { name: ' 8栋 ' }).expect(
        201,
      )
    ).body as StructureBuildingDto;
    expect(eight).toMatchObject({
      name: '8栋',
      sortOrder: 3,
      roomCount: 0,
      units: [],
      assistants: [],
    });
    expectError(
      await post(ApiRoutes.structureBuildings(communityId), supervisor, { name: '8栋' }),
      409,
      ErrorCode.BUILDING_NAME_TAKEN,
      /8栋/,
    );
    await post(ApiRoutes.structureBuildings(communityId), supervisor, { name: 'A座' }).expect(201);
    expectError(
      await post(ApiRoutes.structureBuildings(communityId), companyAdmin, { name: 'a座' }),
      409,
      ErrorCode.BUILDING_NAME_TAKEN,
    );
    const bad = expectError(
      await post(ApiRoutes.structureBuildings(communityId), supervisor, { name: '  ' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(bad.fields?.map((f) => f.field)).toEqual(['name']);
    expect((await structure()).buildings.map((b) => b.name)).toEqual(['1栋', '2栋', '8栋', 'A座']);
  });

  it('generates units 1–2 × floors 1–18 × 2 rooms a floor, labelled as the import labels them', async () => {
    const eight = await eightAdded();
    const res = (
      await post(ApiRoutes.structureRoomRange(eight.id), supervisor, {
        unitFrom: 1,
        unitTo: 2,
        floorFrom: 1,
        floorTo: 18,
        perFloor: 2,
      }).expect(201)
    ).body as CreatedRoomsDto;
    expect(res.created).toBe(72);
    const b = (await buildingNamed('8栋'))!;
    expect(b.roomCount).toBe(72);
    expect(b.units.map((u) => [u.unit, u.rooms.length])).toEqual([
      ['1单元', 36],
      ['2单元', 36],
    ]);
    expect(labelsOf(b).slice(0, 4)).toEqual([
      '8栋1单元101室',
      '8栋1单元102室',
      '8栋1单元201室',
      '8栋1单元202室',
    ]);
    expect(labelsOf(b).slice(-2)).toEqual(['8栋2单元1801室', '8栋2单元1802室']);
    expect(b.units[0].rooms.every((r) => !r.inUse && r.householdId === null)).toBe(true);
    // The same rows in the database, with the unit and number the import would have written.
    const stored = await t.dataSource
      .getRepository(Room)
      .findOneByOrFail({ buildingId: eight.id, unit: '2单元', number: '1802' });
    expect(stored.label).toBe('8栋2单元1802室');
  });

  it('refuses a range that overlaps the building, adding none of it (all or nothing)', async () => {
    const eight = await eightWithRange();
    const res = await post(ApiRoutes.structureRoomRange(eight.id), supervisor, {
      unitFrom: 2,
      unitTo: 3,
      floorFrom: 18,
      floorTo: 19,
      perFloor: 2,
    });
    expectError(
      res,
      409,
      ErrorCode.ROOM_NUMBER_TAKEN,
      /8栋2单元1801室、8栋2单元1802室已存在，本次未添加任何房屋/,
    );
    expect((await buildingNamed('8栋'))!.roomCount).toBe(72);
    expect(
      await t.dataSource.getRepository(Room).countBy({ buildingId: eight.id, unit: '3单元' }),
    ).toBe(0);
  });

  it.each([
    [{ unitFrom: 1, unitTo: 1, floorFrom: 9, floorTo: 3, perFloor: 2 }, 'floorTo'],
    [{ unitFrom: 1, unitTo: 1, floorFrom: 1, floorTo: 3, perFloor: 0 }, 'perFloor'],
    [{ unitFrom: 1, unitTo: 30, floorFrom: 1, floorTo: 99, perFloor: 20 }, 'range'],
    [{ unitFrom: '一', unitTo: 1, floorFrom: 1, floorTo: 3, perFloor: 2 }, 'unitFrom'],
  ])('refuses the range %j with a Chinese message on %s', async (range, field) => {
    const eight = await eightAdded();
    const body = expectError(
      await post(ApiRoutes.structureRoomRange(eight.id), supervisor, range),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(body.fields?.map((f) => f.field)).toContain(field);
    expect(body.fields?.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
  });

  it('adds one room (a bare unit number is the Nth entrance, 室 is dropped); the same room again is refused', async () => {
    const eight = await eightWithRange();
    const room = (
      await post(ApiRoutes.structureRooms(eight.id), supervisor, {
        unit: '3',
        number: '101室',
      }).expect(201)
    ).body as StructureRoomDto;
    expect(room).toMatchObject({
      unit: '3单元',
      number: '101',
      label: '8栋3单元101室',
      inUse: false,
    });
    expectError(
      await post(ApiRoutes.structureRooms(eight.id), supervisor, { unit: '3单元', number: '101' }),
      409,
      ErrorCode.ROOM_NUMBER_TAKEN,
      /8栋3单元101室已存在/,
    );
    const bad = expectError(
      await post(ApiRoutes.structureRooms(eight.id), supervisor, { unit: '', number: '' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(bad.fields?.map((f) => f.field).sort()).toEqual(['number', 'unit']);
  });

  it('renames a room (its label follows); a name another room has is refused', async () => {
    await eightWithRoom();
    const room = (await buildingNamed('8栋'))!.units.find((u) => u.unit === '3单元')!.rooms[0];
    const renamed = (
      await put(ApiRoutes.structureRoom(room.id), supervisor, {
        unit: '3单元',
        number: '102',
      }).expect(200)
    ).body as StructureRoomDto;
    expect(renamed).toMatchObject({ id: room.id, number: '102', label: '8栋3单元102室' });
    expectError(
      await put(ApiRoutes.structureRoom(room.id), supervisor, { unit: '1', number: '101' }),
      409,
      ErrorCode.ROOM_NUMBER_TAKEN,
      /8栋1单元101室/,
    );
  });

  it('renames a building and moves it in the list; its rooms are said by the new name; a taken name is refused', async () => {
    const eight = await eightWithRoom();
    const res = (
      await put(ApiRoutes.structureBuilding(eight.id), supervisor, {
        name: '9栋',
        sortOrder: 0,
      }).expect(200)
    ).body as StructureBuildingDto;
    expect(res).toMatchObject({ name: '9栋', sortOrder: 0, roomCount: 73 });
    expect(labelsOf(res)[0]).toBe('9栋1单元101室');
    expect((await structure()).buildings.map((b) => b.name)).toEqual(['9栋', '1栋', '2栋', 'A座']);
    expect(await t.dataSource.getRepository(Room).countBy({ label: '8栋1单元101室' })).toBe(0);
    expectError(
      await put(ApiRoutes.structureBuilding(eight.id), supervisor, { name: '1栋' }),
      409,
      ErrorCode.BUILDING_NAME_TAKEN,
    );
  });
});

describe("a building's assistants", () => {
  it('assigns one of the community’s assistants, who then works in the building; unassigning takes it away', async () => {
    await nineBuilt();
    const nine = (await buildingNamed('9栋'))!;
    const list = (await put(ApiRoutes.structureAssistant(nine.id, chen.id), supervisor).expect(200))
      .body as StructureAssistantDto[];
    expect(list).toEqual([{ id: chen.id, name: '陈管家' }]);
    await put(ApiRoutes.structureAssistant(nine.id, chen.id), supervisor).expect(200); // again: no change
    expect((await buildingNamed('9栋'))!.assistants).toEqual([{ id: chen.id, name: '陈管家' }]);
    const mine = (await get(ApiRoutes.buildings, chenToken).expect(200)).body as { name: string }[];
    expect(mine.map((b) => b.name)).toEqual(['9栋']);
    const rooms = (await get(ApiRoutes.buildingRooms(nine.id), chenToken).expect(200)).body as {
      label: string;
    }[];
    expect(rooms).toHaveLength(73);
    // In 住户档案 a tall building reads floor by floor: 901 … 1001, not 1001 before 101.
    expect(rooms.slice(16, 20).map((r) => r.label)).toEqual([
      '9栋1单元901室',
      '9栋1单元902室',
      '9栋1单元1001室',
      '9栋1单元1002室',
    ]);

    const one = (await buildingNamed('1栋'))!;
    await put(ApiRoutes.structureAssistant(one.id, chen.id), companyAdmin).expect(200);
    expect(
      (
        (await del(ApiRoutes.structureAssistant(one.id, chen.id), supervisor).expect(200))
          .body as StructureAssistantDto[]
      ).map((a) => a.name),
    ).toEqual(['李管家']);
    expect(
      ((await get(ApiRoutes.buildings, chenToken).expect(200)).body as { name: string }[]).map(
        (b) => b.name,
      ),
    ).toEqual(['9栋']);
  });

  it('refuses to assign someone who is not an assistant of the community', async () => {
    await nineBuilt();
    const nine = (await buildingNamed('9栋'))!;
    const resident = await t.dataSource.getRepository(User).findOneByOrFail({ name: '王女士' });
    const body = expectError(
      await put(ApiRoutes.structureAssistant(nine.id, resident.id), supervisor),
      400,
      ErrorCode.VALIDATION_FAILED,
      /礼宾助理/,
    );
    expect(body.fields).toEqual([{ field: 'userId', message: '只能指派本小区的礼宾助理' }]);
    expectError(
      await put(ApiRoutes.structureAssistant(nine.id, randomUUID()), supervisor),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
  });
});

describe('deleting only what nothing hangs off', () => {
  it('refuses a room with members on its file, and a room with a ticket, saying why', async () => {
    const one = (await buildingNamed('1栋'))!;
    const home = one.units[0].rooms[0];
    expectError(
      await del(ApiRoutes.structureRoom(home.id), supervisor),
      409,
      ErrorCode.ROOM_IN_USE,
      /1栋1单元101室已登记 2 位住户/,
    );

    const tenant = await addResident(t, {
      building: '2栋',
      unit: '1单元',
      number: '201',
      name: '钱先生',
    });
    await submitTicket(t, (await loginOpenid(t, tenant.openid!)).token);
    const room = (await buildingNamed('2栋'))!.units[0].rooms.find((r) => r.number === '201')!;
    expect(room.inUse).toBe(true);
    expectError(
      await del(ApiRoutes.structureRoom(room.id), supervisor),
      409,
      ErrorCode.ROOM_IN_USE,
      /有 1 张工单/,
    );
    expect(await t.dataSource.getRepository(Room).countBy({ id: room.id })).toBe(1);
  });

  it('refuses a building with a room in use, naming one', async () => {
    const one = (await buildingNamed('1栋'))!;
    expectError(
      await del(ApiRoutes.structureBuilding(one.id), supervisor),
      409,
      ErrorCode.BUILDING_IN_USE,
      /1栋有 1 户房屋仍在使用（如 1栋1单元101室/,
    );
    expect(labelsOf((await buildingNamed('1栋'))!)).toHaveLength(12);
  });

  it('deletes an empty room, and a building whose rooms are all empty (its assistants’ links go with it)', async () => {
    await nineBuilt();
    const nine = (await buildingNamed('9栋'))!;
    await put(ApiRoutes.structureAssistant(nine.id, chen.id), supervisor).expect(200);
    const room = nine.units[0].rooms[0];
    await del(ApiRoutes.structureRoom(room.id), supervisor).expect(204);
    expect(await t.dataSource.getRepository(Room).countBy({ id: room.id })).toBe(0);
    expect((await buildingNamed('9栋'))!.roomCount).toBe(72);

    await del(ApiRoutes.structureBuilding(nine.id), companyAdmin).expect(204);
    expect(await buildingNamed('9栋')).toBeUndefined();
    expect(await t.dataSource.getRepository(Room).countBy({ buildingId: nine.id })).toBe(0);
    expect(
      await t.dataSource.getRepository(AssistantBuilding).countBy({ buildingId: nine.id }),
    ).toBe(0);
    expect(((await get(ApiRoutes.buildings, chenToken).expect(200)).body as unknown[]).length).toBe(
      0,
    );
    await del(ApiRoutes.structureBuilding(nine.id), supervisor).expect(404);
  });
});

describe('who is refused', () => {
  let other: { supervisor: string; admin: string };

  beforeEach(async () => {
    // Another company's community, with its own supervisor and company admin.
    const now = t.clock.now();
    const company = await t.dataSource
      .getRepository(Company)
      .save({ id: randomUUID(), name: '明月物业', createdAt: now });
    const community = await t.dataSource
      .getRepository(Community)
      .save({ id: randomUUID(), companyId: company.id, name: '明月小区', createdAt: now });
    other = {
      supervisor: (await account(Role.Supervisor, '周主任', community.id)).token,
      admin: (await account(Role.Admin, '明月管理员', community.id)).token,
    };
  });

  it('a supervisor or admin of another community, an assistant, a resident and the guard get 403/404 with nothing in the body', async () => {
    const one = (await buildingNamed('1栋'))!;
    const room = one.units[1].rooms[0];
    const lee = await t.dataSource.getRepository(User).findOneByOrFail({ name: '李管家' });
    const callers: [string, string][] = [
      ['另一小区的主任', other.supervisor],
      ['另一公司的管理员', other.admin],
      ['礼宾助理 李管家', (await loginPersona(t, DemoPersona.Assistant)).token],
      ['住户 王女士', (await loginPersona(t, DemoPersona.Resident)).token],
      ['门岗', (await loginPersona(t, DemoPersona.Guard)).token],
    ];
    const calls: [string, (token: string) => Promise<Response>][] = [
      ['structure', (k) => get(ApiRoutes.communityStructure(communityId), k)],
      [
        'add building',
        (k) => post(ApiRoutes.structureBuildings(communityId), k, { name: '越权楼' }),
      ],
      ['rename building', (k) => put(ApiRoutes.structureBuilding(one.id), k, { name: '越权楼' })],
      ['delete building', (k) => del(ApiRoutes.structureBuilding(one.id), k)],
      ['add room', (k) => post(ApiRoutes.structureRooms(one.id), k, { unit: '9', number: '901' })],
      [
        'add range',
        (k) =>
          post(ApiRoutes.structureRoomRange(one.id), k, {
            unitFrom: 9,
            unitTo: 9,
            floorFrom: 1,
            floorTo: 2,
            perFloor: 1,
          }),
      ],
      [
        'rename room',
        (k) => put(ApiRoutes.structureRoom(room.id), k, { unit: '9', number: '999' }),
      ],
      ['delete room', (k) => del(ApiRoutes.structureRoom(room.id), k)],
      ['assign', (k) => put(ApiRoutes.structureAssistant(one.id, chen.id), k)],
      ['unassign', (k) => del(ApiRoutes.structureAssistant(one.id, lee.id), k)],
    ];
    const problems: string[] = [];
    for (const [who, token] of callers) {
      for (const [what, call] of calls) {
        const res = await call(token);
        const body = res.body as Record<string, unknown>;
        const bare =
          Object.keys(body ?? {})
            .sort()
            .join(',') === 'code,message';
        const leaks = ['1栋', '阳光花园', room.label, one.id].filter((s) => res.text.includes(s));
        if (![403, 404].includes(res.status) || !bare || leaks.length)
          problems.push(`${who} → ${what}: ${res.status} ${res.text}`);
      }
      const communities = await get(ApiRoutes.structureCommunities, token);
      if (communities.status === 200 && JSON.stringify(communities.body).includes(communityId))
        problems.push(`${who} → communities lists 阳光花园`);
    }
    expect(problems).toEqual([]);
    // Nothing changed.
    const after = (await buildingNamed('1栋'))!;
    expect(labelsOf(after)).toEqual(labelsOf(one));
    expect(after.assistants.map((a) => a.name)).toEqual(['李管家']);
    expect(await t.dataSource.getRepository(Building).countBy({ name: '越权楼' })).toBe(0);
  });
});
