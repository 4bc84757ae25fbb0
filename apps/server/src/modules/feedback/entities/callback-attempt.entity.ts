import { CallbackChannel, CallbackOutcome } from '@linli/contracts';
import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
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
  @ManyToOne(() => CallbackTask, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'callbackId', foreignKeyConstraintName: 'FK_callback_attempt_callback' })
  callback?: CallbackTask;
  @RefColumn() callerId!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'callerId', foreignKeyConstraintName: 'FK_callback_attempt_caller' })
  caller?: User;
  @EnumColumn(CallbackOutcome) outcome!: CallbackOutcome;
  @EnumColumn(CallbackChannel) channel!: CallbackChannel;
  @TextColumn(500, { nullable: true }) residentWords!: string | null;
  @InstantColumn() at!: Date;
}
