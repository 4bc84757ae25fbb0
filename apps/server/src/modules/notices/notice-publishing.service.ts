import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import {
  ErrorCode,
  NOTICE_KIND_LABELS,
  NoticeDto,
  NoticeKind,
  NotificationKind,
  Role,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { CreateNoticeDto } from './dto/notice.dto';
import { Notice } from './entities/notice.entity';
import { householdsReached, residentsOf } from './notice-audience';
import { NoticeQueries } from './notice-queries.service';
import { ScheduledJob, sweepTiming } from '../../common/jobs/scheduled-job';

const invalid = (field: string, message: string) =>
  new AppException(ErrorCode.VALIDATION_FAILED, message, [{ field, message }]);

/**
 * Publishing notices: the supervisor writes one for the community, some buildings or some unit
 * entrances, now or at a set time. Residents are told in the inbox (and on WeChat when subscribed) when
 * it is published: at once, or by the publishing round once `publishAt` comes (read by an index on
 * unpublished notices; each one claimed by setting `publishedAt` only where it is still null).
 */
@Injectable()
export class NoticePublishing extends ScheduledJob<number> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Notice) private readonly notices: Repository<Notice>,
    private readonly inbox: Inbox,
    private readonly org: OrgDirectory,
    private readonly queries: NoticeQueries,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('NoticePublishing', 'publishing failed', () => sweepTiming(config));
  }

  protected round(): Promise<number> {
    return this.publishDue();
  }

  async create(user: AuthUser, dto: CreateNoticeDto): Promise<NoticeDto> {
    const communityId =
      user.role === Role.Supervisor ? user.communityId : (dto.communityId ?? null);
    if (
      !communityId ||
      (user.role === Role.Admin && !(await this.org.adminReaches(user, communityId)))
    )
      throw new AppException(ErrorCode.FORBIDDEN, '请以小区管理处主任身份发布');
    const now = this.clock.now();
    const publishAt = dto.publishAt ? new Date(dto.publishAt) : now;
    const inForceUntil = dto.inForceUntil ? new Date(dto.inForceUntil) : null;
    if (inForceUntil && inForceUntil.getTime() <= Math.max(now.getTime(), publishAt.getTime()))
      throw invalid('inForceUntil', '有效期须晚于发布时间');
    const buildingIds = [
      ...new Set([...dto.target.buildingIds, ...dto.target.units.map((u) => u.buildingId)]),
    ];
    if (
      buildingIds.length > 0 &&
      (await this.buildings.count({ where: { id: In(buildingIds), communityId } })) !==
        buildingIds.length
    ) {
      throw invalid('target', '请选择本小区的楼栋');
    }
    const row: Notice = {
      id: randomUUID(),
      communityId,
      kind: dto.kind,
      title: dto.title.trim(),
      body: dto.body.trim(),
      target: {
        buildingIds: [...new Set(dto.target.buildingIds)],
        units: dto.target.units.map((u) => ({ buildingId: u.buildingId, unit: u.unit.trim() })),
      },
      publishAt,
      publishedAt: null,
      inForceUntil,
      startsAt: dto.startsAt ? new Date(dto.startsAt) : null,
      outageId: null,
      createdById: user.id,
      createdAt: now,
    };
    await this.unitOfWork.run(async (db) => {
      await insertRows(db, Notice, row);
      if (publishAt.getTime() <= now.getTime()) await this.publish(db, row, now);
    });
    return this.queries.one(user, row.id);
  }

  /** Publishes the scheduled notices whose time has come. */
  async publishDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.notices.find({
      where: { publishedAt: IsNull(), publishAt: LessThanOrEqual(now) },
      order: { publishAt: 'ASC' },
      take: 50,
    });
    let published = 0;
    for (const notice of due) {
      await this.unitOfWork.run(async (db) => {
        if (await this.publish(db, notice, now)) published += 1;
      });
    }
    return published;
  }

  /** Tells the targeted residents, once: the row is claimed by setting publishedAt where it is still null. */
  private async publish(db: EntityManager, notice: Notice, now: Date): Promise<boolean> {
    const claimed = await db.update(
      Notice,
      { id: notice.id, publishedAt: IsNull() },
      { publishedAt: now },
    );
    if (claimed.affected !== 1) return false;
    // Outage notices are announced by the outage itself (停水停电通知), with its own wording.
    if (notice.outageId) return true;
    const households = await householdsReached(
      db.getRepository(Household),
      notice.communityId,
      notice.target,
    );
    const residents = await residentsOf(
      db,
      households.map((h) => h.householdId),
    );
    await this.inbox.deliver(
      db,
      residents,
      {
        kind: NotificationKind.Notice,
        title: `${NOTICE_KIND_LABELS[notice.kind]}：${notice.title}`,
        body: notice.body,
        ticketId: null,
      },
      now,
    );
    return true;
  }
}

/** The notice row announcing a planned cut, written in the outage's own transaction (its message goes out with the outage). */
export async function recordOutageNotice(
  db: EntityManager,
  outage: {
    id: string;
    communityId: string;
    kind: 'water' | 'power';
    title: string;
    body: string;
    buildingIds: string[];
    startsAt: Date;
    endsAt: Date;
    createdById: string | null;
  },
  now: Date,
): Promise<void> {
  await insertRows(db, Notice, {
    id: randomUUID(),
    communityId: outage.communityId,
    kind: outage.kind === 'water' ? NoticeKind.WaterCut : NoticeKind.PowerCut,
    title: outage.title,
    body: outage.body,
    target: { buildingIds: outage.buildingIds, units: [] },
    publishAt: now,
    publishedAt: now,
    inForceUntil: outage.endsAt,
    startsAt: outage.startsAt,
    outageId: outage.id,
    createdById: outage.createdById,
    createdAt: now,
  });
}
