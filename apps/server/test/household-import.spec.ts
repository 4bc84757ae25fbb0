import {
  ApiError,
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  HOUSEHOLD_SHEET_MAX_BYTES,
  HouseholdImportReportDto,
  MemberRole,
  Role,
} from '@linli/contracts';
import { HOUSEHOLD_SHEET_EXAMPLE } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { Building } from '../src/modules/org/entities/building.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { Company } from '../src/modules/org/entities/company.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { HouseholdRead } from '../src/modules/households/entities/household-read.entity';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { User } from '../src/modules/org/entities/user.entity';
import {
  Cells,
  csv,
  encodeGbk,
  HEADER,
  r,
  readCsv,
  readXlsx,
  sheetCounts,
  xlsx,
} from './support/household-sheet';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let supervisor: string;
let admin: string;
let resident: string;
let assistant: string;
let communityId: string;

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  admin = (await loginPersona(t, DemoPersona.Admin)).token;
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  communityId = (await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' }))
    .id;
}, 60_000);
afterEach(() => t?.close());

/** GET a download, collecting the body as bytes whatever its content type. */
const download = (url: string, token: string) =>
  t
    .http()
    .get(url)
    .set(bearer(token))
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

const upload = (data: Buffer, filename: string, token = supervisor, community = communityId) =>
  t
    .http()
    .post(ApiRoutes.householdSheetImport(community))
    .set(bearer(token))
    .attach('file', data, filename);

const counts = () => sheetCounts(t);

/** A second company's community with its own supervisor (and an admin of that company). */
async function otherCommunity() {
  const now = t.clock.now();
  const company = await t.dataSource
    .getRepository(Company)
    .save({ id: randomUUID(), name: '明月物业', createdAt: now });
  const community = await t.dataSource
    .getRepository(Community)
    .save({ id: randomUUID(), companyId: company.id, name: '明月小区', createdAt: now });
  const user = (role: Role, name: string) =>
    t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid: `test-${randomUUID()}`,
      name,
      phone: null,
      role,
      householdId: null,
      communityId: community.id,
      createdAt: now,
    });
  const otherSupervisor = (await loginOpenid(t, (await user(Role.Supervisor, '孙主任')).openid!))
    .token;
  const otherAdmin = (await loginOpenid(t, (await user(Role.Admin, '明月管理员')).openid!)).token;
  return { communityId: community.id, supervisor: otherSupervisor, admin: otherAdmin };
}

const SMALL: Cells[] = [
  HEADER,
  r(
    '3栋',
    '1单元',
    '101',
    '陈业主',
    '业主',
    '本人',
    '13700000001',
    '2024-01-01',
    '11010519491231002X',
  ),
  r('3栋', '1单元', '101', '陈小宝', '家庭成员', '儿子', '', '2024-01-01'),
  r('3栋', '1单元', '102', '刘租户', '租户', '', '13700000002', '2025-03-15'),
  r('3栋', '2单元', '201'),
  r('1栋', '1单元', '101', '王女士', '业主', '本人', '13800000001', '2020-06-01'), // already on file: matched, not duplicated
  r('1栋', '1单元', '102', '周亲属', '亲属', '外甥', '13700000003'),
];

/** The supervisor has imported the small sheet (3栋 created, 1栋's residents matched). */
async function imported(): Promise<void> {
  await upload(csv(SMALL), '住户.csv').expect(200);
}

describe('the import template', () => {
  it('downloads as xlsx with the Chinese header and an example row that parses back', async () => {
    const res = await download(
      ApiRoutes.householdSheetTemplate(communityId, 'xlsx'),
      supervisor,
    ).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('住户资料导入模板.xlsx')}`,
    );
    expect(await readXlsx(res.body as Buffer)).toEqual([HEADER, [...HOUSEHOLD_SHEET_EXAMPLE]]);
  });

  it('downloads as UTF-8 csv with a BOM, so Excel shows the Chinese', async () => {
    const res = await download(ApiRoutes.householdSheetTemplate(communityId, 'csv'), admin).expect(
      200,
    );
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await readCsv(body)).toEqual([HEADER, [...HOUSEHOLD_SHEET_EXAMPLE]]);
  });

  it('refuses an unknown format in Chinese', async () => {
    const res = await t
      .http()
      .get(`/api/communities/${communityId}/household-sheet/template?format=pdf`)
      .set(bearer(supervisor))
      .expect(400);
    expect(res.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      fields: [{ field: 'format', message: '格式只能是 xlsx 或 csv' }],
    });
  });
});

describe('importing a sheet', () => {
  it('creates the rooms, households and members of a small csv, creating the missing building, matching who is already on file', async () => {
    const before = await counts();
    const res = await upload(csv(SMALL), '住户.csv').expect(200);
    expect(res.body as HouseholdImportReportDto).toEqual({
      rooms: { created: 3, existing: 2 },
      households: { created: 2 + 1 },
      members: { created: 4, existing: 1 },
      rejected: [],
    });
    expect(await counts()).toEqual({
      buildings: before.buildings + 1,
      rooms: before.rooms + 3,
      households: before.households + 3,
      members: before.members + 4,
    });

    const building = await t.dataSource
      .getRepository(Building)
      .findOneByOrFail({ communityId, name: '3栋' });
    expect(building.sortOrder).toBe(3);
    const room = await t.dataSource
      .getRepository(Room)
      .findOneByOrFail({ buildingId: building.id, unit: '1单元', number: '101' });
    expect(room.label).toBe('3栋1单元101室');
    const household = await t.dataSource
      .getRepository(Household)
      .findOneByOrFail({ roomId: room.id });
    const members = await t.dataSource
      .getRepository(HouseholdMember)
      .find({ where: { householdId: household.id }, order: { name: 'ASC' } });
    expect(
      members.map((m) => [
        m.name,
        m.role,
        m.relationship,
        m.phone,
        m.moveInDate,
        m.idNumber,
        m.userId,
      ]),
    ).toEqual([
      ['陈业主', MemberRole.Owner, '本人', '13700000001', '2024-01-01', '11010519491231002X', null],
      ['陈小宝', MemberRole.Family, '儿子', null, '2024-01-01', null, null],
    ]);
    // The room listed alone exists, without a household.
    const alone = await t.dataSource
      .getRepository(Room)
      .findOneByOrFail({ buildingId: building.id, unit: '2单元', number: '201' });
    expect(await t.dataSource.getRepository(Household).countBy({ roomId: alone.id })).toBe(0);
  });

  it('is idempotent: the same file again adds nothing', async () => {
    await imported();
    const before = await counts();
    const res = await upload(csv(SMALL), '住户.csv').expect(200);
    expect(res.body as HouseholdImportReportDto).toEqual({
      rooms: { created: 0, existing: 5 },
      households: { created: 0 },
      members: { created: 0, existing: 5 },
      rejected: [],
    });
    expect(await counts()).toEqual(before);
  });

  it('reads the same rows from xlsx, and GBK csv as Excel saves it on Chinese Windows', async () => {
    await imported();
    const before = await counts();
    const again = await upload(await xlsx(SMALL), '住户.xlsx').expect(200);
    expect(again.body).toMatchObject({
      rooms: { created: 0, existing: 5 },
      members: { created: 0, existing: 5 },
    });
    const gbk = encodeGbk(SMALL.map((row) => row.join(',')).join('\r\n'));
    expect(gbk.toString('utf8')).not.toContain('陈业主'); // really not UTF-8
    const fromGbk = await upload(gbk, '住户.csv').expect(200);
    expect(fromGbk.body).toMatchObject({
      rooms: { created: 0, existing: 5 },
      members: { created: 0, existing: 5 },
    });
    expect(await counts()).toEqual(before);
  });

  it('rejects a file with bad rows as a whole: every bad row with its sheet row number and a Chinese reason, nothing written', async () => {
    const before = await counts();
    const res = await upload(
      await xlsx([
        HEADER,
        r('4栋', '1单元', '101', '好人', '业主', '本人', '13600000001', '2024-01-01'), // fine on its own, but must not go in
        r('4栋', '1单元', '102', '坏手机', '业主', '', '1360000'),
        r('4栋', '', '103', '无单元', '业主', '', '13600000003'),
        r('4栋', '1单元', '104', '错日期', '租户', '', '13600000004', '2024-13-01'),
        r('4栋', '1单元', '105', '错身份', '房东', '', '13600000005'),
        r('4栋', '1单元', '106', '错证件', '业主', '', '13600000006', '', '110105194912310021'),
        r('4栋', '1单元', '101', '好人二', '家庭成员', '', '13600000001'), // same phone as row 2 in the same room
        r('1栋', '1单元', '101', '王女士', '业主', '本人', '13811112222'), // on file with another phone
        r('1栋', '1单元', '101', '冒名', '业主', '', '13900000002'), // phone on file as 王先生
      ]),
      '住户.xlsx',
    ).expect(422);
    const error = res.body as ApiError;
    expect(error.code).toBe(ErrorCode.HOUSEHOLD_IMPORT_REJECTED);
    expect(error.message).toBe(
      '表格中有 8 行数据不符合要求，本次未导入任何数据，请按提示修改后重新导入',
    );
    expect(error.rejected).toEqual([
      { row: 3, reason: '手机号“1360000”格式不正确，应为 11 位手机号' },
      { row: 4, reason: '单元不能为空' },
      { row: 5, reason: '入住日期“2024-13-01”无效，应为 YYYY-MM-DD' },
      { row: 6, reason: '身份“房东”无效，应为业主、家庭成员、租户或亲属' },
      { row: 7, reason: '证件号不正确（请检查出生日期和校验位）' },
      { row: 8, reason: '与第 2 行重复（同一房屋的手机号 13600000001）' },
      {
        row: 9,
        reason:
          '该房屋已登记住户“王女士”，表中的手机号（已登记为 138****0001）与已登记信息不一致；导入不会修改已登记的住户，请在住户档案中修改或更正表格',
      },
      { row: 10, reason: '该房屋已登记手机号 13900000002 的住户“王先生”，与表中姓名“冒名”不一致' },
    ]);
    expect(await counts()).toEqual(before);
    expect(await t.dataSource.getRepository(Building).countBy({ name: '4栋' })).toBe(0);
  });

  it('says which header columns are missing, and refuses files that are not sheets', async () => {
    const noHeader = await upload(
      csv([
        ['楼栋', '房号', '姓名'],
        ['1栋', '101', '某人'],
      ]),
      'x.csv',
    ).expect(400);
    expect(noHeader.body).toEqual({
      code: ErrorCode.HOUSEHOLD_SHEET_UNREADABLE,
      message: '表头缺少以下列：单元、身份、关系、手机号、入住日期。请使用导入模板',
    });
    const xls = await upload(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      'old.xls',
    ).expect(400);
    expect(xls.body.message).toBe('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后重新导入');
    const broken = await upload(
      Buffer.from('PK\u0003\u0004 not really a zip'),
      'broken.xlsx',
    ).expect(400);
    expect(broken.body.code).toBe(ErrorCode.HOUSEHOLD_SHEET_UNREADABLE);
    const headerOnly = await upload(csv([HEADER]), 'empty.csv').expect(400);
    expect(headerOnly.body.message).toBe('表格中没有数据行，请在表头下方填写后再导入');
    const none = await t
      .http()
      .post(ApiRoutes.householdSheetImport(communityId))
      .set(bearer(supervisor))
      .expect(400);
    expect(none.body.code).toBe(ErrorCode.UPLOAD_MISSING);
  });

  it('refuses a sheet over the size limit, and two files at once, in Chinese', async () => {
    const huge = await upload(Buffer.alloc(HOUSEHOLD_SHEET_MAX_BYTES + 1, 0x20), 'huge.csv').expect(
      413,
    );
    expect(huge.body).toEqual({
      code: ErrorCode.UPLOAD_TOO_LARGE,
      message: '文件太大，不能超过 20MB，请拆分后分批导入',
    });
    const two = await t
      .http()
      .post(ApiRoutes.householdSheetImport(communityId))
      .set(bearer(supervisor))
      .attach('file', csv([HEADER]), 'a.csv')
      .attach('file', csv([HEADER]), 'b.csv')
      .expect(400);
    expect(two.body).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      message: '提交的信息有误，请检查后重试',
      fields: [{ field: 'file', message: '每次只能导入一个文件，请放在 file 字段' }],
    });
  });
});

describe('exporting', () => {
  it('writes every room and member in the import columns, full ID numbers for the supervisor, and audits the reads', async () => {
    await imported();
    const readsBefore = await t.dataSource.getRepository(HouseholdRead).count();
    const res = await download(
      ApiRoutes.householdSheetExport(communityId, 'xlsx'),
      supervisor,
    ).expect(200);
    const rows = await readXlsx(res.body as Buffer);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toContainEqual(
      r(
        '1栋',
        '1单元',
        '101',
        '王女士',
        '业主',
        '本人',
        '13800000001',
        '2020-06-01',
        '110105198503152428',
      ),
    );
    expect(rows).toContainEqual(
      r(
        '1栋',
        '1单元',
        '101',
        '王先生',
        '家庭成员',
        '配偶',
        '13900000002',
        '2020-06-01',
        '110105198307201819',
      ),
    );
    expect(rows).toContainEqual(r('3栋', '2单元', '201'));
    const roomsInCommunity = await t.dataSource
      .getRepository(Room)
      .createQueryBuilder('r')
      .innerJoin('r.building', 'b')
      .where('b.communityId = :communityId', { communityId })
      .getCount();
    const roomsListed = new Set(rows.slice(1).map((c) => c.slice(0, 3).join('|')));
    expect(roomsListed.size).toBe(roomsInCommunity);
    // 1栋1单元101, 1栋1单元102, 3栋1单元101, 3栋1单元102 have members.
    expect((await t.dataSource.getRepository(HouseholdRead).count()) - readsBefore).toBe(4);
  });

  it('round-trips: an exported xlsx or csv imports back without adding anything', async () => {
    await imported();
    const before = await counts();
    const fromXlsx = (
      await download(ApiRoutes.householdSheetExport(communityId, 'xlsx'), admin).expect(200)
    ).body as Buffer;
    const xlsxBack = await upload(fromXlsx, 'export.xlsx').expect(200);
    expect(xlsxBack.body).toMatchObject({
      rooms: { created: 0 },
      households: { created: 0 },
      members: { created: 0 },
    });
    expect((xlsxBack.body as HouseholdImportReportDto).rooms.existing).toBe(before.rooms);
    const fromCsv = (
      await download(ApiRoutes.householdSheetExport(communityId, 'csv'), supervisor).expect(200)
    ).body as Buffer;
    expect((await readCsv(fromCsv))[0]).toEqual(HEADER);
    const csvBack = await upload(fromCsv, 'export.csv', admin).expect(200);
    expect(csvBack.body).toMatchObject({
      rooms: { created: 0, existing: before.rooms },
      households: { created: 0 },
      members: { created: 0 },
    });
    expect(await counts()).toEqual(before);
  });
});

describe('who may use the household sheet', () => {
  it("refuses residents and assistants (403) and other communities' staff (404), revealing nothing", async () => {
    const before = await counts();
    const other = await otherCommunity();
    const file = csv([HEADER, r('9栋', '1单元', '101', '外人', '业主', '', '13500000001')]);
    const attempts: [string, number][] = [
      [resident, 403],
      [assistant, 403],
      [other.supervisor, 404],
      [other.admin, 404],
    ];
    for (const [token, status] of attempts) {
      for (const res of [
        await download(ApiRoutes.householdSheetTemplate(communityId), token),
        await download(ApiRoutes.householdSheetExport(communityId, 'csv'), token),
        await upload(file, 'x.csv', token),
      ]) {
        expect(res.status).toBe(status);
        expect(res.headers['content-type']).toContain('application/json');
        const body = (
          Buffer.isBuffer(res.body) ? JSON.parse(res.body.toString('utf8')) : res.body
        ) as ApiError;
        expect(Object.keys(body).sort()).toEqual(['code', 'message']);
        expect(JSON.stringify(body)).not.toMatch(/王女士|13800000001|阳光花园/);
      }
    }
    // The other community's own staff may use it for their community (and the platform admin for any).
    await download(ApiRoutes.householdSheetTemplate(other.communityId), other.supervisor).expect(
      200,
    );
    await download(ApiRoutes.householdSheetTemplate(other.communityId), admin).expect(200);
    // Nor may this community's supervisor touch the other community.
    await upload(file, 'x.csv', supervisor, other.communityId).expect(404);
    expect(await counts()).toEqual(before);
  });
});
