import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, QuestionnaireDto, Role, SurveyQuestion, SurveyTheme } from '@linli/contracts';
import { DEFAULT_QUESTIONNAIRES, questionnaireProblem } from '@linli/domain/surveys';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertInto, insertRows } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { SaveQuestionnaireDto } from './dto/survey.dto';
import { Questionnaire } from './entities/questionnaire.entity';
import { SurveyAccess } from './survey-access';

const BUILTIN = 'builtin:';

/**
 * The questionnaire builder: the shipped templates (one per theme), the company's templates (admins) and
 * the community's own (supervisors). Drafts may be edited; publishing freezes a version; editing a
 * published questionnaire saves a new draft version beside it.
 */
@Injectable()
export class QuestionnairesService {
  constructor(
    @InjectRepository(Questionnaire) private readonly questionnaires: Repository<Questionnaire>,
    private readonly access: SurveyAccess,
    private readonly clock: ClockService,
  ) {}

  async list(user: AuthUser): Promise<QuestionnaireDto[]> {
    const companyId = await this.access.companyOf(user);
    const communities = user.role === Role.Supervisor && user.communityId ? [user.communityId] : [];
    const rows = await this.questionnaires.find({
      where: [
        { companyId, communityId: IsNull() },
        ...(communities.length ? [{ companyId, communityId: In(communities) }] : []),
      ],
      order: { createdAt: 'DESC' },
      take: 200,
    });
    const builtins = Object.values(SurveyTheme).map(builtinDto);
    return [...rows.map(toDto), ...builtins];
  }

  async create(user: AuthUser, dto: SaveQuestionnaireDto): Promise<QuestionnaireDto> {
    const companyWide = dto.companyWide === true;
    if (companyWide && user.role !== Role.Admin)
      throw new AppException(ErrorCode.FORBIDDEN, '只有物业公司管理员可以建立全公司模板');
    const communityId = companyWide ? null : await this.access.communityFor(user);
    const companyId = communityId
      ? await this.access.companyOfCommunity(communityId)
      : await this.access.companyOf(user);
    const questions = this.checked(dto.questions);
    const row: Questionnaire = {
      id: randomUUID(),
      companyId,
      communityId,
      title: dto.title.trim(),
      theme: dto.theme,
      version: 1,
      status: 'draft',
      questions,
      createdById: user.id,
      createdAt: this.clock.now(),
      publishedAt: null,
    };
    await insertInto(this.questionnaires, row);
    return toDto(row);
  }

  /** A draft changes in place; a published version stays frozen and the change becomes the next version (a new draft). */
  async update(user: AuthUser, id: string, dto: SaveQuestionnaireDto): Promise<QuestionnaireDto> {
    const row = await this.editable(user, id);
    const questions = this.checked(dto.questions);
    if (row.status === 'draft') {
      await this.questionnaires.update(
        { id },
        { title: dto.title.trim(), theme: dto.theme, questions },
      );
      return toDto(await this.questionnaires.findOneByOrFail({ id }));
    }
    const next: Questionnaire = {
      ...row,
      id: randomUUID(),
      title: dto.title.trim(),
      theme: dto.theme,
      questions,
      version: row.version + 1,
      status: 'draft',
      createdById: user.id,
      createdAt: this.clock.now(),
      publishedAt: null,
    };
    await insertInto(this.questionnaires, next);
    return toDto(next);
  }

  async publish(user: AuthUser, id: string): Promise<QuestionnaireDto> {
    const row = await this.editable(user, id);
    if (row.status === 'published')
      throw new AppException(ErrorCode.QUESTIONNAIRE_FROZEN, '问卷已发布');
    const now = this.clock.now();
    await this.questionnaires.update(
      { id, status: 'draft' },
      { status: 'published', publishedAt: now },
    );
    return toDto({ ...row, status: 'published', publishedAt: now });
  }

  /**
   * The published questionnaire a round uses: one of the caller's (or the company's), or a shipped
   * template, frozen as the community's own copy so later product updates never change its wording.
   */
  async forRound(
    db: EntityManager,
    user: AuthUser,
    questionnaireId: string,
    communityId: string,
  ): Promise<Questionnaire> {
    const companyId = await this.access.companyOfCommunity(communityId);
    if (questionnaireId.startsWith(BUILTIN)) {
      const theme = questionnaireId.slice(BUILTIN.length) as SurveyTheme;
      const template = DEFAULT_QUESTIONNAIRES[theme];
      if (!template) throw new AppException(ErrorCode.SURVEY_NOT_FOUND, '问卷模板不存在');
      const now = this.clock.now();
      const row: Questionnaire = {
        id: randomUUID(),
        companyId,
        communityId,
        title: template.title,
        theme,
        version: 1,
        status: 'published',
        questions: template.questions,
        createdById: user.id,
        createdAt: now,
        publishedAt: now,
      };
      await insertRows(db, Questionnaire, row);
      return row;
    }
    const row = await db.findOne(Questionnaire, { where: { id: questionnaireId, companyId } });
    if (!row || (row.communityId !== null && row.communityId !== communityId))
      throw new AppException(ErrorCode.SURVEY_NOT_FOUND, '问卷不存在');
    if (row.status !== 'published')
      throw new AppException(ErrorCode.SURVEY_STATE, '请先发布问卷再用于调查');
    return row;
  }

  private async editable(user: AuthUser, id: string): Promise<Questionnaire> {
    const row = await this.questionnaires.findOne({ where: { id } });
    const mine =
      row &&
      (row.communityId === null
        ? user.role === Role.Admin && row.companyId === (await this.access.companyOf(user))
        : await this.access.runs(user, row.communityId));
    if (!row || !mine) throw new AppException(ErrorCode.SURVEY_NOT_FOUND, '问卷不存在');
    return row;
  }

  private checked(questions: readonly SurveyQuestion[]): SurveyQuestion[] {
    const clean = questions.map((q) => ({
      id: q.id,
      type: q.type,
      theme: q.theme,
      text: q.text.trim(),
      ...(q.options ? { options: q.options.map((o) => o.trim()) } : {}),
      required: q.required,
    }));
    const problem = questionnaireProblem(clean);
    if (problem)
      throw new AppException(ErrorCode.VALIDATION_FAILED, problem, [
        { field: 'questions', message: problem },
      ]);
    return clean;
  }
}

function toDto(q: Questionnaire): QuestionnaireDto {
  return {
    id: q.id,
    communityId: q.communityId,
    title: q.title,
    theme: q.theme,
    version: q.version,
    status: q.status,
    questions: q.questions,
    builtin: false,
    publishedAt: q.publishedAt?.toISOString() ?? null,
  };
}

function builtinDto(theme: SurveyTheme): QuestionnaireDto {
  const t = DEFAULT_QUESTIONNAIRES[theme];
  return {
    id: `${BUILTIN}${theme}`,
    communityId: null,
    title: t.title,
    theme,
    version: 1,
    status: 'published',
    questions: t.questions,
    builtin: true,
    publishedAt: null,
  };
}
