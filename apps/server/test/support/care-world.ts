import {
  AudienceSegment,
  CareOccasion,
  DemoPersona,
  HouseholdDocument,
  MemberRole,
  NotificationKind,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { CareFanout } from '../../src/modules/care/care-fanout.service';
import { HouseholdDocumentRecord } from '../../src/modules/households/entities/household-document.entity';
import { HouseholdMember } from '../../src/modules/households/entities/household-member.entity';
import { SubscriptionCredit } from '../../src/modules/outbox/entities/subscription-credit.entity';
import { User } from '../../src/modules/org/entities/user.entity';
import { addResident, submitTicket } from './builders';
import { loginOpenid, loginPersona } from './login';
import { createTestApp, TestApp } from './test-app';

export const NOW = new Date('2026-09-20T02:00:00Z');

/** A valid resident ID number born on `birth`. */
export function idFor(birth: string): string {
  const body = `110105${birth.replace(/-/g, '')}321`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function member(
  t: TestApp,
  householdId: string,
  name: string,
  role: MemberRole,
  birth: string | null,
  userId: string | null = null,
): Promise<void> {
  await t.dataSource.getRepository(HouseholdMember).insert({
    id: randomUUID(),
    householdId,
    name,
    role,
    relationship: null,
    phone: null,
    idNumber: birth ? idFor(birth) : null,
    moveInDate: '2015-05-01',
    userId,
    createdAt: NOW,
    removedAt: null,
  });
}

/**
 * The world the care specs share, in 阳光花园 on 2026-09-20: 王女士's household (with her mother-in-law, 76),
 * 陈爷爷 living alone (82), 刘阿姨 with an angry complaint still open, 周伯伯 renovating, and 小吴, a young
 * tenant; 王女士 allowed one care greeting on WeChat.
 */
export interface CareWorld {
  t: TestApp;
  resident: string;
  assistant: string;
  supervisor: string;
  communityId: string;
  residentHousehold: string;
  complainer: User;
  renovator: User;
  elderAlone: User;
}

export async function bootCareWorld(): Promise<CareWorld> {
  const t = await createTestApp();
  t.clock.set({ now: NOW, freeze: true });
  const residentSession = await loginPersona(t, DemoPersona.Resident);
  let resident = residentSession.token;
  const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  const supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const me = await t.dataSource.getRepository(User).findOneByOrFail({ openid: 'demo-resident' });
  const residentHousehold = me.householdId!;
  const communityId = me.communityId!;
  // 王女士's mother-in-law (76) lives with them: the household counts as one with an elderly person.
  await member(t, residentHousehold, '王奶奶', MemberRole.Family, '1950-03-12');
  const elderAlone = await addResident(t, {
    building: '1栋',
    unit: '1单元',
    number: '102',
    name: '陈爷爷',
  });
  await member(t, elderAlone.householdId!, '陈爷爷', MemberRole.Owner, '1944-10-02', elderAlone.id);
  const complainer = await addResident(t, {
    building: '1栋',
    unit: '1单元',
    number: '201',
    name: '刘阿姨',
  });
  await member(t, complainer.householdId!, '刘阿姨', MemberRole.Owner, '1958-01-20', complainer.id);
  const renovator = await addResident(t, {
    building: '1栋',
    unit: '1单元',
    number: '202',
    name: '周伯伯',
  });
  await member(t, renovator.householdId!, '周伯伯', MemberRole.Owner, '1960-06-30', renovator.id);
  const young = await addResident(t, {
    building: '2栋',
    unit: '1单元',
    number: '101',
    name: '小吴',
  });
  await member(t, young.householdId!, '小吴', MemberRole.Tenant, '1995-02-02', young.id);
  // An angry complaint three days ago, still open; renovation works started ten days ago.
  t.clock.set({ now: new Date(NOW.getTime() - 3 * 86_400_000), freeze: true });
  await submitTicket(t, (await loginOpenid(t, complainer.openid!)).token, {
    categoryCode: 'complaint_general',
    description: '楼道垃圾一周没人清理，太不像话了',
  });
  t.clock.set({ now: NOW, freeze: true });
  await t.dataSource.getRepository(HouseholdDocumentRecord).insert({
    id: randomUUID(),
    householdId: renovator.householdId!,
    kind: HouseholdDocument.RenovationStartApplication,
    note: null,
    recordedById: null,
    recordedAt: new Date(NOW.getTime() - 10 * 86_400_000),
  });
  // 王女士 allowed one care greeting on WeChat.
  await t.dataSource.getRepository(SubscriptionCredit).insert({
    userId: me.id,
    templateId: t.config.outbox.templates[NotificationKind.CareGreeting]!.id,
    credits: 1,
    updatedAt: NOW,
  });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  return {
    t,
    resident,
    assistant,
    supervisor,
    communityId,
    residentHousehold,
    complainer,
    renovator,
    elderAlone,
  };
}

/** Helpers over the world; `world` is read lazily, after beforeAll has filled it. */
export function careHelpers(world: () => CareWorld) {
  const MID_AUTUMN = (overrides: Record<string, unknown> = {}) => ({
    communityId: world().communityId,
    occasion: CareOccasion.MidAutumn,
    audience: { buildingIds: [], segments: [AudienceSegment.Elderly] },
    greeting: '花好月圆，阳光花园祝您中秋快乐、阖家幸福！',
    channels: { card: true, wechat: true, visit: true },
    gift: { name: '月饼礼盒', stock: 2 },
    ...overrides,
  });
  const fanout = () => world().t.app.get(CareFanout).sweep();
  return { MID_AUTUMN, fanout };
}
