import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEPARTMENT_NAMES,
  ErrorCode,
  NotificationKind,
  Page,
  Role,
  TicketAction,
  WorkOrderDto,
} from '@linli/contracts';
import {
  WORK_ORDER_WORKFLOW,
  WorkOrderStep,
  chinaDateKey,
  decideStep,
  formatChinaDateTime,
  fromOf,
  isOpen,
  workOrderActions,
  workOrderDueProblem,
  workOrderStepConflict,
} from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere, In, Like, Not, Repository } from 'typeorm';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { nextInSequence, prepareSequence } from '../../database/daily-sequence';
import { insertRows, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { Access } from '../org/access.service';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { applyTransition } from '../tickets/ticket-transition';
import { CompleteWorkOrderDto, IssueWorkOrderDto } from './dto/work-order.dto';
import { WorkOrder } from './entities/work-order.entity';

/** Open work orders are bounded by the work in hand; this only guards the response. */
const OPEN_LIMIT = 200;

/**
 * Work orders (工作安排通知单, docs/domain-rules.md §7): the supervisor names the responsible department and
 * what it must do by when — about an escalated ticket or on their own initiative. The department's
 * head receives it, accepts it and reports it done; about a ticket, both land on its timeline.
 */
@Injectable()
export class WorkOrders {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(WorkOrder) private readonly workOrders: Repository<WorkOrder>,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: Access,
    private readonly inbox: Inbox,
    private readonly clock: ClockService,
  ) {}

  async issue(user: AuthUser, dto: IssueWorkOrderDto): Promise<WorkOrderDto> {
    const now = this.clock.now();
    const dueAt = new Date(dto.dueAt);
    const dueProblem = workOrderDueProblem(dueAt, now);
    if (dueProblem)
      throw new AppException(ErrorCode.VALIDATION_FAILED, dueProblem, [
        { field: 'dueAt', message: dueProblem },
      ]);
    const id = randomUUID();
    const day = chinaDateKey(now).replace(/-/g, '');
    // The day's numbers from a locked counter (as ticket codes): counting + 1 gave two concurrent orders one code.
    const sequence = `GZ${day}`;
    await prepareSequence(this.unitOfWork, sequence, (db) =>
      db.count(WorkOrder, { where: { code: Like(`GZ${day}-%`) } }),
    );
    await this.unitOfWork.run(async (db) => {
      const ticket = dto.ticketId
        ? await db.findOne(Ticket, { where: { id: dto.ticketId } })
        : null;
      if (dto.ticketId && !ticket) throw new AppException(ErrorCode.TICKET_NOT_FOUND);
      const communityId = ticket?.communityId ?? user.communityId;
      const mayIssue = communityId && (await this.access.reaches(user, { communityId }));
      if (!communityId || !mayIssue)
        throw new AppException(
          ticket ? ErrorCode.TICKET_NOT_FOUND : ErrorCode.FORBIDDEN,
          ticket ? undefined : '请以小区管理处主任身份下达',
        );
      if (ticket && !isOpen(ticket.status))
        throw new AppException(ErrorCode.TICKET_ACTION_NOT_ALLOWED, '工单已结束，无需下达工作安排');
      const number = await nextInSequence(db, sequence);
      const row: WorkOrder = {
        id,
        code: `GZ${day}-${String(number).padStart(3, '0')}`,
        communityId,
        department: dto.department,
        ticketId: ticket?.id ?? null,
        instructions: dto.instructions.trim(),
        dueAt,
        status: 'issued',
        issuedById: user.id,
        issuedAt: now,
        acceptedById: null,
        acceptedAt: null,
        doneAt: null,
        result: null,
      };
      await insertRows(db, WorkOrder, row);
      const label = DEPARTMENT_NAMES[dto.department];
      if (ticket) {
        const note = `工作安排通知单 ${row.code} 下达至${label}：${row.instructions}（${formatChinaDateTime(dueAt)} 前完成）`;
        await applyTransition(db, {
          ticketId: ticket.id,
          fromVersion: ticket.version,
          fromStatus: ticket.status,
          toStatus: ticket.status,
          action: TicketAction.WorkOrder,
          actorId: user.id,
          note,
          at: now,
          changes: {},
        });
      }
      const heads = await this.heads(db, communityId, dto.department);
      await this.inbox.deliver(
        db,
        heads,
        {
          kind: NotificationKind.TicketAssigned,
          title: `新的工作安排通知单（${label}）`,
          body: `${row.code} ${row.instructions}`,
          ticketId: ticket?.id ?? null,
          ticketCode: ticket?.code ?? row.code,
        },
        now,
      );
    });
    return this.one(user, id);
  }

  /**
   * A department head: their department's; a supervisor: the community's; an admin: their company's (the
   * platform's admin: all). The open ones are today's work (bounded, by due time) and come whole with the
   * first page; the finished ones grow with history and follow newest issued first, a page at a time (a
   * cursor continues the finished ones only).
   */
  async list(user: AuthUser, page: PageRequest): Promise<Page<WorkOrderDto>> {
    const me = await this.users.findOne({
      where: { id: user.id },
      select: { id: true, department: true },
    });
    const communities = await this.access.communityIds(user);
    if (communities !== 'all' && communities.length === 0) return emptyPage();
    const where: FindOptionsWhere<WorkOrder> =
      communities === 'all'
        ? {}
        : me?.department && user.role === Role.Supervisor
          ? { communityId: user.communityId!, department: me.department }
          : { communityId: In(communities) };
    const relations = { issuedBy: true, acceptedBy: true, ticket: true };
    const present = (rows: WorkOrder[]) =>
      rows.map((r) => this.toDto(r, user, me?.department ?? null));
    const done = await findPage(this.workOrders, { ...where, status: 'done' }, page, present, {
      at: 'issuedAt',
      relations,
    });
    if (page.cursor) return done;
    const open = await this.workOrders.find({
      where: { ...where, status: Not('done') },
      relations,
      order: { dueAt: 'ASC', id: 'ASC' },
      take: OPEN_LIMIT,
    });
    return { items: [...present(open), ...done.items], nextCursor: done.nextCursor };
  }

  async ofTicket(db: EntityManager, user: AuthUser, ticketId: string): Promise<WorkOrderDto[]> {
    const me = await db.findOne(User, {
      where: { id: user.id },
      select: { id: true, department: true },
    });
    const rows = await db.find(WorkOrder, {
      where: { ticketId },
      relations: { issuedBy: true, acceptedBy: true, ticket: true },
      order: { issuedAt: 'ASC' },
    });
    return rows.map((r) => this.toDto(r, user, me?.department ?? null));
  }

  accept(user: AuthUser, id: string): Promise<WorkOrderDto> {
    return this.advance(user, id, 'accept', async (db, _order, now) => {
      await db.update(
        WorkOrder,
        { id, status: In(fromOf(WORK_ORDER_WORKFLOW, 'accept')) },
        { status: 'accepted', acceptedById: user.id, acceptedAt: now },
      );
    });
  }

  complete(user: AuthUser, id: string, dto: CompleteWorkOrderDto): Promise<WorkOrderDto> {
    const result = dto.result.trim();
    if (!result)
      throw new AppException(ErrorCode.VALIDATION_FAILED, '请写明处理结果', [
        { field: 'result', message: '请写明处理结果' },
      ]);
    return this.advance(user, id, 'complete', async (db, order, now) => {
      await db.update(
        WorkOrder,
        { id, status: In(fromOf(WORK_ORDER_WORKFLOW, 'complete')) },
        { status: 'done', doneAt: now, result },
      );
      const label = DEPARTMENT_NAMES[order.department];
      const ticket = order.ticketId
        ? await db.findOne(Ticket, { where: { id: order.ticketId } })
        : null;
      if (ticket) {
        await applyTransition(db, {
          ticketId: ticket.id,
          fromVersion: ticket.version,
          fromStatus: ticket.status,
          toStatus: ticket.status,
          action: TicketAction.WorkOrderDone,
          actorId: user.id,
          note: `${label}完成工作安排通知单 ${order.code}：${result}`,
          at: now,
          changes: {},
        });
      }
      await this.inbox.deliver(
        db,
        [order.issuedById, ticket?.assigneeId].filter((x) => x !== user.id),
        {
          kind: NotificationKind.TicketUpdated,
          title: `${label}已完成工作安排`,
          body: `${order.code} ${result}`,
          ticketId: ticket?.id ?? null,
          ticketCode: ticket?.code ?? order.code,
        },
        now,
      );
    });
  }

  /** A step of the department head of the order's department, as the workflow table allows; a second, concurrent step gets a conflict. */
  private async advance(
    user: AuthUser,
    id: string,
    stepName: WorkOrderStep,
    step: (db: EntityManager, order: WorkOrder, now: Date) => Promise<void>,
  ): Promise<WorkOrderDto> {
    await this.unitOfWork.run(async (db) => {
      const order = await db.findOne(WorkOrder, { where: { id } });
      const me = await db.findOne(User, {
        where: { id: user.id },
        select: { id: true, department: true, communityId: true },
      });
      const isHead =
        order && me?.department === order.department && me.communityId === order.communityId;
      if (
        !order ||
        (!isHead && !(await this.access.reaches(user, { communityId: order.communityId })))
      )
        throw new AppException(ErrorCode.NOT_FOUND, '工作安排通知单不存在');
      const decision = decideStep(WORK_ORDER_WORKFLOW, order.status, stepName, {
        departmentHead: isHead === true,
      });
      if (!decision.allowed && decision.reason === 'actor')
        throw new AppException(
          ErrorCode.FORBIDDEN,
          `只有${DEPARTMENT_NAMES[order.department]}负责人可以办理`,
        );
      if (!decision.allowed)
        throw new AppException(ErrorCode.CONFLICT, workOrderStepConflict(order.status, stepName));
      await step(db, order, this.clock.now());
    });
    return this.one(user, id);
  }

  private async heads(
    db: EntityManager,
    communityId: string,
    department: WorkOrder['department'],
  ): Promise<string[]> {
    const rows = await db.find(User, {
      where: { communityId, department, role: Role.Supervisor },
      select: { id: true },
    });
    if (rows.length > 0) return rows.map((r) => r.id);
    // No head on file for that department: the community's supervisors keep it in view.
    return (
      await db.find(User, { where: { communityId, role: Role.Supervisor }, select: { id: true } })
    ).map((r) => r.id);
  }

  private async one(user: AuthUser, id: string): Promise<WorkOrderDto> {
    const me = await this.users.findOne({
      where: { id: user.id },
      select: { id: true, department: true },
    });
    const row = await this.workOrders.findOneOrFail({
      where: { id },
      relations: { issuedBy: true, acceptedBy: true, ticket: true },
    });
    return this.toDto(row, user, me?.department ?? null);
  }

  private toDto(r: WorkOrder, user: AuthUser, myDepartment: string | null): WorkOrderDto {
    const isHead = myDepartment === r.department && user.communityId === r.communityId;
    return {
      id: r.id,
      code: r.code,
      department: r.department,
      departmentLabel: DEPARTMENT_NAMES[r.department],
      instructions: r.instructions,
      dueAt: r.dueAt.toISOString(),
      status: r.status,
      ticketId: r.ticketId,
      ticketCode: r.ticket?.code ?? null,
      issuedByName: r.issuedBy?.name ?? null,
      issuedAt: r.issuedAt.toISOString(),
      acceptedByName: r.acceptedBy?.name ?? null,
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      doneAt: r.doneAt?.toISOString() ?? null,
      result: r.result,
      late: r.status !== 'done' && r.dueAt.getTime() < this.clock.now().getTime(),
      ...workOrderActions(r.status, { departmentHead: isHead }),
    };
  }
}
