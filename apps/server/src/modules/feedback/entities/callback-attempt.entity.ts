import { CallbackChannel, CallbackOutcome } from '@linli/contracts';
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
import { CallbackTask } from './callback-task.entity';

/** One attempt at a callback: the channel, the outcome and the resident's words (written onto the ticket's record). */
@Entity('callback_attempt')
@Index('IDX_callback_attempt_callback', ['callbackId', 'at'])
export class CallbackAttempt {
  @IdColumn() id!: string;
  @RefColumn() callbackId!: string;
  @RefersTo(() => CallbackTask, 'FK_callback_attempt_callback', 'CASCADE') callback?: CallbackTask;
  @RefColumn() callerId!: string;
  @RefersTo(() => User, 'FK_callback_attempt_caller', 'RESTRICT') caller?: User;
  @EnumColumn(CallbackOutcome) outcome!: CallbackOutcome;
  @EnumColumn(CallbackChannel) channel!: CallbackChannel;
  @TextColumn(500, { nullable: true }) residentWords!: string | null;
  @InstantColumn() at!: Date;
}
