import { CallTaskPurpose, CallTaskStatus } from '@linli/contracts';
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
import { User } from '../../org/entities/user.entity';
import { Ticket } from '../../tickets/entities/ticket.entity';

/** A phone call staff owe someone WeChat could not reach with an emergency's news. */
@Entity('call_task')
@Index('IDX_call_task_caller', ['callerId', 'status', 'createdAt'])
@Index('IDX_call_task_community', ['communityId', 'status', 'createdAt'])
export class CallTask {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_call_task_community', 'CASCADE') community?: Community;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @RefersTo(() => Ticket, 'FK_call_task_ticket', 'CASCADE') ticket?: Ticket | null;
  /** Whom to call: a user, or a caller with no account (a request taken by phone). Name and phone are copied at creation. */
  @RefColumn({ nullable: true }) calleeId!: string | null;
  @RefersTo(() => User, 'FK_call_task_callee', 'SET NULL') callee?: User | null;
  @TextColumn(50) calleeName!: string;
  @TextColumn(20, { nullable: true }) calleePhone!: string | null;
  /** Who should call; null: the community's supervisors (the duty desk). */
  @RefColumn({ nullable: true }) callerId!: string | null;
  @RefersTo(() => User, 'FK_call_task_caller', 'SET NULL') caller?: User | null;
  @TextColumn(100) reason!: string;
  /** What the call asks for: decides when the task ends by itself. */
  @EnumColumn(CallTaskPurpose) purpose!: CallTaskPurpose;
  /** Open; done by a person (the outcome is theirs); or ended by itself (the outcome says why). */
  @EnumColumn(CallTaskStatus) status!: CallTaskStatus;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) doneAt!: Date | null;
  @RefColumn({ nullable: true }) doneById!: string | null;
  @RefersTo(() => User, 'FK_call_task_done_by', 'SET NULL') doneBy?: User | null;
  @TextColumn(200, { nullable: true }) outcome!: string | null;
}
