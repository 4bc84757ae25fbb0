import { ApiRoutes, CreateTicketRequest, Role, TicketDetailDto } from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
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

/** A real, decodable 1×1 PNG (signature, IHDR, IDAT, IEND with correct CRCs). */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1×1, 8-bit RGB
  const idat = deflateSync(Buffer.from([0, 0xff, 0x80, 0x00])); // filter byte + one orange pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
