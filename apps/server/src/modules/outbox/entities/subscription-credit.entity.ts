import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, RefersTo } from '../../../database/columns';
import { User } from '../../org/entities/user.entity';

/** One-time subscriptions a user granted for a template: each allows one message (wx.requestSubscribeMessage). */
@Entity('subscription_credit')
export class SubscriptionCredit {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId!: string;
  @RefersTo(() => User, 'FK_credit_user', 'CASCADE') user?: User;
  @PrimaryColumn({ type: 'varchar', length: 64 }) templateId!: string;
  @Column({ type: 'int', default: 0 }) credits!: number;
  @InstantColumn() updatedAt!: Date;
}
