import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../../database/columns';

/** One caller's count of one limited operation in the current window ('login:ip:1.2.3.4'), shared by every instance. */
@Entity('rate_limit_bucket')
@Index('IDX_rate_limit_bucket_window', ['windowEndsAt'])
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 120 }) bucket!: string;
  @Column({ type: 'int' }) hits!: number;
  @InstantColumn() windowEndsAt!: Date;
  @InstantColumn({ nullable: true }) blockedUntil!: Date | null;
}
