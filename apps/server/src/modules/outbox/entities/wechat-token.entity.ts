import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, TextColumn } from '../../../database/columns';

/** WeChat's access token, shared by every server instance through the database. */
@Entity('wechat_token')
export class WechatToken {
  @PrimaryColumn({ type: 'varchar', length: 20 }) id!: string;
  @TextColumn(512) token!: string;
  @InstantColumn() expiresAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
