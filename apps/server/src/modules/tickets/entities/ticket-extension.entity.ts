import { ExtensionStatus, SlaMilestone } from '@linli/contracts';
import { Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { User } from '../../org/entities/user.entity';
import { Ticket } from './ticket.entity';

export const EXTENSION_STATUSES: Record<string, ExtensionStatus> = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
};

/** A handler's request to move a milestone's deadline, and the supervisor's decision (docs/domain-rules.md §6). */
@Entity('ticket_extension')
@Index('IDX_ticket_extension_ticket', ['ticketId', 'requestedAt'])
@Index('IDX_ticket_extension_community', ['communityId', 'status', 'requestedAt'])
export class TicketExtension {
  @IdColumn() id!: string;
  @RefColumn() ticketId!: string;
  @RefersTo(() => Ticket, 'FK_ticket_extension_ticket', 'CASCADE') ticket?: Ticket;
  /** The ticket's community, copied so a supervisor's pending list is one index range. */
  @RefColumn() communityId!: string;
  @EnumColumn(SlaMilestone) milestone!: SlaMilestone;
  @EnumColumn(EXTENSION_STATUSES) status!: ExtensionStatus;
  @TextColumn(200) reason!: string;
  @RefColumn({ nullable: true }) requestedById!: string | null;
  @RefersTo(() => User, 'FK_ticket_extension_requester', 'SET NULL') requestedBy?: User | null;
  @InstantColumn() requestedAt!: Date;
  @InstantColumn() previousDueAt!: Date;
  @InstantColumn() requestedDueAt!: Date;
  @RefColumn({ nullable: true }) decidedById!: string | null;
  @RefersTo(() => User, 'FK_ticket_extension_decider', 'SET NULL') decidedBy?: User | null;
  @InstantColumn({ nullable: true }) decidedAt!: Date | null;
  @TextColumn(200, { nullable: true }) decisionNote!: string | null;
}
