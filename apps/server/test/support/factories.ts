/**
 * Factories (issue #17): each test builds the data it needs, in its own company, next to the demo seed.
 * Places and people go in through the real repositories (no use case creates a company or a staff
 * account); tickets are made by the product's own use cases (TicketSubmission, TicketActions), so their
 * events, time limits and dispatch are what a resident's report would have produced.
 */
import { HoldReason, MemberRole, Role, TicketAction, TicketStatus } from '@linli/contracts';
import { roomLabel } from '@linli/domain';
import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../src/common/auth/auth-user';
import { ClockService } from '../../src/modules/clock/clock.service';
import { HouseholdMember } from '../../src/modules/households/entities/household-member.entity';
import { AssistantBuilding } from '../../src/modules/org/entities/assistant-building.entity';
import { Building } from '../../src/modules/org/entities/building.entity';
import { Community } from '../../src/modules/org/entities/community.entity';
import { Company } from '../../src/modules/org/entities/company.entity';
import { Household } from '../../src/modules/org/entities/household.entity';
import { Room } from '../../src/modules/org/entities/room.entity';
import { User } from '../../src/modules/org/entities/user.entity';
import { Ticket } from '../../src/modules/tickets/entities/ticket.entity';
import { TicketActions } from '../../src/modules/tickets/ticket-actions.service';
import { TicketSubmission } from '../../src/modules/tickets/ticket-submission.service';

/** What the factories need: a booted app (with or without HTTP), its database and its clock. */
export interface FactoryHost {
  app: Pick<INestApplicationContext, 'get'>;
  dataSource: DataSource;
  clock: ClockService;
}

let serial = 0;
const next = () => ++serial;

/** The identity a use case receives for `user`, as the auth guard would hand it over. */
export const authOf = (user: User): AuthUser => ({
  id: user.id,
  name: user.name,
  role: user.role,
  householdId: user.householdId,
  communityId: user.communityId,
});

export interface MadeCommunity {
  company: Company;
  community: Community;
  buildings: Building[];
  rooms: Room[];
  /** The room with this label, e.g. '甲栋1单元101室'. */
  room(label: string): Room;
  building(name: string): Building;
}

/**
 * A company with one community; `buildings` maps a building name to its rooms as [unit, number] pairs
 * (default: 甲栋 and 乙栋, each with 1单元101 and 1单元102).
 */
export async function makeCommunity(
  h: FactoryHost,
  opts: { name?: string; buildings?: Record<string, [string, string][]> } = {},
): Promise<MadeCommunity> {
  const n = next();
  const now = h.clock.now();
  const plan = opts.buildings ?? {
    甲栋: [
      ['1单元', '101'],
      ['1单元', '102'],
    ],
    乙栋: [
      ['1单元', '101'],
      ['1单元', '102'],
    ],
  };
  const company = await h.dataSource
    .getRepository(Company)
    .save({ id: randomUUID(), name: `测试物业${n}`, createdAt: now });
  const community = await h.dataSource.getRepository(Community).save({
    id: randomUUID(),
    companyId: company.id,
    name: opts.name ?? `测试小区${n}`,
    createdAt: now,
  });
  const buildings: Building[] = [];
  const rooms: Room[] = [];
  for (const [i, [name, roomList]] of Object.entries(plan).entries()) {
    const building = await h.dataSource
      .getRepository(Building)
      .save({ id: randomUUID(), communityId: community.id, name, sortOrder: i });
    buildings.push(building);
    for (const [unit, number] of roomList) {
      rooms.push(
        await h.dataSource.getRepository(Room).save({
          id: randomUUID(),
          buildingId: building.id,
          unit,
          number,
          label: roomLabel(name, unit, number),
        }),
      );
    }
  }
  return {
    company,
    community,
    buildings,
    rooms,
    room: (label) => rooms.find((r) => r.label === label) ?? fail(`no room ${label}`),
    building: (name) => buildings.find((b) => b.name === name) ?? fail(`no building ${name}`),
  };
}

/** A staff account (or a resident not yet bound to a room) of the community. */
export async function makeUser(
  h: FactoryHost,
  role: Role,
  name: string,
  communityId: string | null,
  extra: Partial<User> = {},
): Promise<User> {
  return h.dataSource.getRepository(User).save({
    id: randomUUID(),
    openid: `factory-${randomUUID()}`,
    name,
    phone: null,
    role,
    householdId: null,
    communityId,
    createdAt: h.clock.now(),
    ...extra,
  });
}

/** A concierge assistant serving these buildings. */
export async function makeAssistant(
  h: FactoryHost,
  place: MadeCommunity,
  buildings: Building[],
  name = '测试管家',
  extra: Partial<User> = {},
): Promise<User> {
  const user = await makeUser(h, Role.Assistant, name, place.community.id, extra);
  for (const b of buildings)
    await h.dataSource.getRepository(AssistantBuilding).save({ userId: user.id, buildingId: b.id });
  return user;
}

export interface MemberSpec {
  name: string;
  role: MemberRole;
  relationship?: string;
  phone?: string | null;
  idNumber?: string | null;
  /** The member signs in with the mini-program: a resident account bound to the household. */
  account?: boolean;
}

export interface MadeHousehold {
  household: Household;
  members: HouseholdMember[];
  /** The signed-in accounts of the members that have one, by member name. */
  users: Record<string, User>;
}

/** A household file for `room` with its members (default: one owner, 业主甲, with an account). */
export async function makeHousehold(
  h: FactoryHost,
  room: Room,
  members: MemberSpec[] = [{ name: '业主甲', role: MemberRole.Owner, account: true }],
): Promise<MadeHousehold> {
  const now = h.clock.now();
  const building = await h.dataSource
    .getRepository(Building)
    .findOneByOrFail({ id: room.buildingId });
  const household = await h.dataSource
    .getRepository(Household)
    .save({ id: randomUUID(), roomId: room.id, createdAt: now });
  const made: HouseholdMember[] = [];
  const users: Record<string, User> = {};
  for (const m of members) {
    const user = m.account
      ? await makeUser(h, Role.Resident, m.name, building.communityId, {
          householdId: household.id,
          phone: m.phone ?? null,
        })
      : null;
    if (user) users[m.name] = user;
    made.push(
      await h.dataSource.getRepository(HouseholdMember).save({
        id: randomUUID(),
        householdId: household.id,
        name: m.name,
        role: m.role,
        relationship: m.relationship ?? (m.role === MemberRole.Owner ? '本人' : null),
        phone: m.phone ?? null,
        idNumber: m.idNumber ?? null,
        moveInDate: null,
        userId: user?.id ?? null,
        createdAt: now,
        removedAt: null,
        removedById: null,
      }),
    );
  }
  return { household, members: made, users };
}

/**
 * The actions that lead from 待受理 (dispatched to the building's assistant) to each state; 已提交 is where a
 * ticket stays when nobody serves its building, 无效 only for a complaint.
 */
const PATHS: Record<TicketStatus, TicketAction[]> = {
  [TicketStatus.Submitted]: [],
  [TicketStatus.Assigned]: [],
  [TicketStatus.Accepted]: [TicketAction.Accept],
  [TicketStatus.OnSite]: [TicketAction.Accept, TicketAction.Arrive],
  [TicketStatus.OnHold]: [TicketAction.Accept, TicketAction.Hold],
  [TicketStatus.Forwarded]: [TicketAction.Accept, TicketAction.Forward],
  [TicketStatus.Resolved]: [TicketAction.Accept, TicketAction.Arrive, TicketAction.Resolve],
  [TicketStatus.Closed]: [
    TicketAction.Accept,
    TicketAction.Arrive,
    TicketAction.Resolve,
    TicketAction.Confirm,
  ],
  [TicketStatus.Cancelled]: [TicketAction.Cancel],
  [TicketStatus.Invalid]: [TicketAction.MarkInvalid],
};
const NEEDS_NOTE = [TicketAction.Hold, TicketAction.Forward, TicketAction.MarkInvalid];
const BY_RESIDENT = [TicketAction.Confirm, TicketAction.Cancel];

/**
 * A ticket reported by `reporter` (a resident with a household in a building some assistant serves),
 * submitted and then taken to `state` through the product's own use cases, each action by whoever may
 * take it (the assignee, or the reporter for confirm and cancel). Returns the ticket row as it now is.
 */
export async function makeTicket(
  h: FactoryHost,
  reporter: User,
  state: TicketStatus = TicketStatus.Assigned,
  opts: { categoryCode?: string; description?: string } = {},
): Promise<Ticket> {
  const path = PATHS[state];
  const { ticket } = await h.app.get(TicketSubmission).submit(authOf(reporter), {
    categoryCode: opts.categoryCode ?? 'bulb',
    description: opts.description ?? '客厅灯泡坏了',
    photoIds: [],
    idempotencyKey: `factory-${randomUUID()}`,
  });
  const tickets = h.dataSource.getRepository(Ticket);
  const submitted = await tickets.findOneByOrFail({ id: ticket.id });
  if ((state === TicketStatus.Submitted) !== (submitted.status === TicketStatus.Submitted))
    throw new Error(
      `makeTicket(${state}): the ticket was ${submitted.status} on submit (is an assistant serving the building?)`,
    );
  for (const action of path) {
    const row = await tickets.findOneByOrFail({ id: ticket.id });
    const actor = BY_RESIDENT.includes(action)
      ? reporter
      : await h.dataSource.getRepository(User).findOneByOrFail({ id: row.assigneeId ?? '' });
    await h.app.get(TicketActions).perform(authOf(actor), ticket.id, {
      action,
      version: row.version,
      note: NEEDS_NOTE.includes(action) ? '测试原因' : undefined,
      holdReason: action === TicketAction.Hold ? HoldReason.WaitingParts : undefined,
    });
  }
  return tickets.findOneByOrFail({ id: ticket.id });
}

function fail(message: string): never {
  throw new Error(message);
}
