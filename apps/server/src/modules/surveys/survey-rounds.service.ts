import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  Page,
  Role,
  SurveyRoundAction,
  SurveyRoundDto,
  SurveyRoundKind,
  SurveyRoundStatus,
  TicketKind,
} from '@linli/contracts';
import {
  drawSample,
  SampleCandidate,
  surveyRoundTransition,
  surveyWindowProblem,
} from '@linli/domain/surveys';
import { randomInt, randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertRows, UnitOfWork } from '../../database/unit-of-work';
import { findPage, PageRequest } from '../../common/paging/paging';
import { ClockService } from '../clock/clock.service';
import { AddRoundHouseholdsDto, CreateSurveyRoundDto } from './dto/survey.dto';
import { SurveyInvite } from './entities/survey-invite.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { QuestionnairesService } from './questionnaires.service';
import { SurveyAccess } from './survey-access';
import { SurveyRoundPresenter } from './survey-round-presenter';
import { samplingRulesOf, SurveySettingsService } from './survey-settings.service';

/** Statuses of rounds that actually reached households (for the recontact window and "the last annual survey"). */
export const SENT_STATUSES = [
  SurveyRoundStatus.Open,
  SurveyRoundStatus.Closed,
  SurveyRoundStatus.ResultsPublished,
];

/**
 * Drafting a round (domain brief §9): the window, the frozen questionnaire, and the sample drawn at once
 * with a stored seed, so the supervisor sees its size and composition by building before sending, and
 * may add households by hand.
 */
@Injectable()
export class SurveyRoundsService {
  constructor(
    @InjectRepository(SurveyRound) private readonly surveyRounds: Repository<SurveyRound>,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: SurveyAccess,
    private readonly questionnaires: QuestionnairesService,
    private readonly settings: SurveySettingsService,
    private readonly clock: ClockService,
    private readonly presenter: SurveyRoundPresenter,
  ) {}

  async create(user: AuthUser, dto: CreateSurveyRoundDto): Promise<SurveyRoundDto> {
    const communityId = await this.access.communityFor(user, dto.communityId);
    const now = this.clock.now();
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    const problem = surveyWindowProblem(opensAt, closesAt, now);
    if (problem)
      throw new AppException(ErrorCode.VALIDATION_FAILED, problem, [
        { field: 'closesAt', message: problem },
      ]);
    const id = randomUUID();
    await this.unitOfWork.run(async (db) => {
      const questionnaire = await this.questionnaires.forRound(
        db,
        user,
        dto.questionnaireId,
        communityId,
      );
      const settings = await this.settings.ofCommunity(communityId, db);
      const seed = randomInt(0, 2 ** 31 - 1);
      const candidates = await this.candidates(db, communityId, dto.kind, now);
      const draw = drawSample(candidates, dto.kind, seed, now, samplingRulesOf(settings));
      const round: SurveyRound = {
        id,
        communityId,
        questionnaireId: questionnaire.id,
        kind: dto.kind,
        title: dto.title.trim(),
        status: SurveyRoundStatus.Draft,
        opensAt,
        closesAt,
        seed,
        strata: draw.byBuilding.map((b) => ({
          buildingId: b.buildingId,
          occupied: b.occupied,
          target: b.target,
        })),
        recontactExcluded: draw.recontactExcluded,
        shortfall: draw.shortfall,
        createdById: user.id,
        createdAt: now,
        sentAt: null,
        closedAt: null,
        resultsPublishedAt: null,
        improvements: null,
        nextCheckAt: null,
        remindedAt: null,
      };
      await insertRows(db, SurveyRound, round);
      if (draw.households.length > 0) {
        await insertRows(
          db,
          SurveyInvite,
          draw.households.map((h) => ({
            id: randomUUID(),
            roundId: id,
            householdId: h.householdId,
            buildingId: h.buildingId,
            source: h.source,
            invitedAt: now,
            completedAt: null,
            completedById: null,
          })),
        );
      }
    });
    return this.detail(user, id);
  }

  /** The rounds of the communities the caller runs, latest closing first, a page at a time (rounds of others dropped from the page read). */
  async list(user: AuthUser, page: PageRequest): Promise<Page<SurveyRoundDto>> {
    const reach =
      user.role === Role.Supervisor ? (user.communityId ? [user.communityId] : []) : null;
    return findPage(
      this.surveyRounds,
      reach ? { communityId: In(reach) } : {},
      page,
      async (rows) => {
        const mine: SurveyRound[] = [];
        for (const r of rows) if (await this.access.runs(user, r.communityId)) mine.push(r);
        return Promise.all(mine.map((r) => this.presenter.toDto(user, r)));
      },
      { at: 'closesAt' },
    );
  }

  async detail(user: AuthUser, id: string): Promise<SurveyRoundDto> {
    return this.presenter.toDto(user, await this.access.roundFor(user, id));
  }

  /** Households added by hand (e.g. one that asked to be heard): occupied households of the round's community only. */
  async addHouseholds(
    user: AuthUser,
    id: string,
    dto: AddRoundHouseholdsDto,
  ): Promise<SurveyRoundDto> {
    await this.unitOfWork.run(async (db) => {
      const round = await this.access.roundFor(user, id, db);
      if (surveyRoundTransition(round.status, SurveyRoundAction.AddHouseholds, user.role) === null)
        throw new AppException(ErrorCode.SURVEY_STATE);
      const wanted = [...new Set(dto.householdIds)];
      const places = await this.placesOf(db, round.communityId, wanted);
      if (places.size !== wanted.length)
        throw new AppException(ErrorCode.VALIDATION_FAILED, '请选择本小区有人居住的住户', [
          { field: 'householdIds', message: '请选择本小区有人居住的住户' },
        ]);
      const already = new Set(
        (await db.find(SurveyInvite, { where: { roundId: id, householdId: In(wanted) } })).map(
          (i) => i.householdId,
        ),
      );
      const now = this.clock.now();
      const rows = wanted
        .filter((h) => !already.has(h))
        .map((h) => ({
          id: randomUUID(),
          roundId: id,
          householdId: h,
          buildingId: places.get(h)!,
          source: 'manual' as const,
          invitedAt: now,
          completedAt: null,
          completedById: null,
        }));
      if (rows.length > 0) await insertRows(db, SurveyInvite, rows);
    });
    return this.detail(user, id);
  }

  /** Occupied households (someone on the file) of the community, with when each was last surveyed and whether it complained since the last annual survey. */
  private async candidates(
    db: EntityManager,
    communityId: string,
    kind: SurveyRoundKind,
    now: Date,
  ): Promise<SampleCandidate[]> {
    const occupied = await occupiedHouseholds(db, communityId);
    if (occupied.length === 0) return [];
    const last = (await db
      .createQueryBuilder()
      .select('i.householdId', 'householdId')
      .addSelect('MAX(sr.sentAt)', 'at')
      .from('survey_invite', 'i')
      .innerJoin('survey_round', 'sr', 'sr.id = i.roundId')
      .where('sr.communityId = :communityId AND sr.status IN (:...sent)', {
        communityId,
        sent: SENT_STATUSES,
      })
      .groupBy('i.householdId')
      .getRawMany()) as { householdId: string; at: string | Date | null }[];
    const lastAt = new Map(
      last.map((l) => [
        l.householdId,
        l.at
          ? new Date(
              l.at instanceof Date
                ? l.at
                : `${l.at.replace(' ', 'T')}${l.at.endsWith('Z') ? '' : 'Z'}`,
            )
          : null,
      ]),
    );
    const complainers = new Set<string>();
    if (kind === SurveyRoundKind.Annual) {
      const lastAnnual = await db.findOne(SurveyRound, {
        where: { communityId, kind: SurveyRoundKind.Annual, status: In(SENT_STATUSES) },
        order: { sentAt: 'DESC' },
      });
      const q = db
        .createQueryBuilder()
        .select('DISTINCT t.householdId', 'householdId')
        .from('ticket', 't')
        .where('t.communityId = :communityId AND t.kind = :kind', {
          communityId,
          kind: TicketKind.Complaint,
        });
      if (lastAnnual?.sentAt) q.andWhere('t.createdAt >= :since', { since: lastAnnual.sentAt });
      q.andWhere('t.createdAt <= :now', { now });
      for (const r of (await q.getRawMany()) as { householdId: string }[])
        complainers.add(r.householdId);
    }
    return occupied.map((o) => ({
      householdId: o.householdId,
      buildingId: o.buildingId,
      lastSurveyedAt: lastAt.get(o.householdId) ?? null,
      complainer: complainers.has(o.householdId),
    }));
  }

  private async placesOf(
    db: EntityManager,
    communityId: string,
    householdIds: string[],
  ): Promise<Map<string, string>> {
    const rows = await occupiedHouseholds(db, communityId, householdIds);
    return new Map(rows.map((r) => [r.householdId, r.buildingId]));
  }
}

/** The community's occupied households (someone on the file) with their building; only `among` when given. */
async function occupiedHouseholds(
  db: EntityManager,
  communityId: string,
  among?: string[],
): Promise<{ householdId: string; buildingId: string }[]> {
  const q = db
    .createQueryBuilder()
    .select('h.id', 'householdId')
    .addSelect('r.buildingId', 'buildingId')
    .from('household', 'h')
    .innerJoin('room', 'r', 'r.id = h.roomId')
    .innerJoin('building', 'b', 'b.id = r.buildingId')
    .where('b.communityId = :communityId', { communityId });
  if (among) q.andWhere('h.id IN (:...ids)', { ids: among });
  return (await q
    .andWhere(
      'EXISTS (SELECT 1 FROM household_member m WHERE m.householdId = h.id AND m.removedAt IS NULL)',
    )
    .getRawMany()) as { householdId: string; buildingId: string }[];
}
