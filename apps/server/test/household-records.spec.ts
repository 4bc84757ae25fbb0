import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  HouseholdDocument,
  MemberRole,
  HouseholdDocumentDto,
  HouseholdFileDto,
  HouseholdReviewStateDto,
  MyHouseholdDto,
  ReviewsDueDto,
  TimelineKind,
  UploadDto,
} from '@linli/contracts';
import { addAssistant, addResident, submitTicket, tinyPng } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let otherAssistant: string;
let home: string;

let otherOpenid: string;

/** Sets the clock and logs everyone in again (sessions last 7 days; the tests jump months). */
async function at(iso: string): Promise<void> {
  t.clock.set({ now: new Date(iso), freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  otherAssistant = (await loginOpenid(t, otherOpenid)).token;
}

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  otherOpenid = (await addAssistant(t, '钱管家', ['2栋'])).openid!;
  await at('2026-11-23T02:00:00Z'); // 10:00 China time
  home = (
    (await t.http().get(ApiRoutes.myHousehold).set(bearer(resident)).expect(200))
      .body as MyHouseholdDto
  ).id;
});
afterEach(() => t?.close());

const file = async (token = assistant) =>
  (await t.http().get(ApiRoutes.household(home)).set(bearer(token)).expect(200))
    .body as HouseholdFileDto;
const record = (token: string, kind: string, body: object = {}, householdId = home) =>
  t.http().put(ApiRoutes.householdDocument(householdId, kind)).set(bearer(token)).send(body);
const upload = async (token: string) =>
  (
    (
      await t
        .http()
        .post(ApiRoutes.uploads)
        .set(bearer(token))
        .attach('file', tinyPng(), { filename: 'scan.png', contentType: 'image/png' })
        .expect(201)
    ).body as UploadDto
  ).id;
const due = async (token: string) =>
  (await t.http().get(ApiRoutes.reviewsDue).set(bearer(token)).expect(200)).body as ReviewsDueDto;
const line = (docs: HouseholdDocumentDto[], kind: HouseholdDocument) =>
  docs.find((d) => d.kind === kind)!;

/** 李管家 files the member register with its scan (Monday 10:00); returns the scan's id. */
async function memberRegisterOnFile(): Promise<string> {
  const scan = await upload(assistant);
  await record(assistant, HouseholdDocument.MemberRegister, {
    note: '原件存档案柜 A-12',
    photoIds: [scan],
  }).expect(200);
  return scan;
}

/** 李管家 reviews the file at 10:30 on Monday 23 November 2026: next review 2027-02-23. */
async function reviewed(): Promise<void> {
  await at('2026-11-23T02:30:00Z');
  await t
    .http()
    .post(ApiRoutes.householdReviews(home))
    .set(bearer(assistant))
    .send({ note: '新增租户一人，电话已更新' })
    .expect(200);
}

describe('the documents checklist of a household file', () => {
  it('lists every paper of docs/domain-rules.md §3; the move-in papers are required, renovation papers not yet', async () => {
    const f = await file();
    expect(f.documents.map((d) => d.label)).toEqual([
      '入伙会签单',
      '临时管理规约',
      '前期物业服务协议',
      '入伙交费单',
      '接管验收记录',
      '住户成员情况登记表',
      '房屋装饰装修管理协议',
      '装修开工申请表',
      '装修人员登记表',
      '装修承诺书',
      '装修缴费通知单',
      '防火责任书',
      '身份证复印件',
      '房屋平面图',
    ]);
    expect(f.documents.every((d) => !d.onFile)).toBe(true);
    expect(f.documents.filter((d) => d.required)).toHaveLength(9);
    expect(f.missingDocuments).toBe(9);
  });

  it('the building assistant puts a paper on file with its scan; it shows who and when, and leaves the timeline an entry', async () => {
    const scan = await upload(assistant);
    const docs = (
      await record(assistant, HouseholdDocument.MemberRegister, {
        note: '原件存档案柜 A-12',
        photoIds: [scan],
      }).expect(200)
    ).body as HouseholdDocumentDto[];
    expect(line(docs, HouseholdDocument.MemberRegister)).toMatchObject({
      onFile: true,
      note: '原件存档案柜 A-12',
      recordedByName: '李管家',
      recordedAt: '2026-11-23T02:00:00.000Z',
      photos: [{ id: scan, url: expect.stringMatching(/^\/api\/uploads\//) }],
    });
    const f = await file(supervisor);
    expect(f.missingDocuments).toBe(8);
    expect(f.timeline[0]).toMatchObject({
      kind: TimelineKind.Document,
      title: '资料归档：住户成员情况登记表',
    });
    // Recording it again adds scans and keeps the note unless a new one is given.
    const second = await upload(assistant);
    const again = (
      await record(assistant, HouseholdDocument.MemberRegister, { photoIds: [second] }).expect(200)
    ).body as HouseholdDocumentDto[];
    expect(line(again, HouseholdDocument.MemberRegister).photos.map((p) => p.id)).toEqual(
      expect.arrayContaining([scan, second]),
    );
    expect(line(again, HouseholdDocument.MemberRegister).note).toBe('原件存档案柜 A-12');
  });

  it('once a renovation paper is on file, the rest of the renovation set is missing too; a paper recorded by mistake comes off', async () => {
    await memberRegisterOnFile();
    await record(assistant, HouseholdDocument.RenovationAgreement).expect(200);
    expect((await file()).missingDocuments).toBe(8 + 4);
    const docs = (
      await t
        .http()
        .delete(ApiRoutes.householdDocument(home, HouseholdDocument.RenovationAgreement))
        .set(bearer(assistant))
        .expect(200)
    ).body as HouseholdDocumentDto[];
    expect(line(docs, HouseholdDocument.RenovationAgreement).onFile).toBe(false);
    expect((await file()).missingDocuments).toBe(8);
    const twice = await t
      .http()
      .delete(ApiRoutes.householdDocument(home, HouseholdDocument.RenovationAgreement))
      .set(bearer(assistant))
      .expect(404);
    expect(twice.body).toEqual({
      code: ErrorCode.HOUSEHOLD_DOCUMENT_NOT_ON_FILE,
      message: '该资料尚未归档',
    });
  });

  it("refuses someone else's upload, a scan already on a paper, an unknown kind: nothing is written", async () => {
    await memberRegisterOnFile();
    const residents = await upload(resident);
    const notMine = await record(assistant, HouseholdDocument.FloorPlan, {
      photoIds: [residents],
    }).expect(404);
    expect(notMine.body.code).toBe(ErrorCode.UPLOAD_NOT_FOUND);
    const used = line((await file()).documents, HouseholdDocument.MemberRegister).photos[0].id;
    expect(
      (await record(assistant, HouseholdDocument.FloorPlan, { photoIds: [used] }).expect(404)).body
        .code,
    ).toBe(ErrorCode.UPLOAD_NOT_FOUND);
    // The failed requests left no half-recorded paper behind.
    expect(line((await file()).documents, HouseholdDocument.FloorPlan).onFile).toBe(false);
    const unknown = await record(assistant, 'passport').expect(404);
    expect(unknown.body).toEqual({
      code: ErrorCode.HOUSEHOLD_DOCUMENT_UNKNOWN,
      message: '资料类型不在档案清单中',
    });
    const bad = await record(assistant, HouseholdDocument.FloorPlan, {
      photoIds: ['x'],
      note: 'a'.repeat(201),
    }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'note',
      'photoIds',
    ]);
  });

  it("is the building's staff's only: a resident is refused, another building's assistant finds nothing", async () => {
    await memberRegisterOnFile();
    await record(resident, HouseholdDocument.FloorPlan).expect(403);
    const foreign = await record(otherAssistant, HouseholdDocument.FloorPlan).expect(404);
    expect(foreign.body).toEqual({
      code: ErrorCode.HOUSEHOLD_NOT_FOUND,
      message: '房屋档案不存在',
    });
    await t
      .http()
      .delete(ApiRoutes.householdDocument(home, HouseholdDocument.MemberRegister))
      .set(bearer(otherAssistant))
      .expect(404);
    expect(line((await file()).documents, HouseholdDocument.MemberRegister).onFile).toBe(true);
  });
});

describe('the quarterly review of household files', () => {
  it('a file never reviewed is due; the review moves it three months on and off the list', async () => {
    const before = await due(assistant);
    expect(before.items.find((i) => i.householdId === home)).toMatchObject({
      roomLabel: '1栋1单元101室',
      buildingName: '1栋',
      nextReviewOn: null,
      lastReviewedAt: null,
    });
    expect((await file()).review).toEqual({
      nextReviewOn: null,
      lastReviewedAt: null,
      lastReviewerName: null,
      lastReviewNote: null,
      due: true,
    });
    await at('2026-11-23T02:30:00Z');
    const state = (
      await t
        .http()
        .post(ApiRoutes.householdReviews(home))
        .set(bearer(assistant))
        .send({ note: '新增租户一人，电话已更新' })
        .expect(200)
    ).body as HouseholdReviewStateDto;
    expect(state).toEqual({
      nextReviewOn: '2027-02-23',
      lastReviewedAt: '2026-11-23T02:30:00.000Z',
      lastReviewerName: '李管家',
      lastReviewNote: '新增租户一人，电话已更新',
      due: false,
    });
    expect((await due(assistant)).items.map((i) => i.householdId)).not.toContain(home);
    const f = await file();
    expect(f.timeline[0]).toMatchObject({
      kind: TimelineKind.Review,
      title: '档案复核 · 李管家：新增租户一人，电话已更新（下次 2027-02-23）',
    });
  });

  it('comes due again on the date, counting the days overdue; the supervisor sees the whole community', async () => {
    await reviewed();
    await at('2027-02-22T16:00:00Z'); // 2027-02-23 00:00 China time
    expect((await due(assistant)).items.find((i) => i.householdId === home)).toMatchObject({
      nextReviewOn: '2027-02-23',
      overdueDays: 0,
    });
    await at('2027-03-01T02:00:00Z');
    const list = await due(supervisor);
    expect(list.items.find((i) => i.householdId === home)).toMatchObject({
      overdueDays: 6,
      lastReviewedAt: '2026-11-23T02:30:00.000Z',
    });
    expect(list.total).toBe(list.items.length);
    expect((await file()).review.due).toBe(true);
    // Another building's assistant does not get this file on their list, nor may they review it.
    expect((await due(otherAssistant)).items.map((i) => i.householdId)).not.toContain(home);
    await t
      .http()
      .post(ApiRoutes.householdReviews(home))
      .set(bearer(otherAssistant))
      .send({})
      .expect(404);
    await t
      .http()
      .post(ApiRoutes.householdReviews(home))
      .set(bearer(resident))
      .send({})
      .expect(403);
    await t.http().get(ApiRoutes.reviewsDue).set(bearer(resident)).expect(403);
  });

  it('lists only rooms where someone lives, most overdue first', async () => {
    await reviewed();
    await at('2027-03-01T02:00:00Z');
    const newcomer = await addResident(t, {
      building: '1栋',
      unit: '1单元',
      number: '102',
      name: '陈先生',
    });
    const list = await due(assistant);
    // A household file with no member on it (the builder adds the user, not a member) is not due.
    expect(list.items.map((i) => i.householdId)).toContain(home);
    expect(list.items.map((i) => i.householdId)).not.toContain(newcomer.householdId);
    const days = list.items.map((i) => i.overdueDays);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });
});

describe('the timeline of a household', () => {
  it('puts tickets, documents and reviews in one list, newest first', async () => {
    await memberRegisterOnFile();
    await reviewed();
    await at('2027-03-02T02:00:00Z');
    const ticket = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '客厅灯不亮',
    });
    const f = await file();
    expect(f.timeline[0]).toMatchObject({
      kind: TimelineKind.Ticket,
      refId: ticket.id,
      title: expect.stringContaining(`${ticket.code} · 灯泡更换`),
    });
    expect(f.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining([TimelineKind.Ticket, TimelineKind.Document, TimelineKind.Review]),
    );
    const times = f.timeline.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('shows a move-in registration with the people and where it stands', async () => {
    await at('2027-03-02T03:00:00Z');
    const registered = await t
      .http()
      .post(ApiRoutes.moveIns)
      .set(bearer(resident))
      .send({
        householdId: home,
        people: [
          {
            name: '王小宝',
            role: MemberRole.Family,
            relationship: '弟弟',
            phone: '13700000074',
            idNumber: '110105199507070053',
            moveInDate: '2027-03-02',
          },
        ],
      })
      .expect(201);
    const f = await file();
    expect(f.timeline[0]).toMatchObject({
      kind: TimelineKind.MoveIn,
      refId: registered.body.id,
      title: '入住登记：王小宝（家属） · 待物业审核',
    });
  });
});

describe('the review interval is configurable', () => {
  it('LINLI_HOUSEHOLD_REVIEW_MONTHS=1 makes it monthly', async () => {
    const monthly = await createTestApp({ env: { LINLI_HOUSEHOLD_REVIEW_MONTHS: '1' } });
    try {
      monthly.clock.set({ now: new Date('2026-01-31T02:00:00Z'), freeze: true });
      const token = (await loginPersona(monthly, DemoPersona.Assistant)).token;
      const id = (
        (
          await monthly
            .http()
            .get(ApiRoutes.myHousehold)
            .set(bearer((await loginPersona(monthly, DemoPersona.Resident)).token))
            .expect(200)
        ).body as MyHouseholdDto
      ).id;
      const state = (
        await monthly
          .http()
          .post(ApiRoutes.householdReviews(id))
          .set(bearer(token))
          .send({})
          .expect(200)
      ).body as HouseholdReviewStateDto;
      expect(state.nextReviewOn).toBe('2026-02-28');
    } finally {
      await monthly.close();
    }
  });
});
