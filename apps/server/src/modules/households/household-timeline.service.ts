import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  HOUSEHOLD_DOCUMENT_LABELS,
  MEMBER_ROLE_LABELS,
  MEMBERSHIP_ACTION_LABELS,
  MOVE_IN_STATUS_LABELS,
  MOVE_OUT_SCOPE_LABELS,
  MOVE_OUT_STATUS_LABELS,
  Page,
  TICKET_KIND_LABELS,
  TICKET_STATUS_LABELS,
  TimelineEntryDto,
  TimelineKind,
} from '@linli/contracts';
import { decodeCursor, PAGE_SIZE, pageInMemory } from '@linli/domain';
import { afterMergedCursor, PageRequest } from '../../common/paging/paging';
import { careTimeline, KeyedTimelineEntry } from '../events/care-timeline';
import { MoveInPerson } from '../move-ins/entities/move-in-person.entity';
import { MoveIn } from '../move-ins/entities/move-in.entity';
import { MoveOut } from '../move-outs/entities/move-out.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { HouseholdDocumentRecord } from './entities/household-document.entity';
import { HouseholdMemberEvent } from './entities/household-member-event.entity';
import { HouseholdReview } from './entities/household-review.entity';

/**
 * A household's timeline: tickets, membership changes, move-ins, move-outs, documents, reviews and care,
 * newest first, a page at a time. Each table is a source with a one-letter prefix ('a'…'g'); every source
 * reads at most one page (plus one) after the cursor, and the merge cuts the page (see afterMergedCursor).
 * Callers check who may read it.
 */
@Injectable()
export class HouseholdTimeline {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(HouseholdMemberEvent)
    private readonly memberEvents: Repository<HouseholdMemberEvent>,
    @InjectRepository(MoveOut) private readonly moveOuts: Repository<MoveOut>,
    @InjectRepository(MoveIn) private readonly moveIns: Repository<MoveIn>,
    @InjectRepository(MoveInPerson) private readonly moveInPeople: Repository<MoveInPerson>,
    @InjectRepository(HouseholdDocumentRecord)
    private readonly documents: Repository<HouseholdDocumentRecord>,
    @InjectRepository(HouseholdReview) private readonly reviews: Repository<HouseholdReview>,
  ) {}

  /** The whole timeline (for the resident's data export), a page of the most at a time. */
  async all(householdId: string): Promise<TimelineEntryDto[]> {
    const entries: TimelineEntryDto[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<TimelineEntryDto> = await this.page(householdId, {
        cursor: cursor ? decodeCursor(cursor) : null,
        limit: PAGE_SIZE.max,
      });
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }

  async page(householdId: string, request: PageRequest): Promise<Page<TimelineEntryDto>> {
    const { cursor, limit } = request;
    const take = limit + 1;
    const [tickets, events, moveOuts, moveIns, documents, reviews, care] = await Promise.all([
      this.tickets.find({
        where: afterMergedCursor<Ticket>({ householdId }, cursor, 'a', 'createdAt'),
        relations: { category: true },
        order: { createdAt: 'DESC', id: 'DESC' },
        take,
      }),
      this.memberEvents.find({
        where: afterMergedCursor<HouseholdMemberEvent>({ householdId }, cursor, 'b', 'at'),
        order: { at: 'DESC', id: 'DESC' },
        take,
      }),
      this.moveOuts.find({
        where: afterMergedCursor<MoveOut>({ householdId }, cursor, 'c', 'createdAt'),
        order: { createdAt: 'DESC', id: 'DESC' },
        take,
      }),
      this.moveIns.find({
        where: afterMergedCursor<MoveIn>({ householdId }, cursor, 'd', 'createdAt'),
        order: { createdAt: 'DESC', id: 'DESC' },
        take,
      }),
      this.documents.find({
        where: afterMergedCursor<HouseholdDocumentRecord>(
          { householdId },
          cursor,
          'f',
          'recordedAt',
        ),
        order: { recordedAt: 'DESC', id: 'DESC' },
        take,
      }),
      this.reviews.find({
        where: afterMergedCursor<HouseholdReview>({ householdId }, cursor, 'h', 'reviewedAt'),
        relations: { reviewer: true },
        order: { reviewedAt: 'DESC', id: 'DESC' },
        take,
      }),
      careTimeline(this.tickets.manager, householdId, take, cursor),
    ]);
    const movers = moveIns.length
      ? await this.moveInPeople.find({
          where: { moveInId: In(moveIns.map((m) => m.id)) },
          order: { position: 'ASC' },
        })
      : [];
    const entries: KeyedTimelineEntry[] = [
      ...tickets.map((t) => ({
        key: { at: t.createdAt, id: `a${t.id}` },
        kind: TimelineKind.Ticket,
        title: `${TICKET_KIND_LABELS[t.kind]} ${t.code} · ${t.category?.name ?? t.categoryCode}（${TICKET_STATUS_LABELS[t.status]}）`,
        refId: t.id,
      })),
      ...events.map((e) => ({
        key: { at: e.at, id: `b${e.id}` },
        kind: TimelineKind.Membership,
        title: `${MEMBERSHIP_ACTION_LABELS[e.action]}：${e.subjectName}（${MEMBER_ROLE_LABELS[e.subjectRole]}）${e.actorName ? ` · ${e.actorName}` : ''}`,
        refId: e.requestId,
      })),
      ...moveOuts.map((m) => ({
        key: { at: m.createdAt, id: `c${m.id}` },
        kind: TimelineKind.MoveOut,
        title: `搬出申请（${MOVE_OUT_SCOPE_LABELS[m.scope]}）· ${m.moveDate} · ${MOVE_OUT_STATUS_LABELS[m.status]}`,
        refId: m.id,
      })),
      ...moveIns.map((m) => ({
        key: { at: m.createdAt, id: `d${m.id}` },
        kind: TimelineKind.MoveIn,
        title: `入住登记：${movers
          .filter((p) => p.moveInId === m.id)
          .map((p) => `${p.name}（${MEMBER_ROLE_LABELS[p.role]}）`)
          .join('、')} · ${MOVE_IN_STATUS_LABELS[m.status]}`,
        refId: m.id,
      })),
      ...documents.map((d) => ({
        key: { at: d.recordedAt, id: `f${d.id}` },
        kind: TimelineKind.Document,
        title: `资料归档：${HOUSEHOLD_DOCUMENT_LABELS[d.kind]}`,
        refId: null,
      })),
      ...reviews.map((r) => ({
        key: { at: r.reviewedAt, id: `h${r.id}` },
        kind: TimelineKind.Review,
        title: `档案复核${r.reviewer ? ` · ${r.reviewer.name}` : ''}${r.note ? `：${r.note}` : ''}（下次 ${r.nextReviewOn}）`,
        refId: null,
      })),
      ...care,
    ];
    const page = pageInMemory(entries, cursor, limit, (e) => e.key);
    return {
      items: page.items.map((e) => ({
        at: e.key.at.toISOString(),
        kind: e.kind,
        title: e.title,
        refId: e.refId,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
