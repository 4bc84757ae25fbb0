import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import {
  CallTaskPurpose,
  NotificationKind,
  Role,
  TicketAction,
  TicketStatus,
} from '@linli/contracts';
import { CallTasks } from '../notifications/call-tasks.service';
import { Inbox } from '../notifications/inbox.service';
import { Community } from '../org/entities/community.entity';
import { User } from '../org/entities/user.entity';
import { Room } from '../org/entities/room.entity';
import { TicketCategory } from '../categories/entities/ticket-category.entity';
import { Ticket } from './entities/ticket.entity';
import { CallbackPlanner } from '../feedback/callback-planner';

/**
 * What a ticket change tells whom, in the inbox (and on WeChat for those subscribed). Called inside the
 * transaction of the change. When an emergency's news cannot reach someone on WeChat, staff get a phone
 * task instead: the assistant calls the resident; the duty desk (supervisors) calls the assistant.
 */
@Injectable()
export class TicketNotifier {
  constructor(
    private readonly inbox: Inbox,
    private readonly calls: CallTasks,
    private readonly callbacks: CallbackPlanner,
  ) {}

  /** A person (or dispatch) moved the ticket: the resident hears of progress, the handler of new work. */
  async transitioned(
    db: EntityManager,
    ticket: Ticket,
    action: TicketAction,
    toStatus: TicketStatus,
    actorId: string | null,
    at: Date,
    assigneeId: string | null,
    note: string | null = null,
  ): Promise<void> {
    // Every valid complaint gets a callback when it closes (docs/domain-rules.md §8).
    await this.callbacks.ticketTransitioned(db, ticket, action, toStatus, at);
    const about = await this.about(db, ticket);
    const others = (ids: (string | null)[]) => ids.filter((id) => id !== actorId);
    if ((action === TicketAction.Assign || action === TicketAction.Transfer) && assigneeId) {
      const unreached = await this.inbox.deliver(
        db,
        others([assigneeId]),
        {
          kind: NotificationKind.TicketAssigned,
          title: ticket.emergency ? '新的紧急工单' : '新工单待受理',
          body: about,
          ticketId: ticket.id,
          ticketCode: ticket.code,
          urgent: ticket.emergency,
        },
        at,
      );
      if (ticket.emergency && unreached.includes(assigneeId)) {
        await this.calls.create(
          db,
          {
            communityId: ticket.communityId,
            ticketId: ticket.id,
            calleeId: assigneeId,
            callerId: null,
            reason: `紧急工单已派给您，请立即受理：${ticket.description.slice(0, 40)}`,
            purpose: CallTaskPurpose.AcceptTicket,
          },
          at,
        );
      }
      return;
    }
    const residentNews: Partial<Record<TicketAction, string>> = {
      [TicketAction.Accept]: '管家已受理您的报事',
      [TicketAction.Arrive]: '工作人员已到场',
      [TicketAction.Hold]: '您的报事已暂停处理',
      [TicketAction.Resume]: '您的报事已恢复处理',
      [TicketAction.Resolve]: '您的报事已处理完成，请评价',
      [TicketAction.AutoClose]: '您的报事已自动完成',
      [TicketAction.Forward]: '您的报事已转交相关单位处理，我们会持续跟进',
      // The explanation itself is the news: the resident reads it in full in the inbox.
      [TicketAction.Reply]: '关于您投诉的答复',
    };
    const news = residentNews[action];
    if (news) {
      // A request staff registered for someone without an account has no resident to message: only a call reaches them.
      const resident =
        ticket.receivedById !== null && ticket.reporterId === ticket.receivedById
          ? null
          : ticket.reporterId;
      const unreached = resident
        ? await this.inbox.deliver(
            db,
            others([resident]),
            {
              kind:
                action === TicketAction.Resolve
                  ? NotificationKind.RateRequest
                  : NotificationKind.TicketUpdated,
              title: news,
              body: action === TicketAction.Reply && note ? note : about,
              ticketId: ticket.id,
              ticketCode: ticket.code,
              urgent: ticket.emergency,
            },
            at,
          )
        : [];
      if (
        ticket.emergency &&
        (resident ? unreached.includes(resident) : ticket.contactPhone !== null)
      ) {
        await this.calls.create(
          db,
          {
            communityId: ticket.communityId,
            ticketId: ticket.id,
            calleeId: resident,
            contact: { name: ticket.contactName ?? '住户', phone: ticket.contactPhone },
            callerId: ticket.assigneeId,
            reason: `紧急报事的进展未能通过微信送达，请电话告知住户：${news}`,
            purpose: CallTaskPurpose.TellResident,
          },
          at,
        );
      }
    }
    if (action === TicketAction.Chase || action === TicketAction.Urge) {
      // A nudge reaches the handler; with nobody assigned yet (or escalated, for a chase), the supervisors too.
      const supervisors =
        action === TicketAction.Chase && (!ticket.assigneeId || ticket.escalationLevel > 0)
          ? await this.usersWithRole(db, Role.Supervisor, ticket.communityId)
          : [];
      const title = action === TicketAction.Chase ? '住户催办' : '主管督办';
      const body =
        action === TicketAction.Urge && note
          ? `${note}｜${about}`
          : `住户在催，请尽快处理｜${about}`;
      await this.inbox.deliver(
        db,
        others([ticket.assigneeId, ...supervisors]),
        {
          kind: NotificationKind.TicketUpdated,
          title,
          body,
          ticketId: ticket.id,
          ticketCode: ticket.code,
          urgent: true,
        },
        at,
      );
      return;
    }
    if (
      action === TicketAction.Reopen ||
      action === TicketAction.Confirm ||
      action === TicketAction.Cancel
    ) {
      const title =
        action === TicketAction.Reopen
          ? '住户不满意，工单已退回'
          : action === TicketAction.Confirm
            ? '住户已确认完成'
            : '住户已取消报事';
      await this.inbox.deliver(
        db,
        others([ticket.assigneeId]),
        {
          kind: NotificationKind.TicketUpdated,
          title,
          body: about,
          ticketId: ticket.id,
          ticketCode: ticket.code,
        },
        at,
      );
    }
  }

  /** A new ticket no assistant serves: the community's supervisors must dispatch it. */
  async undispatched(db: EntityManager, ticket: Ticket, at: Date): Promise<void> {
    const to = await this.usersWithRole(db, Role.Supervisor, ticket.communityId);
    await this.inbox.deliver(
      db,
      to,
      {
        kind: NotificationKind.TicketAssigned,
        title: '新工单待派单',
        body: await this.about(db, ticket),
        ticketId: ticket.id,
        ticketCode: ticket.code,
        urgent: ticket.emergency,
      },
      at,
    );
  }

  /** The sweep: a warning goes to the handler; an escalation to the supervisors (level 1) or the company's admins (level 2). */
  async slaEvent(
    db: EntityManager,
    ticket: Ticket,
    kind: NotificationKind.SlaWarning | NotificationKind.SlaEscalated,
    note: string,
    level: number,
    at: Date,
  ): Promise<void> {
    const message = {
      kind,
      title: kind === NotificationKind.SlaWarning ? '工单时限即将到期' : '工单超时升级',
      body: `${note}｜${await this.about(db, ticket)}`,
      ticketId: ticket.id,
      ticketCode: ticket.code,
      urgent: true,
    };
    if (kind === NotificationKind.SlaWarning) {
      const to = ticket.assigneeId
        ? [ticket.assigneeId]
        : await this.usersWithRole(db, Role.Supervisor, ticket.communityId);
      await this.inbox.deliver(db, to, message, at);
      return;
    }
    const up =
      level >= 2
        ? await this.adminsOf(db, ticket.communityId)
        : await this.usersWithRole(db, Role.Supervisor, ticket.communityId);
    await this.inbox.deliver(db, [...up, ticket.assigneeId], message, at);
  }

  /** What the message is about, in one line: category · room｜description, cut with an ellipsis. */
  private async about(db: EntityManager, ticket: Ticket): Promise<string> {
    const category =
      ticket.category ??
      (await db.findOne(TicketCategory, {
        where: { code: ticket.categoryCode },
        select: { code: true, name: true },
      }));
    const room =
      ticket.room ??
      (await db.findOne(Room, { where: { id: ticket.roomId }, select: { id: true, label: true } }));
    return ticketLine(category?.name ?? '', room?.label ?? '', ticket.description);
  }

  /** The admins who reach a community (docs/access.md): its company's, and the platform's (bound to no community). Never another company's. */
  private async adminsOf(db: EntityManager, communityId: string): Promise<string[]> {
    const own = await db.findOne(Community, {
      where: { id: communityId },
      select: { id: true, companyId: true },
    });
    const siblings = own
      ? (
          await db.find(Community, { where: { companyId: own.companyId }, select: { id: true } })
        ).map((c) => c.id)
      : [];
    const rows = await db.find(User, {
      select: { id: true },
      where: [
        { role: Role.Admin, communityId: IsNull() },
        ...(siblings.length ? [{ role: Role.Admin, communityId: In(siblings) }] : []),
      ],
    });
    return rows.map((r) => r.id);
  }

  private async usersWithRole(
    db: EntityManager,
    role: Role,
    communityId: string | null,
  ): Promise<string[]> {
    const rows = await db.find(User, {
      select: { id: true },
      where: communityId ? { role, communityId } : { role },
    });
    return rows.map((r) => r.id);
  }
}

const LINE_CHARS = 24;

/** 水管漏水 · 1栋1单元101室｜厨房水管接头在滴水…: one line, whatever the description's line breaks. */
export function ticketLine(categoryName: string, roomLabel: string, description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  const cut = [...flat].length > LINE_CHARS ? `${[...flat].slice(0, LINE_CHARS).join('')}…` : flat;
  return `${[categoryName, roomLabel].filter(Boolean).join(' · ')}｜${cut}`;
}
