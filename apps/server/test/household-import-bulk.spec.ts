import { ApiError, ApiRoutes, DemoPersona, MemberRole } from '@linli/contracts';
import { Community } from '../src/modules/org/entities/community.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { Cells, HEADER, r, sheetCounts, xlsx } from './support/household-sheet';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';
import { useMysql } from './support/test-database';

// The household sheet at scale (split out of household-import.spec.ts, issue #17).

let t: TestApp;
let supervisor: string;
let communityId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  communityId = (await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' }))
    .id;
}, 60_000);
afterAll(() => t?.close());

const upload = (data: Buffer, filename: string) =>
  t
    .http()
    .post(ApiRoutes.householdSheetImport(communityId))
    .set(bearer(supervisor))
    .attach('file', data, filename);

const counts = () => sheetCounts(t);

describe('5,000 rooms', () => {
  const rooms: Cells[] = [];
  for (let b = 1; b <= 10; b++) {
    for (let u = 1; u <= 5; u++) {
      for (let n = 1; n <= 100; n++) {
        const number = `${Math.ceil(n / 4)}${String(((n - 1) % 4) + 1).padStart(2, '0')}`;
        const i = rooms.length;
        rooms.push(
          r(
            `大${b}号楼`,
            `${u}单元`,
            number,
            `业主${i}`,
            '业主',
            '本人',
            `15${String(i).padStart(9, '0')}`,
            '2023-05-01',
          ),
        );
      }
    }
  }

  it('rejects a 5,000-room xlsx with a few bad rows, writing nothing', async () => {
    const before = await counts();
    const withBad = [
      HEADER, // row 1
      ...rooms.slice(0, 1000), // rows 2-1001
      r('大1号楼', '1单元', '9901', '坏手机', '业主', '', '123'), // row 1002
      ...rooms.slice(1000, 4000), // rows 1003-4002
      r('大1号楼', '', '9902'), // row 4003
      ...rooms.slice(4000), // rows 4004-5003
      r('大1号楼', '1单元', '101', '又一个', '家庭成员', '', '15000000000'), // row 5004: rooms[0]'s phone again
    ];
    const file = await xlsx(withBad);
    const started = Date.now();
    const res = await upload(file, 'big.xlsx').expect(422);
    console.log(
      `[${useMysql ? 'mysql' : 'sqlite'}] 5,000-room xlsx with 3 bad rows rejected in ${Date.now() - started} ms`,
    );
    expect((res.body as ApiError).rejected).toEqual([
      { row: 1002, reason: '手机号“123”格式不正确，应为 11 位手机号' },
      { row: 4003, reason: '单元不能为空' },
      { row: 5004, reason: '与第 2 行重复（同一房屋的手机号 15000000000）' },
    ]);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('imports the 5,000 rooms and their owners in one go once the bad rows are gone, and again adds nothing', async () => {
    const before = await counts();
    const file = await xlsx([HEADER, ...rooms]);
    let started = Date.now();
    const res = await upload(file, 'big.xlsx').expect(200);
    console.log(
      `[${useMysql ? 'mysql' : 'sqlite'}] 5,000-room xlsx imported in ${Date.now() - started} ms`,
    );
    expect(res.body).toEqual({
      rooms: { created: 5000, existing: 0 },
      households: { created: 5000 },
      members: { created: 5000, existing: 0 },
      rejected: [],
    });
    expect(await counts()).toEqual({
      buildings: before.buildings + 10,
      rooms: before.rooms + 5000,
      households: before.households + 5000,
      members: before.members + 5000,
    });
    const last = await t.dataSource
      .getRepository(Room)
      .findOneByOrFail({ label: '大10号楼5单元2504室' });
    const household = await t.dataSource
      .getRepository(Household)
      .findOneByOrFail({ roomId: last.id });
    expect(
      await t.dataSource
        .getRepository(HouseholdMember)
        .findOneByOrFail({ householdId: household.id }),
    ).toMatchObject({ name: '业主4999', phone: '15000004999', role: MemberRole.Owner });
    started = Date.now();
    const again = await upload(file, 'big.xlsx').expect(200);
    console.log(
      `[${useMysql ? 'mysql' : 'sqlite'}] the same 5,000 rooms re-imported (all matched) in ${Date.now() - started} ms`,
    );
    expect(again.body).toMatchObject({
      rooms: { created: 0, existing: 5000 },
      members: { created: 0, existing: 5000 },
    });
    expect((await counts()).rooms).toBe(before.rooms + 5000);
  }, 180_000);
});
