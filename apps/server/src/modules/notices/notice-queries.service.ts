import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, IsNull, LessThanOrEqual, MoreThan, Not, Repository } from 'typeorm';
import {
  ErrorCode,
  MemberRole,
  NOTICE_KIND_LABELS,
  NoticeDto,
  NoticeKind,
  NoticeReceiptDto,
  Page,
  Role,
  UnreadBeforeCutDto,
} from '@linli/contracts';
import {
  noticePinned,
  noticeReaches,
  UNREAD_CALL_LEAD_MINUTES,
  unreadCallsDue,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { isUniqueViolation } from '../../database/unit-of-work';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';
import { ClockService } from '../clock/clock.service';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { NoticeRead } from './entities/notice-read.entity';
import { Notice } from './entities/notice.entity';
import { householdsReached, NoticeHousehold } from './notice-audience';

/** Notices in force at once are few; this only guards the response. */
const IN_FORCE_LIMIT = 100;

/**
 * Reading notices and their receipts. Staff see their community's notices (assistants: receipts of
 * their buildings only); a resident sees the published notices that reach their household, pinned
 * first, and opening one records the household's receipt.
 */
@Injectable()
export class NoticeQueries {
  constructor(
    @InjectRepository(Notice) private readonly notices: Repository<Notice>,
    @InjectRepository(NoticeRead) private readonly noticeReads: Repository<NoticeRead>,
    @InjectRepository(HouseholdMember)
    private readonly householdMembers: Repository<HouseholdMember>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    private readonly org: OrgDirectory,
    private readonly clock: ClockService,
  ) {}

  /** Staff: the community's notices, newest (publication time) first, a page at a time, with receipts over the households they work on. */
  async list(user: AuthUser, page: PageRequest): Promise<Page<NoticeDto>> {
    const communityIds = await this.communitiesOf(user);
    if (communityIds.length === 0) return emptyPage();
    return findPage(
      this.notices,
      { communityId: In(communityIds) },
      page,
      (rows) => Promise.all(rows.map((n) => this.staffDto(user, n))),
      {
        at: 'publishAt',
        relations: { createdBy: true },
      },
    );
  }

  async one(user: AuthUser, id: string): Promise<NoticeDto> {
    return this.staffDto(user, await this.staffNotice(user, id));
  }

  /**
   * A resident: published notices reaching their household. Those in force (pinned: few at a time) come
   * whole on the first page, then the others newest first, a page at a time (a cursor continues those).
   * Notices for other buildings are dropped from the page read, so a page may be short.
   */
  async mine(user: AuthUser, page: PageRequest): Promise<Page<NoticeDto>> {
    const place = user.householdId ? await this.place(user.householdId) : null;
    if (!place) return emptyPage();
    const now = this.clock.now();
    const repo = this.notices;
    const published = { communityId: place.communityId, publishedAt: Not(IsNull()) };
    const present = async (rows: Notice[]): Promise<NoticeDto[]> => {
      const reaching = rows.filter((n) => noticeReaches(n.target, place));
      const reads = reaching.length
        ? await this.noticeReads.find({
            where: { householdId: place.householdId, noticeId: In(reaching.map((n) => n.id)) },
          })
        : [];
      const readIds = new Set(reads.map((r) => r.noticeId));
      return Promise.all(
        reaching.map(async (n) => ({ ...(await this.base(n, now)), read: readIds.has(n.id) })),
      );
    };
    const others = await findPage(
      repo,
      [
        { ...published, inForceUntil: IsNull() },
        { ...published, inForceUntil: LessThanOrEqual(now) },
      ],
      page,
      present,
      { at: 'publishAt', relations: { createdBy: true } },
    );
    if (page.cursor) return others;
    const inForce = await repo.find({
      where: { ...published, inForceUntil: MoreThan(now) },
      relations: { createdBy: true },
      order: { publishAt: 'DESC', id: 'DESC' },
      take: IN_FORCE_LIMIT,
    });
    return { items: [...(await present(inForce)), ...others.items], nextCursor: others.nextCursor };
  }

  /** A resident opens a notice: the household's receipt, once (the first reader is kept). */
  async read(user: AuthUser, id: string): Promise<NoticeDto> {
    const place = user.householdId ? await this.place(user.householdId) : null;
    const notice = place
      ? await this.notices.findOne({
          where: { id, communityId: place.communityId, publishedAt: Not(IsNull()) },
          relations: { createdBy: true },
        })
      : null;
    if (!place || !notice || !noticeReaches(notice.target, place))
      throw new AppException(ErrorCode.NOTICE_NOT_FOUND);
    try {
      await this.noticeReads.insert({
        noticeId: id,
        householdId: place.householdId,
        userId: user.id,
        readAt: this.clock.now(),
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return { ...(await this.base(notice, this.clock.now())), read: true };
  }

  /** Staff: every targeted household they work on, read or not, unread first, with whom to call. */
  async receipts(user: AuthUser, id: string): Promise<NoticeReceiptDto[]> {
    const notice = await this.staffNotice(user, id);
    return this.receiptRows(user, notice);
  }

  /** Assistants: planned cuts starting within the hour, and the households of their buildings that have not read them. */
  async unreadBeforeCuts(user: AuthUser): Promise<UnreadBeforeCutDto[]> {
    const communityIds = await this.communitiesOf(user);
    if (communityIds.length === 0) return [];
    const now = this.clock.now();
    const soon = new Date(now.getTime() + UNREAD_CALL_LEAD_MINUTES * 60_000);
    const cuts = await this.notices.find({
      where: {
        communityId: In(communityIds),
        kind: In([NoticeKind.WaterCut, NoticeKind.PowerCut]),
        startsAt: Between(now, soon),
        publishedAt: Not(IsNull()),
      },
      relations: { createdBy: true },
    });
    const out: UnreadBeforeCutDto[] = [];
    for (const cut of cuts.filter((c) => c.startsAt && unreadCallsDue(c.startsAt, now))) {
      const households = (await this.receiptRows(user, cut)).filter((r) => !r.read);
      if (households.length > 0) out.push({ notice: await this.staffDto(user, cut), households });
    }
    return out;
  }

  private async receiptRows(user: AuthUser, notice: Notice): Promise<NoticeReceiptDto[]> {
    const households = await this.scoped(
      user,
      await householdsReached(this.households, notice.communityId, notice.target),
    );
    if (households.length === 0) return [];
    const reads = await this.noticeReads.find({
      where: { noticeId: notice.id },
      relations: { user: true },
    });
    const members = await this.householdMembers.find({
      where: { householdId: In(households.map((h) => h.householdId)), removedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    const rows = households.map((h) => {
      const r = reads.find((x) => x.householdId === h.householdId);
      return {
        householdId: h.householdId,
        householdLabel: h.label,
        read: Boolean(r),
        readAt: r?.readAt.toISOString() ?? null,
        readByName: r?.user?.name ?? null,
        contacts: members
          .filter((m) => m.householdId === h.householdId)
          // The owner first: the one to call.
          .sort(
            (a, b) =>
              Number(b.role === MemberRole.Owner) - Number(a.role === MemberRole.Owner) ||
              a.name.localeCompare(b.name, 'zh-CN'),
          )
          .map((m) => ({ name: m.name, phone: m.phone })),
      };
    });
    // Only households someone lives in are expected to read it.
    const lived = rows.filter((r) => r.contacts.length > 0 || r.read);
    return [...lived.filter((r) => !r.read), ...lived.filter((r) => r.read)];
  }

  private async staffDto(user: AuthUser, n: Notice): Promise<NoticeDto> {
    const receipts = await this.receiptRows(user, n);
    return {
      ...(await this.base(n, this.clock.now())),
      receipts: { targeted: receipts.length, read: receipts.filter((r) => r.read).length },
    };
  }

  private async base(n: Notice, now: Date): Promise<NoticeDto> {
    const buildingIds = [
      ...new Set([...n.target.buildingIds, ...n.target.units.map((u) => u.buildingId)]),
    ];
    const buildings = buildingIds.length
      ? await this.buildings.find({ where: { id: In(buildingIds) } })
      : [];
    const name = (id: string) => buildings.find((b) => b.id === id)?.name ?? '';
    const parts = [
      ...n.target.buildingIds.map(name),
      ...n.target.units.map((u) => `${name(u.buildingId)}${u.unit}`),
    ];
    return {
      id: n.id,
      kind: n.kind,
      kindLabel: NOTICE_KIND_LABELS[n.kind],
      title: n.title,
      body: n.body,
      target: n.target,
      targetLabel: parts.length ? parts.join('、') : '全小区',
      publishAt: n.publishAt.toISOString(),
      published: n.publishedAt !== null,
      inForceUntil: n.inForceUntil?.toISOString() ?? null,
      startsAt: n.startsAt?.toISOString() ?? null,
      pinned: n.publishedAt !== null && noticePinned(n, now),
      outageId: n.outageId,
      createdByName: n.createdBy?.name ?? null,
      receipts: null,
      read: null,
    };
  }

  private async staffNotice(user: AuthUser, id: string): Promise<Notice> {
    const notice = await this.notices.findOne({ where: { id }, relations: { createdBy: true } });
    if (!notice || !(await this.communitiesOf(user)).includes(notice.communityId))
      throw new AppException(ErrorCode.NOTICE_NOT_FOUND);
    return notice;
  }

  /** Assistants see the households of their buildings only. */
  private async scoped(user: AuthUser, households: NoticeHousehold[]): Promise<NoticeHousehold[]> {
    if (user.role !== Role.Assistant) return households;
    const mine = new Set(await this.org.buildingsServedBy(user.id));
    return households.filter((h) => mine.has(h.buildingId));
  }

  private async communitiesOf(user: AuthUser): Promise<string[]> {
    if (user.role === Role.Supervisor) return user.communityId ? [user.communityId] : [];
    if (user.role === Role.Assistant) {
      const buildings = await this.org.buildingsServedBy(user.id);
      if (buildings.length === 0) return [];
      return [
        ...new Set(
          (
            await this.buildings.find({
              where: { id: In(buildings) },
              select: { communityId: true },
            })
          ).map((b) => b.communityId),
        ),
      ];
    }
    if (user.role === Role.Admin) {
      const reach = await this.org.communitiesOfAdmin(user);
      if (reach !== 'all') return reach;
      return (await this.buildings.find({ select: { communityId: true } }))
        .map((b) => b.communityId)
        .filter((v, i, a) => a.indexOf(v) === i);
    }
    return [];
  }

  private async place(householdId: string): Promise<{
    householdId: string;
    communityId: string;
    buildingId: string;
    unit: string;
  } | null> {
    const row = await this.households
      .createQueryBuilder('h')
      .select([
        'h.id AS householdId',
        'b.communityId AS communityId',
        'r.buildingId AS buildingId',
        'r.unit AS unit',
      ])
      .innerJoin('room', 'r', 'r.id = h.roomId')
      .innerJoin('building', 'b', 'b.id = r.buildingId')
      .where('h.id = :householdId', { householdId })
      .getRawOne<{ householdId: string; communityId: string; buildingId: string; unit: string }>();
    return row ?? null;
  }
}
