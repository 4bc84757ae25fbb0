import { SignupStatus } from '@linli/contracts';
import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  TextColumn,
} from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';
import { CommunityEvent } from './community-event.entity';

/** One household's sign-up for an event: confirmed or on the waiting list, its check-in code, attendance. */
@Entity('event_signup')
@Index('UQ_event_signup_household', ['eventId', 'householdId'], { unique: true })
@Index('UQ_event_signup_code', ['eventId', 'code'], { unique: true })
@Index('IDX_event_signup_status', ['eventId', 'status', 'createdAt'])
export class EventSignup {
  @IdColumn() id!: string;
  @RefColumn() eventId!: string;
  @ManyToOne(() => CommunityEvent, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'eventId', foreignKeyConstraintName: 'FK_event_signup_event' })
  event?: CommunityEvent;
  @RefColumn() householdId!: string;
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_event_signup_household' })
  household?: Household;
  @RefColumn({ nullable: true }) userId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_event_signup_user' })
  user?: User | null;
  @EnumColumn(SignupStatus) status!: SignupStatus;
  @TextColumn(8) code!: string;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) cancelledAt!: Date | null;
  @InstantColumn({ nullable: true }) checkedInAt!: Date | null;
  @RefColumn({ nullable: true }) checkedInById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'checkedInById', foreignKeyConstraintName: 'FK_event_signup_checker' })
  checkedInBy?: User | null;
}
