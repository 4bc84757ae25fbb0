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

export type SurveyMessageKind = 'invite' | 'remind';

/** What each survey message says: both open the round's answer page. */
const TEXTS: Record<SurveyMessageKind, (round: SurveyRound) => { title: string; body: string }> = {
  invite: (round) => ({
    title: `邀请您参加：${round.title}`,
    body: `一两分钟就能答完，请在 ${formatChinaDateTime(round.closesAt)} 前作答。您的意见我们会认真对待。`,
  }),
  remind: (round) => ({
    title: `提醒：${round.title}即将结束`,
    body: `本轮调查将于 ${formatChinaDateTime(round.closesAt)} 结束，答过的题已保存，点开即可接着答。`,
  }),
};

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

  /** Invites the households' residents to answer the round, or reminds them that it closes soon. */
  async send(
    kind: SurveyMessageKind,
    db: EntityManager,
    round: SurveyRound,
    householdIds: readonly string[],
    at: Date,
  ): Promise<void> {
    const recipients = await this.residentsOf(db, householdIds);
    await this.inbox.deliver(
      db,
      recipients,
      {
        kind: NotificationKind.SurveyInvite,
        ...TEXTS[kind](round),
        ticketId: null,
        page: surveyAnswerPage(round.id),
      },
      at,
    );
  }
}
