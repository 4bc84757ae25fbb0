import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { EntityManager, In, MoreThanOrEqual, Repository } from 'typeorm';
import {
  CommunityEventDto,
  ErrorCode,
  EVENT_KIND_LABELS,
  Role,
  SIGNUP_STATUS_LABELS,
  SignupDto,
  SignupStatus,
} from '@linli/contracts';
import { CHECK_IN_ALPHABET, checkInCode, signupTransition } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertInto, insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { User } from '../org/entities/user.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { CheckInDto, CreateEventDto } from './dto/event.dto';
import { CommunityEvent } from './entities/community-event.entity';
import { EventSignup } from './entities/event-signup.entity';

const random = () =>
  randomInt(0, CHECK_IN_ALPHABET.length * 1000) / (CHECK_IN_ALPHABET.length * 1000);

/**
 * Community events (docs/domain-rules.md §10): the supervisor creates one with a capacity; a resident signs their
 * household up and is confirmed while seats are left (a conditional UPDATE of the seat count: concurrent
 * sign-ups never overbook), else waitlisted; cancelling a confirmed seat moves the first waitlisted up;
 * at the door staff type (or scan) the household's code.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectRepository(CommunityEvent) private readonly communityEvents: Repository<CommunityEvent>,
    @InjectRepository(EventSignup) private readonly eventSignups: Repository<EventSignup>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly org: OrgDirectory,
    private readonly clock: ClockService,
  ) {}

  async create(user: AuthUser, dto: CreateEventDto): Promise<CommunityEventDto> {
    if (user.role !== Role.Supervisor || !user.communityId)
      throw new AppException(ErrorCode.FORBIDDEN, '请以小区管理处主任身份发布活动');
    const now = this.clock.now();
    const startsAt = new Date(dto.startsAt);
    if (startsAt.getTime() <= now.getTime())
      throw new AppException(ErrorCode.VALIDATION_FAILED, '活动时间须晚于现在', [
        { field: 'startsAt', message: '活动时间须晚于现在' },
      ]);
    const row: CommunityEvent = {
      id: randomUUID(),
      communityId: user.communityId,
      kind: dto.kind,
      title: dto.title.trim(),
      place: dto.place.trim(),
      startsAt,
      capacity: dto.capacity,
      confirmedCount: 0,
      createdById: user.id,
      createdAt: now,
    };
    await insertInto(this.communityEvents, row);
    return this.toDto(row, null);
  }

  /** Upcoming events of the caller's community (staff: also those of the last 7 days), with the caller's household's sign-up. */
  async list(user: AuthUser): Promise<CommunityEventDto[]> {
    const communityId = await this.communityOf(user);
    if (!communityId) return [];
    const since = new Date(this.clock.now().getTime() - 7 * 86_400_000);
    const rows = await this.communityEvents.find({
      where: { communityId, startsAt: MoreThanOrEqual(since) },
      order: { startsAt: 'ASC' },
      take: 50,
    });
    return Promise.all(rows.map((e) => this.toDto(e, user.householdId)));
  }

  async signUp(user: AuthUser, eventId: string): Promise<CommunityEventDto> {
    const event = await this.residentEvent(user, eventId);
    const householdId = user.householdId!;
    const existing = await this.eventSignups.findOne({ where: { eventId, householdId } });
    if (existing && existing.status !== SignupStatus.Cancelled)
      return this.toDto(event, householdId);
    await this.unitOfWork.run(async (db) => {
      const seat = await db
        .createQueryBuilder()
        .update(CommunityEvent)
        .set({ confirmedCount: () => 'confirmedCount + 1' })
        .where('id = :id AND confirmedCount < capacity', { id: eventId })
        .execute();
      const status = seat.affected === 1 ? SignupStatus.Confirmed : SignupStatus.Waitlisted;
      const now = this.clock.now();
      if (existing) {
        // Signing up again after cancelling: a new place at the end of the queue.
        await db.update(
          EventSignup,
          { id: existing.id, status: SignupStatus.Cancelled },
          { status, createdAt: now, cancelledAt: null, userId: user.id },
        );
        return;
      }
      for (let attempt = 0; ; attempt++) {
        try {
          await insertRows(db, EventSignup, {
            id: randomUUID(),
            eventId,
            householdId,
            userId: user.id,
            status,
            code: checkInCode(random),
            createdAt: now,
            cancelledAt: null,
            checkedInAt: null,
            checkedInById: null,
          });
          return;
        } catch (err) {
          if (!isUniqueViolation(err) || attempt >= 3) throw err;
        }
      }
    });
    return this.toDto(event, householdId);
  }

  /** The household cancels; a confirmed seat goes to the first waitlisted household. */
  async cancelMine(user: AuthUser, eventId: string): Promise<CommunityEventDto> {
    const event = await this.residentEvent(user, eventId);
    await this.unitOfWork.run(async (db) => {
      const mine = await db.findOne(EventSignup, {
        where: { eventId, householdId: user.householdId! },
      });
      const to = mine ? signupTransition(mine.status, 'cancel') : null;
      if (!mine || !to) throw new AppException(ErrorCode.EVENT_SIGNUP_STATE);
      const moved = await db.update(
        EventSignup,
        { id: mine.id, status: mine.status },
        { status: to, cancelledAt: this.clock.now() },
      );
      if (moved.affected !== 1) throw new AppException(ErrorCode.EVENT_SIGNUP_STATE);
      if (mine.status === SignupStatus.Confirmed) await this.promoteOrFree(db, eventId);
    });
    return this.toDto(event, user.householdId);
  }

  /** Staff at the door: the code of a confirmed household; it becomes attended (on the household's record). */
  async checkIn(user: AuthUser, eventId: string, dto: CheckInDto): Promise<SignupDto> {
    const event = await this.staffEvent(user, eventId);
    const row = await this.eventSignups.findOne({
      where: { eventId: event.id, code: dto.code.toUpperCase() },
    });
    if (!row || row.status === SignupStatus.Cancelled)
      throw new AppException(ErrorCode.EVENT_CODE_INVALID);
    const to = signupTransition(row.status, 'check_in');
    if (!to)
      throw new AppException(
        ErrorCode.EVENT_SIGNUP_STATE,
        row.status === SignupStatus.Attended ? '该住户已签到' : '该住户在候补名单中，尚未获得名额',
      );
    const moved = await this.eventSignups.update(
      { id: row.id, status: row.status },
      { status: to, checkedInAt: this.clock.now(), checkedInById: user.id },
    );
    if (moved.affected !== 1) throw new AppException(ErrorCode.EVENT_SIGNUP_STATE);
    return (
      await this.signupDtos([{ ...row, status: to, checkedInAt: this.clock.now() }], true)
    )[0];
  }

  async signups(user: AuthUser, eventId: string): Promise<SignupDto[]> {
    const event = await this.staffEvent(user, eventId);
    const rows = await this.eventSignups.find({
      where: { eventId: event.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.signupDtos(rows, false);
  }

  /** The first waitlisted household moves up; with nobody waiting the seat is freed. Safe under concurrent cancellations. */
  private async promoteOrFree(db: EntityManager, eventId: string): Promise<void> {
    for (;;) {
      const next = await db.findOne(EventSignup, {
        where: { eventId, status: SignupStatus.Waitlisted },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      if (!next) {
        await db
          .createQueryBuilder()
          .update(CommunityEvent)
          .set({ confirmedCount: () => 'confirmedCount - 1' })
          .where('id = :id AND confirmedCount > 0', { id: eventId })
          .execute();
        return;
      }
      const promoted = await db.update(
        EventSignup,
        { id: next.id, status: SignupStatus.Waitlisted },
        { status: signupTransition(next.status, 'promote')! },
      );
      if (promoted.affected === 1) return;
    }
  }

  private async toDto(e: CommunityEvent, householdId: string | null): Promise<CommunityEventDto> {
    const rows = await this.eventSignups.find({
      where: {
        eventId: e.id,
        status: In([SignupStatus.Confirmed, SignupStatus.Waitlisted, SignupStatus.Attended]),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const fresh = await this.communityEvents.findOneByOrFail({ id: e.id });
    const mine = householdId
      ? await this.eventSignups.findOne({ where: { eventId: e.id, householdId } })
      : null;
    return {
      id: e.id,
      kind: e.kind,
      kindLabel: EVENT_KIND_LABELS[e.kind],
      title: e.title,
      place: e.place,
      startsAt: e.startsAt.toISOString(),
      capacity: e.capacity,
      confirmed: fresh.confirmedCount,
      waitlisted: rows.filter((r) => r.status === SignupStatus.Waitlisted).length,
      attended: rows.filter((r) => r.status === SignupStatus.Attended).length,
      mine: mine ? (await this.signupDtos([mine], true, rows))[0] : null,
    };
  }

  private async signupDtos(
    rows: readonly EventSignup[],
    withCode: boolean,
    queue?: readonly EventSignup[],
  ): Promise<SignupDto[]> {
    if (rows.length === 0) return [];
    const labels = await this.households
      .createQueryBuilder('h')
      .select(['h.id AS id', 'r.label AS label'])
      .innerJoin('room', 'r', 'r.id = h.roomId')
      .where('h.id IN (:...ids)', { ids: [...new Set(rows.map((r) => r.householdId))] })
      .getRawMany<{ id: string; label: string }>();
    const users = await this.users
      .createQueryBuilder('u')
      .select(['u.id AS id', 'u.name AS name'])
      .where('u.id IN (:...ids)', { ids: [...new Set(rows.map((r) => r.userId ?? ''))] })
      .getRawMany<{ id: string; name: string }>();
    const waiting = (queue ?? rows).filter((r) => r.status === SignupStatus.Waitlisted);
    return rows.map((r) => ({
      id: r.id,
      householdLabel: labels.find((l) => l.id === r.householdId)?.label ?? '',
      name: users.find((u) => u.id === r.userId)?.name ?? '',
      status: r.status,
      statusLabel: SIGNUP_STATUS_LABELS[r.status],
      code: withCode && r.status !== SignupStatus.Cancelled ? r.code : null,
      waitlistPosition:
        r.status === SignupStatus.Waitlisted
          ? waiting.findIndex((w) => w.id === r.id) + 1 || null
          : null,
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
    }));
  }

  private async residentEvent(user: AuthUser, eventId: string): Promise<CommunityEvent> {
    const communityId = await this.communityOf(user);
    const event = communityId
      ? await this.communityEvents.findOne({ where: { id: eventId, communityId } })
      : null;
    if (!event || !user.householdId) throw new AppException(ErrorCode.EVENT_NOT_FOUND);
    return event;
  }

  private async staffEvent(user: AuthUser, eventId: string): Promise<CommunityEvent> {
    const communityId = await this.communityOf(user);
    const event = communityId
      ? await this.communityEvents.findOne({ where: { id: eventId, communityId } })
      : null;
    if (!event) throw new AppException(ErrorCode.EVENT_NOT_FOUND);
    return event;
  }

  /** A resident's household's community; a supervisor's; an assistant's buildings' community. */
  private async communityOf(user: AuthUser): Promise<string | null> {
    if (user.role === Role.Resident)
      return user.householdId
        ? ((await this.org.householdPlace(user.householdId))?.communityId ?? null)
        : null;
    if (user.role === Role.Supervisor) return user.communityId;
    if (user.role === Role.Assistant) {
      const [first] = await this.org.buildingsServedBy(user.id);
      return first
        ? ((await this.buildings.findOne({ where: { id: first } }))?.communityId ?? null)
        : null;
    }
    return null;
  }
}
