import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SURVEY_THEME_LABELS } from '@linli/contracts';
import { formatChinaDateTime } from '@linli/domain';
import { answerText } from '@linli/domain/surveys';
import * as ExcelJS from 'exceljs';
import { In, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { Questionnaire } from './entities/questionnaire.entity';
import { SurveyAnswer } from './entities/survey-answer.entity';
import { SurveyInvite } from './entities/survey-invite.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { SurveyResultsService } from './survey-results.service';
import { SurveySettingsService } from './survey-settings.service';
import { roomLabelsOf } from '../org/room-labels';

const SOURCE_LABELS: Record<string, string> = {
  random: '随机抽样',
  complainer: '投诉户定向',
  manual: '手工添加',
};

/** A round's results and answers as an .xlsx workbook: 汇总, 分题统计, 答卷明细 (households named only where the company allows). */
@Injectable()
export class SurveyExportService {
  constructor(
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(SurveyRound) private readonly surveyRounds: Repository<SurveyRound>,
    @InjectRepository(Questionnaire) private readonly questionnaires: Repository<Questionnaire>,
    @InjectRepository(SurveyInvite) private readonly surveyInvites: Repository<SurveyInvite>,
    @InjectRepository(SurveyAnswer) private readonly surveyAnswers: Repository<SurveyAnswer>,
    private readonly results: SurveyResultsService,
    private readonly settings: SurveySettingsService,
  ) {}

  async export(user: AuthUser, roundId: string): Promise<{ data: Buffer; filename: string }> {
    const r = await this.results.results(user, roundId);
    const round = await this.surveyRounds.findOneByOrFail({ id: roundId });
    const questionnaire = await this.questionnaires.findOneByOrFail({ id: round.questionnaireId });
    const named = (await this.settings.ofCommunity(round.communityId)).staffSeeHouseholdAnswers;
    const wb = new ExcelJS.Workbook();

    const summary = wb.addWorksheet('汇总');
    summary.columns = [{ width: 24 }, { width: 40 }];
    summary.addRows([
      ['调查', r.title],
      ['邀请户数', r.invited],
      ['回收户数', r.responded],
      ['回收率(%)', r.responseRate.percent ?? '—'],
      ['满意率(%)', r.satisfaction.percent ?? '—'],
      ['回收率扣分', r.penalty],
      ['扣分后满意率(%)', r.adjustedSatisfaction ?? '—'],
      ['目标(%)', r.target],
      [],
      ['主题', '满意率(%)'],
      ...r.byTheme.map((t) => [
        SURVEY_THEME_LABELS[t.theme],
        `${t.satisfaction.percent ?? '—'}${t.belowTarget ? '（低于目标）' : ''}`,
      ]),
      [],
      ['不满意原因', '次数 / 累计占比(%)'],
      ...r.pareto.map((p) => [p.tag, `${p.n} / ${p.cumulativePercent}`]),
    ]);

    const perQuestion = wb.addWorksheet('分题统计');
    perQuestion.addRow(['题号', '主题', '题目', '作答数', '满意率(%)', '选项分布']);
    for (const q of r.questions)
      perQuestion.addRow([
        q.questionId,
        SURVEY_THEME_LABELS[q.theme],
        q.text,
        q.answered,
        q.satisfaction?.percent ?? '',
        q.counts.map((c) => `${c.label}:${c.n}`).join('  '),
      ]);

    const detail = wb.addWorksheet('答卷明细');
    detail.addRow([
      named ? '房号' : '答卷编号',
      '抽样方式',
      '完成时间',
      ...questionnaire.questions.map((q) => `${q.id} ${q.text}`),
    ]);
    const invites = await this.surveyInvites.find({
      where: { roundId },
      order: { completedAt: 'ASC' },
    });
    const completed = invites.filter((i) => i.completedAt);
    const answers = completed.length
      ? await this.surveyAnswers.find({ where: { inviteId: In(completed.map((i) => i.id)) } })
      : [];
    const rooms = named
      ? await this.roomsOf(completed.map((i) => i.householdId))
      : new Map<string, string>();
    completed.forEach((inv, n) => {
      const mine = answers.filter((a) => a.inviteId === inv.id);
      detail.addRow([
        named ? (rooms.get(inv.householdId) ?? '') : `#${n + 1}`,
        SOURCE_LABELS[inv.source],
        formatChinaDateTime(inv.completedAt!),
        ...questionnaire.questions.map((q) => {
          const a = mine.find((x) => x.questionId === q.id);
          return a ? answerText(a.value) : '';
        }),
      ]);
    });
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    return { data, filename: `${r.title}-调查结果.xlsx` };
  }

  private roomsOf(householdIds: string[]): Promise<Map<string, string>> {
    return roomLabelsOf({ households: this.households, rooms: this.rooms }, householdIds);
  }
}
