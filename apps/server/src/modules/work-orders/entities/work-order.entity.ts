import { DepartmentName, WorkOrderStatus } from '@linli/contracts';
import { Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Community } from '../../org/entities/community.entity';
import { DEPARTMENTS, User } from '../../org/entities/user.entity';
import { Ticket } from '../../tickets/entities/ticket.entity';

export const WORK_ORDER_STATUSES: Record<string, WorkOrderStatus> = {
  Issued: 'issued',
  Accepted: 'accepted',
  Done: 'done',
};

/** A work order (工作安排通知单, docs/domain-rules.md §7): the supervisor names a department and what it must do by when. */
@Entity('work_order')
@Index('IDX_work_order_code', ['code'], { unique: true })
@Index('IDX_work_order_department', ['communityId', 'department', 'status'])
@Index('IDX_work_order_ticket', ['ticketId'])
export class WorkOrder {
  @IdColumn() id!: string;
  @TextColumn(20) code!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_work_order_community', 'CASCADE') community?: Community;
  @EnumColumn(DEPARTMENTS) department!: DepartmentName;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @RefersTo(() => Ticket, 'FK_work_order_ticket', 'SET NULL') ticket?: Ticket | null;
  @TextColumn(500) instructions!: string;
  @InstantColumn() dueAt!: Date;
  @EnumColumn(WORK_ORDER_STATUSES) status!: WorkOrderStatus;
  @RefColumn({ nullable: true }) issuedById!: string | null;
  @RefersTo(() => User, 'FK_work_order_issuer', 'SET NULL') issuedBy?: User | null;
  @InstantColumn() issuedAt!: Date;
  @RefColumn({ nullable: true }) acceptedById!: string | null;
  @RefersTo(() => User, 'FK_work_order_acceptor', 'SET NULL') acceptedBy?: User | null;
  @InstantColumn({ nullable: true }) acceptedAt!: Date | null;
  @InstantColumn({ nullable: true }) doneAt!: Date | null;
  @TextColumn(500, { nullable: true }) result!: string | null;
}
