import { Access } from '../org/access.service';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  NotificationKind,
  OutageNoticeDto,
  Page,
  Role,
  TicketAction,
  TicketStatus,
} from '@linli/contracts';
import {
  formatChinaDateTime,
  OUTAGE_KIND_LABELS,
  outageCovers,
  outageWindowProblem,
  systemTransition,
} from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertRows, UnitOfWork } from '../../database/unit-of-work';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { Building } from '../org/entities/building.entity';
import { HouseholdPlace } from '../org/org-directory.service';
import { Ticket } from '../tickets/entities/ticket.entity';
import { applyTransition } from '../tickets/ticket-transition';
import { CloseOutageDto, CreateOutageDto } from './dto/outage.dto';
import { OutageNotice } from './entities/outage-notice.entity';
import { Notice } from '../notices/entities/notice.entity';

import { recordOutageNotice } from '../notices/notice-publishing.service';
import { communityResidents } from '../org/community-state';

/** Active cuts are the ones announced and not yet closed; this only guards the response. */
const ACTIVE_LIMIT = 100;

/**
 * Planned water and power cuts (docs/domain-rules.md §11): announced to the residents of the buildings they
 * cover; while one lasts, reports of the cut are linked to it instead of dispatched as emergencies one
 * by one (TicketSubmission asks `covering`); closing it closes those reports and tells their reporters.
 */
@Injectable()
export class OutagesService {
  constructor(
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(OutageNotice) private readonly outageNotices: Repository<OutageNotice>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly unitOfWork: UnitOfWork,
    private readonly inbox: Inbox,
    private readonly clock: ClockService,
    private readonly access: Access,
  ) {}

  async create(user: AuthUser, dto: CreateOutageDto): Promise<OutageNoticeDto> {
    const communityId = user.communityId;
    if (!communityId) throw new AppException(ErrorCode.FORBIDDEN, '请以小区管理处主任身份发布');
    const now = this.clock.now();
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const problem = outageWindowProblem(startsAt, endsAt, now);
    if (problem)
      throw new AppException(ErrorCode.VALIDATION_FAILED, problem, [
        { field: 'endsAt', message: problem },
      ]);
    const buildingIds = [...new Set(dto.buildingIds)];
    const buildings =
      buildingIds.length > 0
        ? await this.buildings.find({ where: { id: In(buildingIds), communityId } })
        : [];
    if (buildings.length !== buildingIds.length)
      throw new AppException(ErrorCode.VALIDATION_FAILED, '请选择本小区的楼栋', [
        { field: 'buildingIds', message: '请选择本小区的楼栋' },
      ]);
    const id = randomUUID();
    await this.unitOfWork.run(async (db) => {
      const row: OutageNotice = {
        id,
        communityId,
        kind: dto.kind,
        title: dto.title.trim(),
        body: dto.body.trim(),
        buildingIds,
        startsAt,
        endsAt,
        status: 'active',
        createdById: user.id,
        createdAt: now,
        closedById: null,
        closedAt: null,
        closeNote: null,
      };
      await insertRows(db, OutageNotice, row);
      // The cut is also a notice of its kind: pinned until it ends, with read receipts per household.
      await recordOutageNotice(db, row, now);
      // The notice reaches every resident of the covered buildings (in the inbox; on WeChat for the subscribed).
      const residents = await this.residentsOf(db, communityId, buildingIds);
      const when = `${formatChinaDateTime(startsAt)} 至 ${formatChinaDateTime(endsAt)}`;
      await this.inbox.deliver(
        db,
        residents,
        {
          kind: NotificationKind.Notice,
          title: `计划${OUTAGE_KIND_LABELS[dto.kind]}：${row.title}`,
          body: `${when}。${row.body}`,
          ticketId: null,
        },
        now,
      );
    });
    return this.one(id);
  }

  /**
   * Staff of the community: the active notices (the cuts announced and not closed: bounded) whole on the
   * first page, then the closed ones, latest start first, a page at a time (a cursor continues the closed ones).
   */
  async list(user: AuthUser, page: PageRequest): Promise<Page<OutageNoticeDto>> {
    if (!user.communityId) return emptyPage();
    const repo = this.outageNotices;
    const closed = await findPage(
      repo,
      { communityId: user.communityId, status: 'closed' },
      page,
      (rows) => this.toDtos(rows),
      { at: 'startsAt', relations: { createdBy: true } },
    );
    if (page.cursor) return closed;
    const active = await repo.find({
      where: { communityId: user.communityId, status: 'active' },
      relations: { createdBy: true },
      order: { startsAt: 'DESC', id: 'DESC' },
      take: ACTIVE_LIMIT,
    });
    return {
      items: [...(await this.toDtos(active)), ...closed.items],
      nextCursor: closed.nextCursor,
    };
  }

  /** A resident: the cuts announced for their building that have not ended yet. */
  async current(place: HouseholdPlace | null): Promise<OutageNoticeDto[]> {
    if (!place) return [];
    const rows = await this.outageNotices.find({
      where: {
        communityId: place.communityId,
        status: 'active',
        endsAt: MoreThanOrEqual(this.clock.now()),
      },
      relations: { createdBy: true },
      order: { startsAt: 'ASC' },
    });
    return this.toDtos(
      rows.filter((r) => r.buildingIds.length === 0 || r.buildingIds.includes(place.buildingId)),
    );
  }

  /** The announced cut a new report is about, if any (inside the intake transaction). */
  async covering(
    db: EntityManager,
    place: HouseholdPlace,
    categoryCode: string,
    at: Date,
  ): Promise<OutageNotice | null> {
    const candidates = await db.find(OutageNotice, {
      where: {
        communityId: place.communityId,
        status: 'active',
        startsAt: LessThanOrEqual(at),
        endsAt: MoreThanOrEqual(at),
      },
    });
    return (
      candidates.find((o) =>
        outageCovers(
          { ...o, active: o.status === 'active' },
          { buildingId: place.buildingId, categoryCode, at },
        ),
      ) ?? null
    );
  }

  async close(user: AuthUser, id: string, dto: CloseOutageDto): Promise<OutageNoticeDto> {
    const note = dto.note?.trim() || null;
    await this.unitOfWork.run(async (db) => {
      const outage = await db.findOne(OutageNotice, { where: { id } });
      const mayClose =
        outage &&
        (user.role === Role.Admin || user.role === Role.Supervisor) &&
        (await this.access.reaches(user, { communityId: outage.communityId }));
      if (!outage || !mayClose) throw new AppException(ErrorCode.NOT_FOUND, '通知不存在');
      if (outage.status !== 'active') throw new AppException(ErrorCode.CONFLICT, '该通知已结束');
      const now = this.clock.now();
      await db.update(
        OutageNotice,
        { id },
        { status: 'closed', closedById: user.id, closedAt: now, closeNote: note },
      );
      await db.update(Notice, { outageId: id }, { inForceUntil: now });
      const back = outage.kind === 'water' ? '供水已恢复' : '供电已恢复';
      const linked = await db.find(Ticket, {
        where: { outageId: id, status: TicketStatus.Submitted },
      });
      for (const ticket of linked) {
        const to = systemTransition(ticket.status, TicketAction.OutageClose);
        if (!to) continue;
        await applyTransition(db, {
          ticketId: ticket.id,
          fromVersion: ticket.version,
          fromStatus: ticket.status,
          toStatus: to,
          action: TicketAction.OutageClose,
          actorId: null,
          note: `${back}，随通知「${outage.title}」一并关闭${note ? `：${note}` : ''}`,
          at: now,
          changes: { nextCheckAt: null },
        });
        await this.inbox.deliver(
          db,
          [ticket.reporterId],
          {
            kind: NotificationKind.TicketUpdated,
            title: `${back}，您的报事已关闭`,
            body: `${ticket.code} 如仍有问题，请重新报事`,
            ticketId: ticket.id,
            ticketCode: ticket.code,
          },
          now,
        );
      }
      // Residents who were told of the cut hear that it is over.
      const residents = await this.residentsOf(db, outage.communityId, outage.buildingIds);
      await this.inbox.deliver(
        db,
        residents,
        {
          kind: NotificationKind.Notice,
          title: `${back}：${outage.title}`,
          body: note ?? `${back}，感谢您的理解与配合`,
          ticketId: null,
        },
        now,
      );
    });
    return this.one(id);
  }

  private residentsOf(
    db: EntityManager,
    communityId: string,
    buildingIds: readonly string[],
  ): Promise<string[]> {
    return communityResidents(db, communityId, buildingIds);
  }

  private async one(id: string): Promise<OutageNoticeDto> {
    const row = await this.outageNotices.findOneOrFail({
      where: { id },
      relations: { createdBy: true },
    });
    return (await this.toDtos([row]))[0];
  }

  private async toDtos(rows: OutageNotice[]): Promise<OutageNoticeDto[]> {
    if (rows.length === 0) return [];
    const buildingIds = [...new Set(rows.flatMap((r) => r.buildingIds))];
    const buildings =
      buildingIds.length > 0 ? await this.buildings.find({ where: { id: In(buildingIds) } }) : [];
    const counts = (await this.tickets
      .createQueryBuilder('t')
      .select('t.outageId', 'outageId')
      .addSelect('COUNT(*)', 'n')
      .where('t.outageId IN (:...ids)', { ids: rows.map((r) => r.id) })
      .groupBy('t.outageId')
      .getRawMany()) as { outageId: string; n: string | number }[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      buildingIds: r.buildingIds,
      buildingNames: r.buildingIds.map((b) => buildings.find((x) => x.id === b)?.name ?? ''),
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      status: r.status,
      linkedTickets: Number(counts.find((c) => c.outageId === r.id)?.n ?? 0),
      createdByName: r.createdBy?.name ?? null,
      createdAt: r.createdAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      closeNote: r.closeNote,
    }));
  }
}
