import { SignupStatus } from '@linli/contracts';
import { Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
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
  @RefersTo(() => CommunityEvent, 'FK_event_signup_event', 'CASCADE') event?: CommunityEvent;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_event_signup_household', 'CASCADE') household?: Household;
  @RefColumn({ nullable: true }) userId!: string | null;
  @RefersTo(() => User, 'FK_event_signup_user', 'SET NULL') user?: User | null;
  @EnumColumn(SignupStatus) status!: SignupStatus;
  @TextColumn(8) code!: string;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) cancelledAt!: Date | null;
  @InstantColumn({ nullable: true }) checkedInAt!: Date | null;
  @RefColumn({ nullable: true }) checkedInById!: string | null;
  @RefersTo(() => User, 'FK_event_signup_checker', 'SET NULL') checkedInBy?: User | null;
}
