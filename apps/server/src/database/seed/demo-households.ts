import { MemberRole, Role } from '@linli/contracts';
import { residentIdCheckChar } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { HouseholdMember } from '../../modules/households/entities/household-member.entity';
import { Household } from '../../modules/org/entities/household.entity';
import { Room } from '../../modules/org/entities/room.entity';
import { User } from '../../modules/org/entities/user.entity';
import { insertRows } from '../unit-of-work';

/** [name, role, relationship, birth date, sex, move-in date]; the first member is the one who uses the mini-program. */
type MemberRow = [string, MemberRole, string, string, 'M' | 'F', string];

const O = MemberRole.Owner;
const F = MemberRole.Family;
const T = MemberRole.Tenant;
const R = MemberRole.Relative;

/**
 * The demo community's other households, room by room (1栋1单元101室 is 王女士's, seeded with the personas).
 * A realistic mix: families with children, elderly couples and two elderly people living alone, tenants,
 * young couples, two households that moved in this autumn, and three rooms still empty.
 */
const HOUSEHOLDS: Record<string, MemberRow[]> = {
  '1栋1单元102室': [
    ['陈建国', O, '本人', '1948-03-12', 'M', '2012-05-01'],
    ['刘秀兰', F, '配偶', '1951-07-30', 'F', '2012-05-01'],
  ],
  '1栋1单元201室': [
    ['周晓明', O, '本人', '1986-11-02', 'M', '2019-09-15'],
    ['吴婷', F, '配偶', '1988-04-21', 'F', '2019-09-15'],
    ['周子涵', F, '子女', '2016-06-08', 'F', '2019-09-15'],
  ],
  '1栋1单元202室': [['孙桂芝', O, '本人', '1942-01-25', 'F', '2008-10-01']],
  '1栋1单元301室': [['郑浩', T, '租户', '1995-08-17', 'M', '2026-09-20']],
  '1栋1单元302室': [
    ['林海峰', O, '本人', '1979-12-03', 'M', '2015-03-01'],
    ['黄丽娟', F, '配偶', '1981-02-14', 'F', '2015-03-01'],
    ['林一诺', F, '子女', '2010-09-30', 'M', '2015-03-01'],
    ['林母', R, '母亲', '1953-05-05', 'F', '2021-04-10'],
  ],
  '1栋2单元101室': [
    ['何志强', O, '本人', '1972-06-18', 'M', '2010-07-01'],
    ['杨梅', F, '配偶', '1974-10-09', 'F', '2010-07-01'],
  ],
  '1栋2单元102室': [
    ['马俊', O, '本人', '1990-03-27', 'M', '2026-10-28'],
    ['高雅', F, '配偶', '1991-12-11', 'F', '2026-10-28'],
  ],
  '1栋2单元201室': [['罗国华', O, '本人', '1955-09-09', 'M', '2011-01-15']],
  '1栋2单元202室': [
    ['谢文', O, '本人', '1983-05-06', 'M', '2018-06-01'],
    ['韩雪', F, '配偶', '1985-08-19', 'F', '2018-06-01'],
    ['谢小宝', F, '子女', '2021-02-02', 'M', '2021-02-02'],
  ],
  '1栋2单元301室': [
    ['唐娜', T, '租户', '1993-01-31', 'F', '2025-11-01'],
    ['许晨', T, '租户', '1994-07-07', 'M', '2025-11-01'],
  ],
  '2栋1单元101室': [
    ['冯德明', O, '本人', '1946-04-04', 'M', '2009-08-08'],
    ['蒋玉兰', F, '配偶', '1949-11-20', 'F', '2009-08-08'],
  ],
  '2栋1单元102室': [
    ['曹磊', O, '本人', '1987-10-10', 'M', '2020-12-20'],
    ['邓佳', F, '配偶', '1989-03-03', 'F', '2020-12-20'],
    ['曹乐乐', F, '子女', '2018-05-20', 'M', '2020-12-20'],
  ],
  '2栋1单元201室': [
    ['彭丽', O, '本人', '1976-07-15', 'F', '2014-04-01'],
    ['彭思远', F, '子女', '2005-09-01', 'M', '2014-04-01'],
  ],
  '2栋1单元202室': [['曾凡', T, '租户', '1997-02-18', 'M', '2026-03-01']],
  '2栋1单元301室': [['萧红梅', O, '本人', '1940-12-24', 'F', '2007-06-01']],
  '2栋1单元302室': [
    ['田野', O, '本人', '1984-08-08', 'M', '2017-10-01'],
    ['董静', F, '配偶', '1986-06-16', 'F', '2017-10-01'],
    ['田甜', F, '子女', '2013-03-15', 'F', '2017-10-01'],
    ['田小满', F, '子女', '2019-11-11', 'M', '2019-11-11'],
  ],
  '2栋2单元101室': [
    ['潘志刚', O, '本人', '1968-02-29', 'M', '2012-12-12'],
    ['袁芳', F, '配偶', '1970-05-25', 'F', '2012-12-12'],
  ],
  '2栋2单元201室': [
    ['蔡明', O, '本人', '1992-09-19', 'M', '2024-05-01'],
    ['江雨', F, '配偶', '1993-12-01', 'F', '2024-05-01'],
  ],
  '2栋2单元202室': [
    ['余大海', O, '本人', '1959-10-01', 'M', '2013-09-01'],
    ['叶春花', F, '配偶', '1961-03-08', 'F', '2013-09-01'],
    ['余小溪', R, '外孙女', '2017-07-01', 'F', '2023-09-01'],
  ],
  '2栋2单元301室': [
    ['范思哲', O, '本人', '1981-01-01', 'M', '2016-08-01'],
    ['石慧', F, '配偶', '1982-04-12', 'F', '2016-08-01'],
    ['范可', F, '子女', '2012-12-25', 'F', '2016-08-01'],
  ],
};

export interface SeededHousehold {
  householdId: string;
  roomId: string;
  roomLabel: string;
  /** The member who uses the mini-program (reports and rates). */
  userId: string;
}

/** A well-formed ID number (Shanghai Xuhui region code, the birth date, a sequence whose parity is the sex). */
function idNumber(birth: string, sex: 'M' | 'F', n: number): string {
  const seq = String(100 + ((n * 2 + (sex === 'M' ? 1 : 0)) % 899)).padStart(3, '0');
  const first17 = `310104${birth.replace(/-/g, '')}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Fills the demo community's rooms that have no household yet with the households above, each with a
 * resident account for its first member (no WeChat: they exist so the demo's history has reporters).
 */
export async function seedDemoHouseholds(
  db: EntityManager,
  communityId: string,
  rooms: readonly Pick<Room, 'id' | 'label'>[],
  now: Date,
): Promise<SeededHousehold[]> {
  const taken = new Set(
    (
      await db.find(Household, {
        where: { roomId: In(rooms.map((r) => r.id)) },
        select: { roomId: true },
      })
    ).map((h) => h.roomId),
  );
  const seeded: SeededHousehold[] = [];
  let n = 0;
  for (const room of rooms) {
    const rows = HOUSEHOLDS[room.label];
    if (!rows || taken.has(room.id)) continue;
    const householdId = randomUUID();
    await insertRows(db, Household, { id: householdId, roomId: room.id, createdAt: now });
    const [first] = rows;
    const phone = (i: number) => `139${String(10_000_000 + n * 10 + i).slice(-8)}`;
    const user = {
      id: randomUUID(),
      name: first[0],
      role: Role.Resident,
      openid: null,
      phone: phone(0),
      householdId,
      communityId,
      createdAt: now,
    };
    await insertRows(db, User, user);
    await insertRows(
      db,
      HouseholdMember,
      rows.map(([name, role, relationship, birth, sex, moveIn], i) => ({
        id: randomUUID(),
        householdId,
        name,
        role,
        relationship,
        phone: birth > '2008-01-01' ? null : phone(i),
        idNumber: idNumber(birth, sex, n * 10 + i),
        moveInDate: moveIn,
        userId: i === 0 ? user.id : null,
        createdAt: now,
        removedAt: null,
      })),
    );
    seeded.push({ householdId, roomId: room.id, roomLabel: room.label, userId: user.id });
    n += 1;
  }
  return seeded;
}
