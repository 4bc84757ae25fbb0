/**
 * The authorisation walk of issue #4 ("least privilege everywhere"): every endpoint of the household area
 * (households, join requests, the household sheet, move-outs, move-ins, structure management) is called by every role with the ids of a
 * household that is not theirs — in another company's community — and must refuse with nothing of that
 * household in the body. The route table below is checked against the controllers' own route metadata, so
 * a new endpoint without a row fails this test.
 */
import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { CONTROLLER_WATERMARK, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import {
  ApiRoutes,
  CommunityStructureDto,
  DemoPersona,
  FileReadDto,
  HouseholdDocument,
  HouseholdFileDto,
  isErrorCode,
  JoinRequestDto,
  MemberRole,
  MoveInDto,
  MoveInPaper,
  MoveInStatus,
  MoveOutDto,
  MoveOutScope,
  MoveOutStatus,
  MyHouseholdDto,
  Role,
  RoomSummaryDto,
} from '@linli/contracts';
import { readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Response } from 'supertest';
import { HouseholdInvite } from '../src/modules/households/entities/household-invite.entity';
import { HouseholdJoinRequest } from '../src/modules/households/entities/household-join-request.entity';
import { MoveOut } from '../src/modules/move-outs/entities/move-out.entity';
import { MoveIn } from '../src/modules/move-ins/entities/move-in.entity';
import { AssistantBuilding } from '../src/modules/org/entities/assistant-building.entity';
import { Building } from '../src/modules/org/entities/building.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { Company } from '../src/modules/org/entities/company.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

/** 2026-11-23 10:00 China time; move-outs are dated two days later. */
const START = new Date('2026-11-23T02:00:00Z');
const MOVE_DATE = '2026-11-25';

let t: TestApp;

// ---------------------------------------------------------------------------------------------------------
// The foreign world: 明月物业 (another company) → 明月小区 → 甲栋 (the target household, 甲栋1单元101室) and
// 乙栋 (a neighbour's household in the same community), with its own staff.
// ---------------------------------------------------------------------------------------------------------

/** What the walk knows about the foreign household: its ids (passed to every route) and its data (never to be seen). */
interface Foreign {
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

const F = {
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
const FOREIGN_SHEET = [
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

const csv = (rows: readonly (readonly string[])[]) =>
  Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');

const get = (url: string, token: string) => t.http().get(url).set(bearer(token));
const post = (url: string, token: string, body: object = {}) =>
  t.http().post(url).set(bearer(token)).send(body);

async function ok(res: Promise<Response>, status = 200): Promise<Response> {
  const r = await res;
  if (r.status !== status)
    throw new Error(`setup: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/** A user with no API to create them (staff, or a WeChat account not yet bound), signed in through WeChat. */
async function account(
  role: Role,
  name: string,
  communityId: string | null,
  extra: Partial<User> = {},
): Promise<{ user: User; token: string }> {
  const user = await t.dataSource.getRepository(User).save({
    id: randomUUID(),
    openid: `walk-${randomUUID()}`,
    name,
    phone: null,
    role,
    householdId: null,
    communityId,
    createdAt: t.clock.now(),
    ...extra,
  });
  return { user, token: (await loginOpenid(t, user.openid!)).token };
}

/** Builds the foreign world through the API wherever there is one; the repositories only for what has none. */
async function buildForeignWorld(): Promise<
  Foreign & { neighbour: string; neighbourAssistant: string }
> {
  const now = t.clock.now();
  // No API creates companies, communities or staff accounts: straight to the repositories.
  const company = await t.dataSource
    .getRepository(Company)
    .save({ id: randomUUID(), name: F.company, createdAt: now });
  const community = await t.dataSource
    .getRepository(Community)
    .save({ id: randomUUID(), companyId: company.id, name: F.community, createdAt: now });
  const supervisor = await account(Role.Supervisor, '周主任', community.id);
  const admin = await account(Role.Admin, '明月管理员', community.id);
  const guard = await account(Role.Guard, '钱师傅', community.id);

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
  const assistant = await account(Role.Assistant, '吴管家', community.id);
  const neighbourAssistant = await account(Role.Assistant, '郑管家', community.id);
  await t.dataSource.getRepository(AssistantBuilding).save([
    { userId: assistant.user.id, buildingId: jia.id },
    { userId: neighbourAssistant.user.id, buildingId: yi.id },
  ]);

  // The owner and the neighbour bind their WeChat accounts by their phone numbers on file.
  const owner = await account(Role.Resident, '微信用户', null);
  await ok(
    post(ApiRoutes.bindPhone, owner.token, { code: t.wechat.local!.mintPhoneCode(F.owner.phone) }),
  );
  const neighbour = await account(Role.Resident, '微信用户', null);
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
  const relative = await account(Role.Resident, '微信用户', null);
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
  const requester = await account(Role.Resident, '微信用户', null);
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

// ---------------------------------------------------------------------------------------------------------
// The route table: one row per route (a route may have more than one row). Kinds:
//  foreign   — the request names the foreign household (or its request, move-out, slip, community…):
//              refused (403/404 unless `refuse` says otherwise) with a bare { code, message } body.
//  scoped    — a list filtered to the caller's reach, asked for the foreign household: an empty list or a refusal.
//  own       — carries no foreign id at all (answers about the caller's own household/buildings/requests):
//              may succeed, but nothing of the foreign household may be in the answer.
//  directory — open to residents by design (picking a community and a room to ask to join): room labels of
//              any community, never anyone's personal data.
// ---------------------------------------------------------------------------------------------------------

type Kind = 'foreign' | 'scoped' | 'own' | 'directory';

interface Row {
  /** METHOD and the path as the controller declares it (under the global /api prefix). */
  route: string;
  kind: Kind;
  params?: (f: Foreign) => Record<string, string>;
  query?: string;
  body?: (f: Foreign) => object;
  /** A multipart upload (field `file`) instead of a JSON body. */
  upload?: (f: Foreign) => Buffer;
  /** Refusal statuses, when not 403/404 (see the row). */
  refuse?: number[];
  /**
   * Walked after every other row: it gives the walker something of their own that names the foreign room
   * (their own join request), which their own lists then rightly show.
   */
  last?: boolean;
}

const id = (f: Foreign) => ({ id: f.householdId });
const jr = (f: Foreign) => ({ id: f.joinRequestId });
const mo = (f: Foreign) => ({ id: f.moveOutId });
const community = (f: Foreign) => ({ communityId: f.communityId });
const mi = (f: Foreign) => ({ id: f.moveInId });
const building = (f: Foreign) => ({ buildingId: f.buildingId });

const ROUTES: Row[] = [
  // households.controller.ts
  { route: 'GET /api/households/mine', kind: 'own' },
  { route: 'GET /api/households/mine/export', kind: 'own' },
  {
    route: 'PUT /api/households/mine/members/:memberId',
    kind: 'foreign',
    params: (f) => ({ memberId: f.familyMemberId }),
    body: () => ({ phone: '13722220009' }),
  },
  // The invitation code is the only key to a household here: the foreign one, already spent. A bound resident
  // is told they are bound (409); anyone else that the code is invalid (400); staff and the guard 403.
  {
    route: 'POST /api/households/join',
    kind: 'foreign',
    body: (f) => ({ code: f.spentInviteCode, name: '走查者' }),
    refuse: [400, 403, 409],
  },
  // The number comes from WeChat and is the caller's own (one on no file): there is no foreign id to pass.
  {
    route: 'POST /api/households/bind-phone',
    kind: 'own',
    body: () => ({ code: t.wechat.local!.mintPhoneCode('13722220000') }),
  },
  { route: 'GET /api/buildings', kind: 'own' },
  { route: 'GET /api/buildings/:id/rooms', kind: 'foreign', params: (f) => ({ id: f.buildingId }) },
  { route: 'GET /api/households/:id', kind: 'foreign', params: id },
  {
    route: 'POST /api/households/:id/members',
    kind: 'foreign',
    params: id,
    body: () => ({ name: '走查新增', role: MemberRole.Family }),
  },
  {
    route: 'POST /api/households/:id/notes',
    kind: 'foreign',
    params: id,
    body: () => ({ text: '走查备注' }),
  },
  { route: 'GET /api/households/:id/notes', kind: 'foreign', params: id },
  { route: 'GET /api/households/:id/timeline', kind: 'foreign', params: id },
  { route: 'GET /api/households/:id/reads', kind: 'foreign', params: id },
  { route: 'GET /api/household-reads', kind: 'own' },
  {
    route: 'POST /api/households/:id/invites',
    kind: 'foreign',
    params: id,
    body: () => ({ role: MemberRole.Tenant }),
  },
  // household-records.controller
  {
    route: 'PUT /api/households/:id/documents/:kind',
    kind: 'foreign',
    params: (f) => ({ id: f.householdId, kind: HouseholdDocument.MemberRegister }),
    body: () => ({ note: '走查归档' }),
  },
  {
    route: 'DELETE /api/households/:id/documents/:kind',
    kind: 'foreign',
    params: (f) => ({ id: f.householdId, kind: HouseholdDocument.FloorPlan }),
  },
  {
    route: 'POST /api/households/:id/reviews',
    kind: 'foreign',
    params: id,
    body: () => ({ note: '走查复核' }),
  },
  { route: 'GET /api/household-reviews/due', kind: 'own' },

  // join-requests.controller.ts
  { route: 'GET /api/join-requests/communities', kind: 'directory' },
  {
    route: 'GET /api/join-requests/communities/:id/buildings',
    kind: 'directory',
    params: (f) => ({ id: f.communityId }),
  },
  // Anyone signed in as a resident may ask to join any room: the answer is their own request (naming the room).
  {
    route: 'POST /api/join-requests',
    kind: 'directory',
    body: (f) => ({
      roomId: f.roomId,
      name: '走查者',
      phone: '13722220001',
      role: MemberRole.Tenant,
    }),
    last: true,
  },
  { route: 'GET /api/join-requests/mine', kind: 'own' },
  { route: 'GET /api/join-requests/pending', kind: 'own' },
  { route: 'POST /api/join-requests/:id/approve', kind: 'foreign', params: jr },
  {
    route: 'POST /api/join-requests/:id/reject',
    kind: 'foreign',
    params: jr,
    body: () => ({ reason: '走查拒绝' }),
  },
  { route: 'POST /api/join-requests/:id/cancel', kind: 'foreign', params: jr },
  {
    route: 'POST /api/households/:id/members/:memberId/remove',
    kind: 'foreign',
    params: (f) => ({ id: f.householdId, memberId: f.familyMemberId }),
    body: () => ({ reason: '走查移除' }),
  },
  { route: 'GET /api/me/households', kind: 'own' },
  {
    route: 'POST /api/me/active-household',
    kind: 'foreign',
    body: (f) => ({ householdId: f.householdId }),
  },

  // household-sheet.controller.ts
  {
    route: 'GET /api/communities/:communityId/household-sheet/template',
    kind: 'foreign',
    params: community,
    query: 'format=csv',
  },
  {
    route: 'GET /api/communities/:communityId/household-sheet/export',
    kind: 'foreign',
    params: community,
    query: 'format=csv',
  },
  {
    route: 'POST /api/communities/:communityId/household-sheet/import',
    kind: 'foreign',
    params: community,
    upload: () =>
      csv([
        FOREIGN_SHEET[0],
        ['甲栋', '1单元', '101', '走查新增', '家庭成员', '', '13722220002', '', ''],
      ]),
  },

  // move-outs.controller.ts
  {
    route: 'POST /api/move-outs',
    kind: 'own',
    body: () => ({
      moveDate: MOVE_DATE,
      scope: MoveOutScope.Partial,
      items: ['纸箱 2 个'],
      carrierName: '走查师傅',
      carrierPhone: '13722220003',
    }),
  },
  { route: 'GET /api/move-outs/mine', kind: 'own' },
  { route: 'GET /api/move-outs/office', kind: 'own' },
  { route: 'GET /api/move-outs/office', kind: 'scoped', query: 'householdId={householdId}' },
  { route: 'GET /api/move-outs/:id', kind: 'foreign', params: mo },
  {
    route: 'POST /api/move-outs/:id/owner-decision',
    kind: 'foreign',
    params: mo,
    body: () => ({ approve: false, reason: '走查' }),
  },
  { route: 'POST /api/move-outs/:id/cancel', kind: 'foreign', params: mo },
  {
    route: 'POST /api/move-outs/:id/written-authorisation',
    kind: 'foreign',
    params: mo,
    body: () => ({ note: '走查书面授权' }),
  },
  { route: 'POST /api/move-outs/:id/fees-settled', kind: 'foreign', params: mo },
  {
    route: 'POST /api/move-outs/:id/decision',
    kind: 'foreign',
    params: mo,
    body: () => ({ approve: false, reason: '走查' }),
  },
  {
    route: 'POST /api/move-outs/:id/deregister',
    kind: 'foreign',
    params: mo,
    body: (f) => ({ memberIds: [f.familyMemberId] }),
  },
  { route: 'POST /api/release-slips/verify', kind: 'foreign', body: (f) => ({ code: f.slipCode }) },

  // move-ins.controller.ts
  {
    route: 'POST /api/move-ins',
    kind: 'foreign',
    body: (f) => ({
      householdId: f.householdId,
      people: [
        {
          name: '走查入住',
          role: MemberRole.Tenant,
          phone: '13722220004',
          idNumber: '110105199507070053',
          moveInDate: MOVE_DATE,
        },
      ],
    }),
  },
  { route: 'GET /api/move-ins/mine', kind: 'own' },
  { route: 'GET /api/move-ins/office', kind: 'own' },
  { route: 'GET /api/move-ins/office', kind: 'scoped', query: 'householdId={householdId}' },
  { route: 'GET /api/move-ins/:id', kind: 'foreign', params: mi },
  {
    route: 'POST /api/move-ins/:id/owner-consent',
    kind: 'foreign',
    params: mi,
    body: () => ({ approve: false, reason: '走查' }),
  },
  {
    route: 'POST /api/move-ins/:id/written-consent',
    kind: 'foreign',
    params: mi,
    body: () => ({ note: '走查书面同意' }),
  },
  {
    route: 'POST /api/move-ins/:id/papers',
    kind: 'foreign',
    params: mi,
    body: (f) => ({ people: [{ personId: f.moveInPersonId, papers: [MoveInPaper.IdDocument] }] }),
  },
  {
    route: 'POST /api/move-ins/:id/decision',
    kind: 'foreign',
    params: mi,
    body: () => ({ approve: false, reason: '走查' }),
  },
  { route: 'POST /api/move-ins/:id/cancel', kind: 'foreign', params: mi },
  // structure.controller.ts: the foreign community, its building 甲栋 and the target household's room
  { route: 'GET /api/structure/communities', kind: 'own' },
  { route: 'GET /api/structure/communities/:communityId', kind: 'foreign', params: community },
  {
    route: 'POST /api/structure/communities/:communityId/buildings',
    kind: 'foreign',
    params: community,
    body: () => ({ name: '走查楼' }),
  },
  {
    route: 'PUT /api/structure/buildings/:buildingId',
    kind: 'foreign',
    params: building,
    body: () => ({ name: '走查楼', sortOrder: 9 }),
  },
  { route: 'DELETE /api/structure/buildings/:buildingId', kind: 'foreign', params: building },
  {
    route: 'POST /api/structure/buildings/:buildingId/rooms',
    kind: 'foreign',
    params: building,
    body: () => ({ unit: '9', number: '901' }),
  },
  {
    route: 'POST /api/structure/buildings/:buildingId/room-range',
    kind: 'foreign',
    params: building,
    body: () => ({ unitFrom: 9, unitTo: 9, floorFrom: 1, floorTo: 2, perFloor: 1 }),
  },
  {
    route: 'PUT /api/structure/rooms/:roomId',
    kind: 'foreign',
    params: (f) => ({ roomId: f.roomId }),
    body: () => ({ unit: '9', number: '999' }),
  },
  {
    route: 'DELETE /api/structure/rooms/:roomId',
    kind: 'foreign',
    params: (f) => ({ roomId: f.roomId }),
  },
  {
    route: 'PUT /api/structure/buildings/:buildingId/assistants/:userId',
    kind: 'foreign',
    params: (f) => ({ buildingId: f.buildingId, userId: f.assistantId }),
  },
  {
    route: 'DELETE /api/structure/buildings/:buildingId/assistants/:userId',
    kind: 'foreign',
    params: (f) => ({ buildingId: f.buildingId, userId: f.assistantId }),
  },
];

/** The controllers of the area: every *.controller.ts of these module folders, so a new controller is walked too. */
const AREA = ['households', 'move-outs', 'move-ins', 'structure'].map((m) =>
  path.join(__dirname, '../src/modules', m),
);

function declaredRoutes(): string[] {
  const routes: string[] = [];
  for (const dir of AREA) {
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.controller.ts'))) {
      const exported = require(path.join(dir, file)) as Record<string, unknown>;
      for (const value of Object.values(exported)) {
        if (typeof value !== 'function' || !Reflect.getMetadata(CONTROLLER_WATERMARK, value))
          continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, value) ?? '/');
        const proto = value.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (
            name === 'constructor' ||
            typeof handler !== 'function' ||
            !Reflect.hasMetadata(PATH_METADATA, handler)
          )
            continue;
          const method =
            RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const paths = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat();
          for (const p of paths)
            routes.push(
              `${method} ${('/api/' + [base, p].join('/')).replace(/\/+/g, '/').replace(/\/$/, '')}`,
            );
        }
      }
    }
  }
  return routes.sort();
}

function urlOf(row: Row, f: Foreign): string {
  const params = row.params?.(f) ?? {};
  const p = row.route.split(' ')[1].replace(/:(\w+)/g, (_, k: string) => {
    if (!(k in params)) throw new Error(`${row.route}: no value for :${k}`);
    return encodeURIComponent(params[k]);
  });
  const query = row.query?.replace(/\{(\w+)\}/g, (_, k: string) =>
    encodeURIComponent(String(f[k as keyof Foreign])),
  );
  return query ? `${p}?${query}` : p;
}

function send(row: Row, f: Foreign, token: string): Promise<Response> {
  const method = row.route.split(' ')[0];
  const url = urlOf(row, f);
  if (method === 'GET') return get(url, token);
  // Each row is sent with its own method (a PUT sent as POST would be refused as an unknown route, proving nothing).
  const req = t.http()[method.toLowerCase() as 'post' | 'put' | 'delete'](url).set(bearer(token));
  if (row.upload) return req.attach('file', row.upload(f), 'walk.csv');
  return req.send(row.body?.(f) ?? {});
}

/** Everything that must never reach a walker: the foreign household's people, its notes, its move-out, its ids. */
function secrets(f: Foreign) {
  const personal = [
    F.owner.name,
    F.owner.phone,
    F.owner.idNumber,
    F.family.name,
    F.family.phone,
    F.family.idNumber,
    F.relative,
    F.requester.name,
    F.requester.phone,
    F.note,
    F.documentNote,
    F.item,
    F.carrier.name,
    F.carrier.phone,
    f.slipCode,
    F.newcomer.name,
    F.newcomer.phone,
    F.newcomer.idNumber,
    f.ownerMemberId,
    f.familyMemberId,
    f.relativeMemberId,
    f.joinRequestId,
    f.moveOutId,
    f.moveInId,
    f.moveInPersonId,
  ];
  // Where it is: a directory of rooms may name the room, nothing else may.
  const place = [f.roomLabel, f.householdId, f.buildingId];
  return { personal, all: [...personal, ...place] };
}

/** The whole answer as text, whatever its type (JSON, a CSV download, an error). */
function textOf(res: Response): string {
  return `${res.text ?? ''}\n${JSON.stringify(res.body ?? null)}`;
}

interface Walker {
  name: string;
  role: Role;
  token: string;
}

/** What is wrong with one answer, or nothing. */
function judge(row: Row, w: Walker, res: Response, f: Foreign): string[] {
  const problems: string[] = [];
  const where = `${w.name} → ${row.route}${row.query ? '?' + row.query : ''}`;
  const text = textOf(res);
  const s = secrets(f);
  const leaked = (row.kind === 'directory' ? s.personal : s.all).filter((x) => text.includes(x));
  if (leaked.length) problems.push(`${where}: ${res.status} leaks ${leaked.join(', ')}`);

  const refused = res.status >= 400;
  if (refused) {
    const allowed = row.kind === 'foreign' ? (row.refuse ?? [403, 404]) : [403, 404];
    if (!allowed.includes(res.status))
      problems.push(
        `${where}: refused with ${res.status}, expected one of ${allowed.join('/')}: ${text}`,
      );
    const body = res.body as Record<string, unknown>;
    const bare = body && Object.keys(body).sort().join(',') === 'code,message';
    if (
      !bare ||
      !isErrorCode(body.code) ||
      typeof body.message !== 'string' ||
      !/[\u4e00-\u9fff]/.test(body.message)
    )
      problems.push(`${where}: refusal is not a bare { code, message } in Chinese: ${text}`);
    return problems;
  }
  if (row.kind === 'foreign')
    problems.push(`${where}: answered ${res.status} instead of refusing: ${text.slice(0, 300)}`);
  if (row.kind === 'scoped' && JSON.stringify(res.body) !== '[]')
    problems.push(`${where}: answered ${res.status} with ${text.slice(0, 300)} instead of nothing`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------

let f: Foreign;
let walkers: Walker[];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: START, freeze: true });
  const world = await buildForeignWorld();
  f = world;

  const home = await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' });
  // The home company's own admin (bound to its community, so acting for 阳光物业 only).
  const companyAdmin = await account(Role.Admin, '阳光公司管理员', home.id);
  const persona = async (p: DemoPersona) => (await loginPersona(t, p)).token;
  walkers = [
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
}, 120_000);
afterAll(() => t?.close());

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
    const problems: string[] = [];
    let calls = 0;
    for (const row of [...ROUTES.filter((r) => !r.last), ...ROUTES.filter((r) => r.last)]) {
      for (const w of walkers) {
        const res = await send(row, f, w.token);
        calls++;
        problems.push(...judge(row, w, res, f));
      }
    }
    expect(calls).toBe(ROUTES.length * walkers.length);
    expect(problems).toEqual([]);
  }, 180_000);

  it('left the foreign household as it was: nobody else added, removed, noted, decided or invited anything', async () => {
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
  });

  it('the slip the walk showed the other gate is good at its own gate (the guard’s refusal was about the community)', async () => {
    t.clock.set({ now: new Date(`${MOVE_DATE}T02:00:00Z`), freeze: true });
    const res = await post(ApiRoutes.releaseSlipVerify, f.tokens.guard, {
      code: f.slipCode,
    }).expect(200);
    expect(res.body).toMatchObject({ slip: { code: f.slipCode, roomLabel: f.roomLabel } });
  });
});
