import { CallbackChannel, CallbackOutcome, CallbackReason, CallbackStatus } from '@linli/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
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
  @ManyToOne(() => Community, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'communityId', foreignKeyConstraintName: 'FK_callback_task_community' })
  community?: Community;
  @RefColumn() buildingId!: string;
  @ManyToOne(() => Building, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'buildingId', foreignKeyConstraintName: 'FK_callback_task_building' })
  building?: Building;
  @RefColumn() householdId!: string;
  @ManyToOne(() => Household, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_callback_task_household' })
  household?: Household;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'ticketId', foreignKeyConstraintName: 'FK_callback_task_ticket' })
  ticket?: Ticket | null;
  @RefColumn({ nullable: true }) sampleId!: string | null;
  @ManyToOne(() => CallbackSample, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'sampleId', foreignKeyConstraintName: 'FK_callback_task_sample' })
  sample?: CallbackSample | null;
  @EnumColumn(CallbackReason) reason!: CallbackReason;
  @EnumColumn(CallbackStatus) status!: CallbackStatus;
  @RefColumn({ nullable: true }) assigneeId!: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'assigneeId', foreignKeyConstraintName: 'FK_callback_task_assignee' })
  assignee?: User | null;
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
  @ManyToOne(() => Attachment, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'signatureId', foreignKeyConstraintName: 'FK_callback_task_signature' })
  signature?: Attachment | null;
  @InstantColumn({ nullable: true }) doneAt!: Date | null;
  @RefColumn({ nullable: true }) doneById!: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'doneById', foreignKeyConstraintName: 'FK_callback_task_doneBy' })
  doneBy?: User | null;
  @InstantColumn() createdAt!: Date;
}
