/**
 * The route table of the household-area authorisation walk (household-authz.spec.ts) and how an answer is
 * judged. The table is checked against the controllers' own route metadata, so a new endpoint of the area
 * without a row fails the walk.
 */
import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { CONTROLLER_WATERMARK, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import {
  HouseholdDocument,
  isErrorCode,
  MemberRole,
  MoveInPaper,
  MoveOutScope,
} from '@linli/contracts';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Response } from 'supertest';
import { F, Foreign, FOREIGN_SHEET, MOVE_DATE, Walker } from './foreign-household';
import { csv } from './second-company';
import { bearer } from './login';
import { TestApp } from './test-app';

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

export type Kind = 'foreign' | 'scoped' | 'own' | 'directory';

export interface Row {
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

/** The table; a function of the app only for the bind-phone row, whose code the app's WeChat mints. */
export function householdRoutes(t: TestApp): Row[] {
  return [
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
    {
      route: 'GET /api/buildings/:id/rooms',
      kind: 'foreign',
      params: (f) => ({ id: f.buildingId }),
    },
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
    {
      route: 'POST /api/release-slips/verify',
      kind: 'foreign',
      body: (f) => ({ code: f.slipCode }),
    },

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
}

/** The controllers of the area: every *.controller.ts of these module folders, so a new controller is walked too. */
const AREA = ['households', 'move-outs', 'move-ins', 'structure'].map((m) =>
  path.join(__dirname, '../../src/modules', m),
);

export function declaredRoutes(): string[] {
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

export function send(t: TestApp, row: Row, f: Foreign, token: string): Promise<Response> {
  const method = row.route.split(' ')[0];
  const url = urlOf(row, f);
  if (method === 'GET') return t.http().get(url).set(bearer(token));
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

/** What is wrong with one answer, or nothing. */
export function judge(row: Row, w: Walker, res: Response, f: Foreign): string[] {
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
