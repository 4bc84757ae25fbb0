import {
  ApiRoutes,
  CommunityTicketFilter,
  HouseholdDocument,
  HouseholdFileDto,
  HouseholdNoteDto,
  NotificationKind,
  NotificationPageDto,
  Page,
  TicketSummaryDto,
  TimelineEntryDto,
} from '@linli/contracts';
import { PAGE_SIZE } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { submitTicket } from './support/builders';
import { bearer } from './support/login';
import { bootPagingWorld, walkPages } from './support/paging';
import { TestApp } from './support/test-app';

// The cursor convention at the database (issue #16): (createdAt, id) < (cursorAt, cursorId), portable between
// SQLite and MariaDB (run with LINLI_TEST_DB=mysql too). Rows of the same millisecond straddle page boundaries.

let t: TestApp;
let resident: string;
let assistant: string;
let assistantId: string;
let supervisor: string;
let newcomer: string;

const SAME = new Date('2026-11-20T08:00:00.000Z');

beforeAll(async () => {
  ({ t, resident, assistant, assistantId, supervisor, newcomer } = await bootPagingWorld());
});
afterAll(() => t?.close());

const walk = <T>(route: string, token: string, query: Record<string, string | number>) =>
  walkPages<T>(t, route, token, query);

describe('the inbox pages by (createdAt, id)', () => {
  const ids: string[] = [];

  beforeAll(async () => {
    // Seven messages: five in the same millisecond, one before, one after.
    const at = (ms: number) => new Date(SAME.getTime() + ms);
    const rows = [at(-1), SAME, SAME, SAME, SAME, SAME, at(1)].map((createdAt) => ({
      id: randomUUID(),
      userId: assistantId,
      kind: NotificationKind.TicketUpdated,
      title: '测试消息',
      body: '翻页测试',
      ticketId: null,
      createdAt,
      readAt: null,
    }));
    await t.dataSource.getRepository(Notification).insert(rows);
    ids.push(...rows.map((r) => r.id));
  });

  it.each([1, 2, 3, 4, 7, 8])(
    'in pages of %i: every message once, newest first, ties by id; the last page says so',
    async (limit) => {
      const pages = await walk<{ id: string; createdAt: string }>(
        ApiRoutes.notifications,
        assistant,
        { limit },
      );
      const seen = pages.flatMap((p) => p.items.map((n) => n.id));
      const sameMs = ids.slice(1, 6).sort().reverse();
      expect(seen).toEqual([ids[6], ...sameMs, ids[0]]);
      expect(pages.every((p) => p.items.length <= limit)).toBe(true);
      expect(pages[pages.length - 1].nextCursor).toBeNull();
      // No empty trailing page: a full last page carries no cursor when nothing follows.
      expect(pages.length).toBe(Math.ceil(ids.length / limit));
      expect((pages[0] as NotificationPageDto).unread).toBe(ids.length);
    },
  );

  it('an inbox with nothing in it is one empty page', async () => {
    const page = (await t.http().get(ApiRoutes.notifications).set(bearer(newcomer)).expect(200))
      .body as NotificationPageDto;
    expect(page).toEqual({ items: [], nextCursor: null, unread: 0 });
  });

  it('gives the default page size when no limit is named', async () => {
    const page = (await t.http().get(ApiRoutes.notifications).set(bearer(assistant)).expect(200))
      .body as NotificationPageDto;
    expect(page.items).toHaveLength(Math.min(ids.length, PAGE_SIZE.default));
  });
});

describe("the resident's tickets page across tickets reported in the same millisecond", () => {
  const reported: string[] = [];

  beforeAll(async () => {
    t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
    for (let i = 0; i < 5; i++)
      reported.push((await submitTicket(t, resident, { description: `第${i + 1}个灯泡坏了` })).id);
  });

  it.each([1, 2, 3, 5])('in pages of %i', async (limit) => {
    const pages = await walk<TicketSummaryDto>(ApiRoutes.myTickets, resident, { limit });
    const seen = pages.flatMap((p) => p.items.map((x) => x.id));
    const once = (
      await t
        .http()
        .get(ApiRoutes.myTickets)
        .query({ limit: PAGE_SIZE.max })
        .set(bearer(resident))
        .expect(200)
    ).body as Page<TicketSummaryDto>;
    expect(once.nextCursor).toBeNull();
    expect(seen).toEqual(once.items.map((x) => x.id));
    // The five of the same millisecond, in id order (newest first: the greater id first), none lost or repeated.
    expect(seen.filter((id) => reported.includes(id))).toEqual([...reported].sort().reverse());
    expect(pages.every((p) => p.items.length <= limit)).toBe(true);
    expect(pages[pages.length - 1].nextCursor).toBeNull();
  });

  it("the community's history pages the same way (all, then done)", async () => {
    const all = (
      await walk<TicketSummaryDto>(ApiRoutes.communityTickets, supervisor, {
        filter: CommunityTicketFilter.All,
        limit: 2,
      })
    ).flatMap((p) => p.items.map((x) => x.id));
    const once = (
      await t
        .http()
        .get(ApiRoutes.communityTickets)
        .query({ filter: CommunityTicketFilter.All, limit: PAGE_SIZE.max })
        .set(bearer(supervisor))
        .expect(200)
    ).body as Page<TicketSummaryDto>;
    expect(once.nextCursor).toBeNull();
    expect(all).toEqual(once.items.map((x) => x.id));
    expect(all).toEqual(expect.arrayContaining(reported));
  });

  it('a resident without a household gets one empty page', async () => {
    expect(
      (await t.http().get(ApiRoutes.myTickets).set(bearer(newcomer)).expect(200)).body,
    ).toEqual({ items: [], nextCursor: null });
  });
});

describe("a household's timeline pages across its sources", () => {
  it('entries of the same instant from different tables are neither lost nor repeated', async () => {
    const home = (
      (await t.http().get(ApiRoutes.myHousehold).set(bearer(resident)).expect(200)).body as {
        id: string;
      }
    ).id;
    // At the instant of the five tickets above: a paper recorded and a review, so three sources tie.
    t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
    await t
      .http()
      .put(ApiRoutes.householdDocument(home, HouseholdDocument.MemberRegister))
      .set(bearer(assistant))
      .send({ note: '翻页测试' })
      .expect(200);
    await t
      .http()
      .post(ApiRoutes.householdReviews(home))
      .set(bearer(assistant))
      .send({ note: '翻页测试' })
      .expect(200);
    const route = ApiRoutes.householdTimeline(home);
    const once = (
      await t.http().get(route).query({ limit: PAGE_SIZE.max }).set(bearer(assistant)).expect(200)
    ).body as Page<TimelineEntryDto>;
    expect(once.nextCursor).toBeNull();
    const tied = once.items.filter((e) => e.at === '2026-11-23T02:00:00.000Z');
    expect(tied.map((e) => e.kind).sort()).toEqual([
      'document',
      'review',
      'ticket',
      'ticket',
      'ticket',
      'ticket',
      'ticket',
    ]);
    for (const limit of [1, 2, 3, 7]) {
      const pages = await walk<TimelineEntryDto>(route, assistant, { limit });
      expect(pages.flatMap((p) => p.items)).toEqual(once.items);
      expect(pages.every((p) => p.items.length <= limit)).toBe(true);
    }
    // The file carries the first page and the cursor to the next.
    const file = (await t.http().get(ApiRoutes.household(home)).set(bearer(assistant)).expect(200))
      .body as HouseholdFileDto;
    expect(file.timeline).toEqual(once.items.slice(0, PAGE_SIZE.default));
    expect(file.timelineNextCursor === null).toBe(once.items.length <= PAGE_SIZE.default);
    // Another household's timeline is not the assistant's to read through the cursor route either.
    await t.http().get(route).set(bearer(resident)).expect(403);
  });
});

describe("a household's notes page by (createdAt, id); the file carries the first page", () => {
  it('23 notes, five of one millisecond: every note once, newest first, in any page size', async () => {
    const home = (
      (await t.http().get(ApiRoutes.myHousehold).set(bearer(resident)).expect(200)).body as {
        id: string;
      }
    ).id;
    const route = ApiRoutes.householdNotes(home);
    const before = (
      await t.http().get(route).query({ limit: PAGE_SIZE.max }).set(bearer(assistant)).expect(200)
    ).body as Page<HouseholdNoteDto>;
    for (let n = 1; n <= 23; n++) {
      // Notes 6-10 are written in the same millisecond (05:08); the others at 05:01 … 05:23, a minute apart.
      const at =
        n >= 6 && n <= 10
          ? new Date('2026-11-23T05:08:00Z')
          : new Date(Date.UTC(2026, 10, 23, 5, n));
      t.clock.set({ now: at, freeze: true });
      await t
        .http()
        .post(route)
        .set(bearer(assistant))
        .send({ text: `翻页备注${n}` })
        .expect(204);
    }
    const once = (
      await t.http().get(route).query({ limit: PAGE_SIZE.max }).set(bearer(assistant)).expect(200)
    ).body as Page<HouseholdNoteDto>;
    expect(once.nextCursor).toBeNull();
    const ours = once.items.filter((n) => n.text.startsWith('翻页备注'));
    expect(ours).toHaveLength(23);
    expect(once.items).toHaveLength(before.items.length + 23);
    // Newest first: 23 … 11, then the five of one millisecond (by id), then 5 … 1.
    expect(ours.slice(0, 13).map((n) => n.text)).toEqual(
      Array.from({ length: 13 }, (_, i) => `翻页备注${23 - i}`),
    );
    expect(
      ours
        .slice(13, 18)
        .map((n) => n.text)
        .sort(),
    ).toEqual(['翻页备注10', '翻页备注6', '翻页备注7', '翻页备注8', '翻页备注9']);
    expect(ours.slice(18).map((n) => n.text)).toEqual([
      '翻页备注5',
      '翻页备注4',
      '翻页备注3',
      '翻页备注2',
      '翻页备注1',
    ]);
    for (const limit of [1, 4, 5, 23]) {
      const pages = await walk<HouseholdNoteDto>(route, assistant, { limit });
      expect(pages.flatMap((p) => p.items)).toEqual(once.items);
      expect(pages.every((p) => p.items.length <= limit)).toBe(true);
    }
    const file = (await t.http().get(ApiRoutes.household(home)).set(bearer(assistant)).expect(200))
      .body as HouseholdFileDto;
    expect(file.notes).toEqual(once.items.slice(0, PAGE_SIZE.default));
    expect(file.notesNextCursor).not.toBeNull();
    const rest = (
      await t
        .http()
        .get(route)
        .query({ cursor: file.notesNextCursor! })
        .set(bearer(assistant))
        .expect(200)
    ).body as Page<HouseholdNoteDto>;
    expect([...file.notes, ...rest.items]).toEqual(once.items.slice(0, PAGE_SIZE.default * 2));
    // Residents never read the assistants' notes.
    await t.http().get(route).set(bearer(resident)).expect(403);
  });
});
