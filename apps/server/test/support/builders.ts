import { ApiRoutes, CreateTicketRequest, Role, TicketDetailDto } from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import { AssistantBuilding } from '../../src/modules/org/entities/assistant-building.entity';
import { Building } from '../../src/modules/org/entities/building.entity';
import { Household } from '../../src/modules/org/entities/household.entity';
import { Room } from '../../src/modules/org/entities/room.entity';
import { User } from '../../src/modules/org/entities/user.entity';
import { bearer } from './login';
import { TestApp } from './test-app';

/** A resident of another room of the seeded demo community (e.g. '2栋', '1单元', '201'), with their own household. */
export async function addResident(
  t: TestApp,
  opts: { building: string; unit: string; number: string; name?: string },
): Promise<User> {
  const rooms = t.dataSource.getRepository(Room);
  const building = await t.dataSource
    .getRepository(Building)
    .findOneByOrFail({ name: opts.building });
  const room = await rooms.findOneByOrFail({
    buildingId: building.id,
    unit: opts.unit,
    number: opts.number,
  });
  const household = await t.dataSource
    .getRepository(Household)
    .save({ id: randomUUID(), roomId: room.id, createdAt: t.clock.now() });
  return t.dataSource.getRepository(User).save({
    id: randomUUID(),
    openid: `test-${randomUUID()}`,
    name: opts.name ?? '赵先生',
    phone: null,
    role: Role.Resident,
    householdId: household.id,
    communityId: building.communityId,
    createdAt: t.clock.now(),
  });
}

/** A user of any role without a household (or buildings), e.g. a resident not yet bound to a room. */
export async function addUser(t: TestApp, role: Role, name: string): Promise<User> {
  const community =
    (await t.dataSource.getRepository(Building).find({ take: 1 }))[0]?.communityId ?? null;
  return t.dataSource.getRepository(User).save({
    id: randomUUID(),
    openid: `test-${randomUUID()}`,
    name,
    phone: null,
    role,
    householdId: null,
    communityId: community,
    createdAt: t.clock.now(),
  });
}

/** Another assistant serving the named buildings. */
export async function addAssistant(
  t: TestApp,
  name: string,
  buildingNames: string[],
): Promise<User> {
  const user = await addUser(t, Role.Assistant, name);
  const buildings = await t.dataSource.getRepository(Building).find();
  for (const b of buildings.filter((b) => buildingNames.includes(b.name))) {
    await t.dataSource.getRepository(AssistantBuilding).save({ userId: user.id, buildingId: b.id });
  }
  return user;
}

export function ticketRequest(overrides: Partial<CreateTicketRequest> = {}): CreateTicketRequest {
  return {
    categoryCode: 'bulb',
    description: '客厅灯泡坏了',
    photoIds: [],
    idempotencyKey: `key-${randomUUID()}`,
    ...overrides,
  };
}

export async function submitTicket(
  t: TestApp,
  token: string,
  overrides: Partial<CreateTicketRequest> = {},
): Promise<TicketDetailDto> {
  const res = await t
    .http()
    .post(ApiRoutes.tickets)
    .set(bearer(token))
    .send(ticketRequest(overrides));
  if (res.status !== 201)
    throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TicketDetailDto;
}

/** A real, decodable 1×1 PNG: one orange pixel, 8-bit RGB. */
export function tinyPng(): Buffer {
  const png = new PNG({ width: 1, height: 1 });
  png.data.set([0xff, 0x80, 0x00, 0xff]);
  return PNG.sync.write(png, { colorType: 2 });
}
