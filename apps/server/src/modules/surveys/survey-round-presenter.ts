import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SampleBuildingDto, SurveyRoundDto } from '@linli/contracts';
import { allowedSurveyRoundActions } from '@linli/domain/surveys';
import { In, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Building } from '../org/entities/building.entity';
import { Questionnaire } from './entities/questionnaire.entity';
import { SurveyInvite } from './entities/survey-invite.entity';
import { SurveyRound } from './entities/survey-round.entity';

/** A round as the supervisor sees it: its questionnaire, the sample's composition by building, progress. */
@Injectable()
export class SurveyRoundPresenter {
  constructor(
    // The composition is one aggregate over survey_invite.
    @InjectRepository(SurveyInvite) private readonly surveyInvites: Repository<SurveyInvite>,
    @InjectRepository(Questionnaire) private readonly questionnaires: Repository<Questionnaire>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
  ) {}

  async toDto(user: AuthUser, r: SurveyRound): Promise<SurveyRoundDto> {
    const questionnaire = await this.questionnaires.findOneByOrFail({ id: r.questionnaireId });
    const invites = (await this.surveyInvites
      .createQueryBuilder('i')
      .select('i.buildingId', 'buildingId')
      .addSelect('i.source', 'source')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN i.completedAt IS NULL THEN 0 ELSE 1 END)', 'done')
      .where('i.roundId = :id', { id: r.id })
      .groupBy('i.buildingId')
      .addGroupBy('i.source')
      .getRawMany()) as {
      buildingId: string;
      source: string;
      n: string | number;
      done: string | number | null;
    }[];
    const buildingIds = [
      ...new Set([...r.strata.map((s) => s.buildingId), ...invites.map((i) => i.buildingId)]),
    ];
    const buildings = buildingIds.length
      ? await this.buildings.find({ where: { id: In(buildingIds) } })
      : [];
    const count = (b: string | null, source: string) =>
      invites
        .filter((i) => (b === null || i.buildingId === b) && i.source === source)
        .reduce((s, i) => s + Number(i.n), 0);
    const byBuilding: SampleBuildingDto[] = buildings
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh'))
      .map((b) => ({
        buildingId: b.id,
        buildingName: b.name,
        occupied: r.strata.find((s) => s.buildingId === b.id)?.occupied ?? 0,
        random: count(b.id, 'random'),
        complainers: count(b.id, 'complainer'),
        manual: count(b.id, 'manual'),
      }));
    const invited = invites.reduce((s, i) => s + Number(i.n), 0);
    return {
      id: r.id,
      communityId: r.communityId,
      title: r.title,
      kind: r.kind,
      status: r.status,
      questionnaireId: r.questionnaireId,
      questionnaireTitle: questionnaire.title,
      theme: questionnaire.theme,
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      seed: r.seed,
      occupied: r.strata.reduce((s, x) => s + x.occupied, 0),
      invited,
      composition: {
        random: count(null, 'random'),
        complainers: count(null, 'complainer'),
        manual: count(null, 'manual'),
        byBuilding,
      },
      recontactExcluded: r.recontactExcluded,
      shortfall: r.shortfall,
      completed: invites.reduce((s, i) => s + Number(i.done ?? 0), 0),
      sentAt: r.sentAt?.toISOString() ?? null,
      resultsPublishedAt: r.resultsPublishedAt?.toISOString() ?? null,
      allowedActions: allowedSurveyRoundActions(r.status, user.role),
    };
  }
}
