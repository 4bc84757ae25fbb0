import { Injectable } from '@nestjs/common';
import { NotificationKind, Role } from '@linli/contracts';
import { formatChinaDateTime } from '@linli/domain';
import { EntityManager, In } from 'typeorm';
import { Inbox } from '../notifications/inbox.service';
import { User } from '../org/entities/user.entity';
import { SurveyRound } from './entities/survey-round.entity';

/** The mini-program page a survey invitation opens (from the inbox and from the WeChat message). */
export const surveyAnswerPage = (roundId: string) =>
  `subpackages/surveys/answer/index?roundId=${roundId}`;

/** Invitations and reminders: to every resident account of the households, in the inbox always and on WeChat for those subscribed. */
@Injectable()
export class SurveyMessages {
  constructor(private readonly inbox: Inbox) {}

  async residentsOf(db: EntityManager, householdIds: readonly string[]): Promise<string[]> {
    if (householdIds.length === 0) return [];
    const users = await db.find(User, {
      where: { householdId: In([...householdIds]), role: Role.Resident },
      select: { id: true },
    });
    return users.map((u) => u.id);
  }

  async invite(
    db: EntityManager,
    round: SurveyRound,
    householdIds: readonly string[],
    at: Date,
  ): Promise<void> {
    await this.tell(
      db,
      round,
      householdIds,
      at,
      `邀请您参加：${round.title}`,
      `一两分钟就能答完，请在 ${formatChinaDateTime(round.closesAt)} 前作答。您的意见我们会认真对待。`,
    );
  }

  async remind(
    db: EntityManager,
    round: SurveyRound,
    householdIds: readonly string[],
    at: Date,
  ): Promise<void> {
    await this.tell(
      db,
      round,
      householdIds,
      at,
      `提醒：${round.title}即将结束`,
      `本轮调查将于 ${formatChinaDateTime(round.closesAt)} 结束，答过的题已保存，点开即可接着答。`,
    );
  }

  /** One survey message to the households' residents, opening the round's answer page. */
  private async tell(
    db: EntityManager,
    round: SurveyRound,
    householdIds: readonly string[],
    at: Date,
    title: string,
    body: string,
  ): Promise<void> {
    const recipients = await this.residentsOf(db, householdIds);
    await this.inbox.deliver(
      db,
      recipients,
      {
        kind: NotificationKind.SurveyInvite,
        title,
        body,
        ticketId: null,
        page: surveyAnswerPage(round.id),
      },
      at,
    );
  }
}
