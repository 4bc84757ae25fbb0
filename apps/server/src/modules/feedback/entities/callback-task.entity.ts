import { CallbackChannel, CallbackOutcome, CallbackReason, CallbackStatus } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Building } from '../../org/entities/building.entity';
import { Community } from '../../org/entities/community.entity';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';
import { Attachment } from '../../uploads/entities/attachment.entity';
import { Ticket } from '../../tickets/entities/ticket.entity';
import { CallbackSample } from './callback-sample.entity';

/** A callback (回访) someone owes a household: about a ticket, or a care callback (ticketId null). */
@Entity('callback_task')
@Index('IDX_callback_task_assignee_status', ['assigneeId', 'status'])
@Index('IDX_callback_task_community_created', ['communityId', 'createdAt'])
@Index('IDX_callback_task_ticket', ['ticketId'])
@Index('IDX_callback_task_household', ['householdId', 'createdAt'])
@Index('IDX_callback_task_next_check', ['nextCheckAt'])
@Index('IDX_callback_task_signature', ['signatureId'], { unique: true })
@Index('IDX_callback_task_care', ['householdId', 'careDueOn'], { unique: true })
export class CallbackTask {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_callback_task_community', 'RESTRICT') community?: Community;
  @RefColumn() buildingId!: string;
  @RefersTo(() => Building, 'FK_callback_task_building', 'RESTRICT') building?: Building;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_callback_task_household', 'RESTRICT') household?: Household;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @RefersTo(() => Ticket, 'FK_callback_task_ticket', 'CASCADE') ticket?: Ticket | null;
  @RefColumn({ nullable: true }) sampleId!: string | null;
  @RefersTo(() => CallbackSample, 'FK_callback_task_sample', 'SET NULL')
  sample?: CallbackSample | null;
  @EnumColumn(CallbackReason) reason!: CallbackReason;
  @EnumColumn(CallbackStatus) status!: CallbackStatus;
  @RefColumn({ nullable: true }) assigneeId!: string | null;
  @RefersTo(() => User, 'FK_callback_task_assignee', 'RESTRICT') assignee?: User | null;
  /** Care callbacks: the day ('YYYY-MM-DD') the schedule made it due; one per household and day (several instances plan at once). */
  @TextColumn(10, { nullable: true }) careDueOn!: string | null;
  /** The supervisor's own monthly check (domain §8: ≥50% of handled complaints, every major one). */
  @Column({ type: 'boolean', default: 0 }) supervisorCheck!: boolean;
  /** Chosen for an in-person callback with the resident's signature. */
  @Column({ type: 'boolean', default: 0 }) inPersonRequired!: boolean;
  @InstantColumn() dueAt!: Date;
  /** When the sweep must next look (the due date, then the next attempt); null once escalated or final. */
  @InstantColumn({ nullable: true }) nextCheckAt!: Date | null;
  @InstantColumn({ nullable: true }) escalatedAt!: Date | null;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @EnumColumn(CallbackOutcome, { nullable: true }) outcome!: CallbackOutcome | null;
  @EnumColumn(CallbackChannel, { nullable: true }) channel!: CallbackChannel | null;
  @TextColumn(500, { nullable: true }) residentWords!: string | null;
  /** The resident's signature (an uploaded image) that belongs to this callback alone. */
  @RefColumn({ nullable: true }) signatureId!: string | null;
  @RefersTo(() => Attachment, 'FK_callback_task_signature', 'RESTRICT')
  signature?: Attachment | null;
  @InstantColumn({ nullable: true }) doneAt!: Date | null;
  @RefColumn({ nullable: true }) doneById!: string | null;
  @RefersTo(() => User, 'FK_callback_task_doneBy', 'RESTRICT') doneBy?: User | null;
  @InstantColumn() createdAt!: Date;
}
