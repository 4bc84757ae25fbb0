import {
  ApiRoutes,
  ErrorCode,
  MyHouseholdDto,
  Role,
  StaffProfileDto,
  UploadDto,
} from '@linli/contracts';
import { User } from '../src/modules/org/entities/user.entity';
import { tinyPng } from './support/builders';
import { makeAssistant, makeCommunity, makeHousehold, makeUser } from './support/factories';
import { bearer, loginOpenid } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/**
 * Each test's own community (issue #17): its assistant 李管家 serving 甲栋, a resident household in
 * 甲栋1单元101室 and the community's supervisor, all signed in at 2026-11-23 10:00 China time.
 */
async function community() {
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }); // 10:00 China time
  const place = await makeCommunity(t);
  const building = place.building('甲栋');
  const li = await makeAssistant(t, place, [building], '李管家', { phone: '13800000002' });
  const home = await makeHousehold(t, place.room('甲栋1单元101室'));
  const boss = await makeUser(t, Role.Supervisor, '张主任', place.community.id);
  const tokenOf = async (user: User) => (await loginOpenid(t, user.openid!)).token;
  const resident = await tokenOf(home.users['业主甲']);
  return {
    building,
    li,
    assistant: await tokenOf(li),
    supervisor: await tokenOf(boss),
    resident,
    /** Signs the resident in again (after the clock moved on). */
    residentAgain: () => tokenOf(home.users['业主甲']),
    /** The assistant's card as this resident sees it (the first assistant of their building). */
    card: async (token = resident) =>
      (
        (await t.http().get(ApiRoutes.myHousehold).set(bearer(token)).expect(200))
          .body as MyHouseholdDto
      ).assistants[0],
  };
}

const put = (token: string, body: object) =>
  t.http().put(ApiRoutes.myStaffProfile).set(bearer(token)).send(body);
const upload = async (token: string) =>
  (
    (
      await t
        .http()
        .post(ApiRoutes.uploads)
        .set(bearer(token))
        .attach('file', tinyPng(), { filename: 'me.png', contentType: 'image/png' })
        .expect(201)
    ).body as UploadDto
  ).id;

describe("the assistant's card", () => {
  it('starts from the account: name and phone, nothing else', async () => {
    const { assistant, card } = await community();
    expect(
      (await t.http().get(ApiRoutes.myStaffProfile).set(bearer(assistant)).expect(200)).body,
    ).toEqual({ photoId: null, photoUrl: null, specialities: [], servicePhone: null, intro: null });
    expect(await card()).toEqual({
      id: expect.any(String),
      name: '李管家',
      phone: '13800000002',
      photoUrl: null,
      specialities: [],
      intro: null,
      onDutyNow: false,
      shifts: [],
    });
  });

  it('the assistant fills in their card; the residents of their building see it', async () => {
    const { assistant, card } = await community();
    const photo = await upload(assistant);
    const saved = (
      await put(assistant, {
        photoId: photo,
        specialities: ['水电维修', '老人关怀', '水电维修'],
        servicePhone: '0755-86001234',
        intro: '在阳光花园服务六年，有事随时找我',
      }).expect(200)
    ).body as StaffProfileDto;
    expect(saved).toEqual({
      photoId: photo,
      photoUrl: expect.stringMatching(/^\/api\/uploads\//),
      specialities: ['水电维修', '老人关怀'],
      servicePhone: '0755-86001234',
      intro: '在阳光花园服务六年，有事随时找我',
    });
    expect(await card()).toMatchObject({
      name: '李管家',
      phone: '0755-86001234',
      photoUrl: expect.stringMatching(/^\/api\/uploads\//),
      specialities: ['水电维修', '老人关怀'],
      intro: '在阳光花园服务六年，有事随时找我',
    });
  });

  it('changes only what is named; null takes the photo and service phone off', async () => {
    const { assistant, card } = await community();
    await put(assistant, {
      photoId: await upload(assistant),
      specialities: ['水电维修', '老人关怀'],
      servicePhone: '0755-86001234',
      intro: '在阳光花园服务六年，有事随时找我',
    }).expect(200);
    await put(assistant, { intro: '有事随时找我' }).expect(200);
    expect(await card()).toMatchObject({
      phone: '0755-86001234',
      specialities: ['水电维修', '老人关怀'],
      intro: '有事随时找我',
    });
    await put(assistant, { photoId: null, servicePhone: null }).expect(200);
    expect(await card()).toMatchObject({
      phone: '13800000002',
      photoUrl: null,
      intro: '有事随时找我',
    });
  });

  it('shows whether the assistant is on duty now, and their shifts in the coming week', async () => {
    const { building: b1, li, supervisor, residentAgain, card } = await community();
    const shift = (from: string, to: string) =>
      t
        .http()
        .post(ApiRoutes.dutyShifts)
        .set(bearer(supervisor))
        .send({ buildingId: b1.id, assistantId: li.id, startsAt: from, endsAt: to })
        .expect(201);
    await shift('2026-11-23T00:00:00Z', '2026-11-23T10:00:00Z'); // 08:00–18:00 today
    await shift('2026-11-25T00:00:00Z', '2026-11-25T10:00:00Z');
    const now = await card();
    expect(now.onDutyNow).toBe(true);
    expect(now.shifts).toEqual([
      { startsAt: '2026-11-23T00:00:00.000Z', endsAt: '2026-11-23T10:00:00.000Z' },
      { startsAt: '2026-11-25T00:00:00.000Z', endsAt: '2026-11-25T10:00:00.000Z' },
    ]);
    t.clock.set({ now: new Date('2026-11-23T12:00:00Z'), freeze: true }); // 20:00: off duty
    const evening = await card(await residentAgain());
    expect(evening.onDutyNow).toBe(false);
    expect(evening.shifts).toHaveLength(1);
  });

  it('refuses bad input field by field, and a photo that is not the caller’s own', async () => {
    const { assistant, resident, card } = await community();
    await put(assistant, { specialities: ['水电维修', '老人关怀'], intro: '有事随时找我' }).expect(
      200,
    );
    const bad = await put(assistant, {
      specialities: ['水电', '一二三四五六七八九十一'],
      servicePhone: '12345',
      intro: 'x'.repeat(201),
    }).expect(400);
    expect(bad.body.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'intro',
      'servicePhone',
      'specialities',
    ]);
    expect(bad.body.fields.find((f: { field: string }) => f.field === 'servicePhone').message).toBe(
      '服务电话应为手机号、座机（如 0755-86001234）或 400 电话',
    );
    const tooMany = await put(assistant, {
      specialities: ['一', '二', '三', '四', '五', '六', '七'],
    }).expect(400);
    expect(tooMany.body.fields[0].message).toBe('擅长领域最多 6 项');
    const residents = await upload(resident);
    expect((await put(assistant, { photoId: residents }).expect(404)).body.code).toBe(
      ErrorCode.UPLOAD_NOT_FOUND,
    );
    // Nothing of the refused requests was kept.
    expect(await card()).toMatchObject({
      photoUrl: null,
      specialities: ['水电维修', '老人关怀'],
      intro: '有事随时找我',
    });
  });

  it('is for staff: residents have no card to edit', async () => {
    const { resident } = await community();
    await put(resident, { intro: '我是住户' }).expect(403);
    await t.http().get(ApiRoutes.myStaffProfile).set(bearer(resident)).expect(403);
  });
});
