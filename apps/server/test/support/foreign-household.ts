/**
 * The foreign world of the household-area authorisation walk (household-authz.spec.ts, issue #4): 明月物业
 * (another company) → 明月小区 → 甲栋 (the target household, 甲栋1单元101室) and 乙栋 (a neighbour's household
 * in the same community), with its own staff; and the walkers, every role from outside that household.
 */
import {
  ApiRoutes,
  DemoPersona,
  HouseholdDocument,
  HouseholdFileDto,
  JoinRequestDto,
  MemberRole,
  MoveInDto,
  MoveOutDto,
  MoveOutScope,
  Role,
  RoomSummaryDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { AssistantBuilding } from '../../src/modules/org/entities/assistant-building.entity';
import { Community } from '../../src/modules/org/entities/community.entity';
import { Company } from '../../src/modules/org/entities/company.entity';
import { bearer, loginPersona } from './login';
import { account, csv } from './second-company';
import { TestApp } from './test-app';

/** 2026-11-23 10:00 China time; move-outs are dated two days later. */
export const START = new Date('2026-11-23T02:00:00Z');
export const MOVE_DATE = '2026-11-25';

// ---------------------------------------------------------------------------------------------------------
// The foreign world: 明月物业 (another company) → 明月小区 → 甲栋 (the target household, 甲栋1单元101室) and
// 乙栋 (a neighbour's household in the same community), with its own staff.
// ---------------------------------------------------------------------------------------------------------

/** What the walk knows about the foreign household: its ids (passed to every route) and its data (never to be seen). */
export interface Foreign {
  companyId: string;
  communityId: string;
  buildingId: string;
  roomId: string;
  householdId: string;
  roomLabel: string;
  ownerMemberId: string;
  familyMemberId: string;
  relativeMemberId: string;
  joinRequestId: string;
  moveOutId: string;
  slipCode: string;
  moveInId: string;
  moveInPersonId: string;
  spentInviteCode: string;
  /** 吴管家, the assistant of the target household's building. */
  assistantId: string;
  /** The target household's own staff and people (for the positive side). */
  tokens: { owner: string; assistant: string; supervisor: string; admin: string; guard: string };
}

export const F = {
  company: '明月物业',
  community: '明月小区',
  owner: { name: '欧阳业主', phone: '13611110001', idNumber: '320102197805063215' },
  family: { name: '欧阳小龙', phone: '13611110002', idNumber: '32010220050919432X' },
  relative: '欧阳表妹',
  requester: { name: '上官租客', phone: '13611110003' },
  note: '门禁卡已补办，请业主周三前来取',
  documentNote: '原件存欧阳家档案盒 M-7',
  item: '红木书柜 1 个',
  carrier: { name: '慕容师傅', phone: '13611110004' },
  neighbour: { name: '诸葛邻居', phone: '13611110009' },
  newcomer: { name: '欧阳小妹', phone: '13611110005', idNumber: '110105200008080068' },
} as const;

/** The foreign community's household sheet: the target household in 甲栋, a neighbour's in 乙栋. */
export const FOREIGN_SHEET = [
  ['楼栋', '单元', '房号', '姓名', '身份', '关系', '手机号', '入住日期', '证件号'],
  [
    '甲栋',
    '1单元',
    '101',
    F.owner.name,
    '业主',
    '本人',
    F.owner.phone,
    '2021-05-01',
    F.owner.idNumber,
  ],
  [
    '甲栋',
    '1单元',
    '101',
    F.family.name,
    '家庭成员',
    '儿子',
    F.family.phone,
    '2021-05-01',
    F.family.idNumber,
  ],
  ['甲栋', '1单元', '102', '', '', '', '', '', ''],
  ['乙栋', '1单元', '101', F.neighbour.name, '业主', '本人', F.neighbour.phone, '2022-01-01', ''],
];
/** Builds the foreign world through the API wherever there is one; the repositories only for what has none. */
export async function buildForeignWorld(
  t: TestApp,
): Promise<Foreign & { neighbour: string; neighbourAssistant: string }> {
  const { get, post } = http(t);
  const now = t.clock.now();
  // No API creates companies, communities or staff accounts: straight to the repositories.
  const company = await t.dataSource
    .getRepository(Company)
    .save({ id: randomUUID(), name: F.company, createdAt: now });
  const community = await t.dataSource
    .getRepository(Community)
    .save({ id: randomUUID(), companyId: company.id, name: F.community, createdAt: now });
  const supervisor = await account(t, Role.Supervisor, '周主任', community.id);
  const admin = await account(t, Role.Admin, '明月管理员', community.id);
  const guard = await account(t, Role.Guard, '钱师傅', community.id);

  // Buildings, rooms, households and members: the supervisor imports the community's household sheet.
  await ok(
    t
      .http()
      .post(ApiRoutes.householdSheetImport(community.id))
      .set(bearer(supervisor.token))
      .attach('file', csv(FOREIGN_SHEET), '明月小区住户.csv'),
  );
  const buildings = (await ok(get(ApiRoutes.buildings, supervisor.token))).body as {
    id: string;
    name: string;
  }[];
  const jia = buildings.find((b) => b.name === '甲栋')!;
  const yi = buildings.find((b) => b.name === '乙栋')!;

  // Which buildings an assistant serves has no API either.
  const assistant = await account(t, Role.Assistant, '吴管家', community.id);
  const neighbourAssistant = await account(t, Role.Assistant, '郑管家', community.id);
  await t.dataSource.getRepository(AssistantBuilding).save([
    { userId: assistant.user.id, buildingId: jia.id },
    { userId: neighbourAssistant.user.id, buildingId: yi.id },
  ]);

  // The owner and the neighbour bind their WeChat accounts by their phone numbers on file.
  const owner = await account(t, Role.Resident, '微信用户', null);
  await ok(
    post(ApiRoutes.bindPhone, owner.token, { code: t.wechat.local!.mintPhoneCode(F.owner.phone) }),
  );
  const neighbour = await account(t, Role.Resident, '微信用户', null);
  await ok(
    post(ApiRoutes.bindPhone, neighbour.token, {
      code: t.wechat.local!.mintPhoneCode(F.neighbour.phone),
    }),
  );

  const rooms = (await ok(get(ApiRoutes.buildingRooms(jia.id), assistant.token)))
    .body as RoomSummaryDto[];
  const room = rooms.find((r) => r.label === '甲栋1单元101室')!;
  const householdId = room.householdId!;

  // The owner invites a relative, who joins with the code (which is then spent).
  const invite = (
    await ok(
      post(ApiRoutes.householdInvites(householdId), owner.token, { role: MemberRole.Relative }),
      201,
    )
  ).body as { code: string };
  const relative = await account(t, Role.Resident, '微信用户', null);
  await ok(post(ApiRoutes.joinHousehold, relative.token, { code: invite.code, name: F.relative }));

  // The assistant writes a note; someone asks to join as a tenant (owner's and office's approval pending).
  await ok(post(ApiRoutes.householdNotes(householdId), assistant.token, { text: F.note }), 204);
  await ok(
    t
      .http()
      .put(ApiRoutes.householdDocument(householdId, HouseholdDocument.FloorPlan))
      .set(bearer(assistant.token))
      .send({ note: F.documentNote }),
    200,
  );
  const requester = await account(t, Role.Resident, '微信用户', null);
  const request = (
    await ok(
      post(ApiRoutes.joinRequests, requester.token, {
        roomId: room.roomId,
        name: F.requester.name,
        phone: F.requester.phone,
        role: MemberRole.Tenant,
      }),
      201,
    )
  ).body as JoinRequestDto;

  // The owner applies to move out; the assistant records the fees settled and approves: a release slip.
  const moveOut = (
    await ok(
      post(ApiRoutes.moveOuts, owner.token, {
        moveDate: MOVE_DATE,
        scope: MoveOutScope.Whole,
        items: [F.item],
        carrierName: F.carrier.name,
        carrierPhone: F.carrier.phone,
      }),
      201,
    )
  ).body as MoveOutDto;
  await ok(post(ApiRoutes.moveOutFeesSettled(moveOut.id), assistant.token));
  const approved = (
    await ok(post(ApiRoutes.moveOutDecision(moveOut.id), assistant.token, { approve: true }))
  ).body as MoveOutDto;

  // The owner registers a family member moving in (pending: the office has not seen the ID yet).
  const moveIn = (
    await ok(
      post(ApiRoutes.moveIns, owner.token, {
        householdId,
        people: [
          {
            name: F.newcomer.name,
            role: MemberRole.Family,
            relationship: '女儿',
            phone: F.newcomer.phone,
            idNumber: F.newcomer.idNumber,
            moveInDate: MOVE_DATE,
          },
        ],
      }),
      201,
    )
  ).body as MoveInDto;

  const file = (await ok(get(ApiRoutes.household(householdId), assistant.token)))
    .body as HouseholdFileDto;
  const memberId = (name: string) => file.members.find((m) => m.name === name)!.id;
  return {
    companyId: company.id,
    communityId: community.id,
    buildingId: jia.id,
    roomId: room.roomId,
    householdId,
    roomLabel: room.label,
    ownerMemberId: memberId(F.owner.name),
    familyMemberId: memberId(F.family.name),
    relativeMemberId: memberId(F.relative),
    joinRequestId: request.id,
    moveOutId: moveOut.id,
    slipCode: approved.slip!.code,
    moveInId: moveIn.id,
    moveInPersonId: moveIn.people[0].id,
    spentInviteCode: invite.code,
    assistantId: assistant.user.id,
    tokens: {
      owner: owner.token,
      assistant: assistant.token,
      supervisor: supervisor.token,
      admin: admin.token,
      guard: guard.token,
    },
    neighbour: neighbour.token,
    neighbourAssistant: neighbourAssistant.token,
  };
}

/** GET and POST as a signed-in caller. */
export const http = (t: TestApp) => ({
  get: (url: string, token: string) => t.http().get(url).set(bearer(token)),
  post: (url: string, token: string, body: object = {}) =>
    t.http().post(url).set(bearer(token)).send(body),
});

async function ok(res: PromiseLike<Response>, status = 200): Promise<Response> {
  const r = await res;
  if (r.status !== status)
    throw new Error(`setup: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

export interface Walker {
  name: string;
  role: Role;
  token: string;
}

/** The walkers: every role, none of them entitled to the foreign household. */
export async function walkersOutside(
  t: TestApp,
  world: { neighbour: string; neighbourAssistant: string },
): Promise<Walker[]> {
  const home = await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' });
  // The home company's own admin (bound to its community, so acting for 阳光物业 only).
  const companyAdmin = await account(t, Role.Admin, '阳光公司管理员', home.id);
  const persona = async (p: DemoPersona) => (await loginPersona(t, p)).token;
  return [
    {
      name: '住户 王女士 (another community’s owner)',
      role: Role.Resident,
      token: await persona(DemoPersona.Resident),
    },
    {
      name: '新住户 赵先生 (no room)',
      role: Role.Resident,
      token: await persona(DemoPersona.Newcomer),
    },
    {
      name: '诸葛邻居 (same community, another household)',
      role: Role.Resident,
      token: world.neighbour,
    },
    {
      name: '礼宾助理 李管家 (another community’s buildings)',
      role: Role.Assistant,
      token: await persona(DemoPersona.Assistant),
    },
    {
      name: '郑管家 (same community, serves 乙栋 only)',
      role: Role.Assistant,
      token: world.neighbourAssistant,
    },
    {
      name: '管理处主任 张主任 (another community)',
      role: Role.Supervisor,
      token: await persona(DemoPersona.Supervisor),
    },
    {
      name: '工程部经理 孙经理 (department head, another community)',
      role: Role.Supervisor,
      token: await persona(DemoPersona.DepartmentHead),
    },
    {
      name: '门岗 刘师傅 (another community’s gate)',
      role: Role.Guard,
      token: await persona(DemoPersona.Guard),
    },
    {
      name: '阳光公司管理员 (another company’s admin)',
      role: Role.Admin,
      token: companyAdmin.token,
    },
  ];
  // Not walked: the platform's admin (an admin with no community), who by design reaches every community
  // (household-sheet.service.ts, household-import.spec.ts) — there is nothing foreign to them.
}
