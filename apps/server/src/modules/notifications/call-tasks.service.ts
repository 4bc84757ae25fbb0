import { Access } from '../org/access.service';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere, In, IsNull, Repository } from 'typeorm';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';
import {
  CallTaskDto,
  CallTaskPurpose,
  CallTaskStatus,
  ErrorCode,
  Page,
  Role,
} from '@linli/contracts';
import { callTaskEnding } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertRows } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { CallTask } from './entities/call-task.entity';

export interface NewCallTask {
  communityId: string;
  ticketId: string | null;
  /** A user to call (their name and phone are copied), or null with `contact` for a caller with no account. */
  calleeId: string | null;
  contact?: { name: string; phone: string | null };
  /** Who should call; null: the community's supervisors. */
  callerId: string | null;
  reason: string;
  purpose: CallTaskPurpose;
}

const LIST_LIMIT = 100;

/**
 * Phone calls staff owe people that WeChat cannot reach with an emergency's news (no subscription left,
 * or no WeChat at all): the fallback when the outbox has nothing to send.
 */
@Injectable()
export class CallTasks {
  constructor(
    @InjectRepository(CallTask) private readonly tasks: Repository<CallTask>,
    private readonly clock: ClockService,
    private readonly access: Access,
  ) {}

  /** Written in the transaction of the change that needed the call. One open task per callee and ticket. */
  async create(db: EntityManager, task: NewCallTask, at: Date): Promise<void> {
    const user = task.calleeId
      ? await db.findOne(User, {
          where: { id: task.calleeId },
          select: { id: true, name: true, phone: true },
        })
      : null;
    const calleeName = (user?.name ?? task.contact?.name ?? '').slice(0, 50);
    const calleePhone = user?.phone ?? task.contact?.phone ?? null;
    const reason = task.reason.slice(0, 100);
    // One open call per person and ticket: a newer piece of news replaces what to tell them.
    const same = {
      ticketId: task.ticketId ?? IsNull(),
      status: CallTaskStatus.Open,
      purpose: task.purpose,
      ...(task.calleeId
        ? { calleeId: task.calleeId }
        : { calleeId: IsNull(), calleePhone: calleePhone ?? IsNull() }),
    };
    if ((await db.count(CallTask, { where: same })) > 0) {
      await db.update(CallTask, same, { reason });
      return;
    }
    await insertRows(db, CallTask, {
      id: randomUUID(),
      communityId: task.communityId,
      ticketId: task.ticketId,
      calleeId: task.calleeId,
      calleeName,
      calleePhone,
      callerId: task.callerId,
      reason,
      purpose: task.purpose,
      status: CallTaskStatus.Open,
      createdAt: at,
      doneAt: null,
      doneById: null,
      outcome: null,
    });
  }

  /**
   * The caller's calls: an assistant's own; a supervisor's own and the duty desk's of their community
   * (all of them with `all`); an admin's, every community's. The open ones are the work to do, bounded
   * and oldest first, in one page; done and ended ones (and all of them together) grow with history and
   * are paged newest first.
   */
  async list(
    user: AuthUser,
    status: CallTaskStatus | undefined,
    page: PageRequest,
  ): Promise<Page<CallTaskDto>> {
    const statusWhere = status ? { status } : {};
    let where: object[];
    const reach = user.role === Role.Admin ? await this.access.communityIds(user) : [];
    if (reach === 'all') where = [statusWhere];
    else if (user.role === Role.Admin)
      where = reach.length ? [{ ...statusWhere, communityId: In(reach) }] : [];
    else if (user.role === Role.Supervisor && user.communityId)
      where = [{ ...statusWhere, communityId: user.communityId }];
    else where = [{ ...statusWhere, callerId: user.id }];
    if (where.length === 0) return emptyPage();
    if (status !== CallTaskStatus.Open) {
      return findPage(
        this.tasks,
        where as FindOptionsWhere<CallTask>[],
        page,
        (rows) => rows.map(toDto),
        { relations: { caller: true, ticket: true } },
      );
    }
    const rows = await this.tasks.find({
      where,
      relations: { caller: true, ticket: true },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: LIST_LIMIT,
    });
    return { items: rows.map(toDto), nextCursor: null };
  }

  /** Records the call's outcome. The assigned caller, or a supervisor of that community (or an admin), may. */
  async done(user: AuthUser, id: string, outcome: string): Promise<CallTaskDto> {
    const task = await this.tasks.findOne({
      where: { id },
      relations: { caller: true, ticket: true },
    });
    const mayAct =
      task &&
      (((user.role === Role.Admin || user.role === Role.Supervisor) &&
        (await this.access.reaches(user, { communityId: task.communityId }))) ||
        (user.role === Role.Assistant && task.callerId === user.id));
    if (!task || !mayAct) throw new AppException(ErrorCode.CALL_TASK_NOT_FOUND);
    if (task.status !== CallTaskStatus.Open) throw new AppException(ErrorCode.CALL_TASK_DONE);
    const now = this.clock.now();
    const written = await this.tasks.update(
      { id, status: CallTaskStatus.Open },
      { status: CallTaskStatus.Done, doneAt: now, doneById: user.id, outcome },
    );
    if (written.affected !== 1) throw new AppException(ErrorCode.CALL_TASK_DONE);
    return toDto({ ...task, status: CallTaskStatus.Done, doneAt: now, doneById: user.id, outcome });
  }
}

/**
 * In the transaction of a ticket change: ends the ticket's open phone tasks that the change made
 * pointless (the emergency was accepted or handed to someone else; the ticket finished), recording why.
 * Ending is a conditional write, so a call recorded meanwhile by a person keeps their outcome.
 */
export async function endSettledCallTasks(
  db: EntityManager,
  ticketId: string,
  at: Date,
): Promise<number> {
  const open = await db.find(CallTask, {
    where: { ticketId, status: CallTaskStatus.Open },
    select: { id: true, purpose: true, calleeId: true },
  });
  if (open.length === 0) return 0;
  const ticket = await db.findOne(Ticket, {
    where: { id: ticketId },
    select: { id: true, status: true, assigneeId: true },
  });
  if (!ticket) return 0;
  let ended = 0;
  for (const task of open) {
    const why = callTaskEnding(task, ticket);
    if (!why) continue;
    const written = await db.update(
      CallTask,
      { id: task.id, status: CallTaskStatus.Open },
      { status: CallTaskStatus.Ended, doneAt: at, doneById: null, outcome: why },
    );
    ended += written.affected ?? 0;
  }
  return ended;
}

function toDto(t: CallTask): CallTaskDto {
  return {
    id: t.id,
    ticketId: t.ticketId,
    ticketCode: t.ticket?.code ?? null,
    calleeName: t.calleeName,
    calleePhone: t.calleePhone,
    reason: t.reason,
    callerName: t.caller?.name ?? null,
    status: t.status,
    purpose: t.purpose,
    createdAt: t.createdAt.toISOString(),
    doneAt: t.doneAt?.toISOString() ?? null,
    outcome: t.outcome,
  };
}
