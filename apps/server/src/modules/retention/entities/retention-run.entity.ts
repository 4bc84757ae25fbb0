import type { RetentionCounts } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from '../../../database/columns';

/**
 * One run of the retention job (§12): claimed by inserting the day's row (unique runKey), so with several
 * instances only one runs it; finished with what it anonymised.
 */
@Entity('retention_run')
@Index('IDX_retention_run_key', ['runKey'], { unique: true })
export class RetentionRun {
  @IdColumn() id!: string;
  /** The China date 'YYYY-MM-DD' the run belongs to. */
  @TextColumn(10) runKey!: string;
  @InstantColumn() startedAt!: Date;
  @InstantColumn({ nullable: true }) finishedAt!: Date | null;
  @InstantColumn() cutoff!: Date;
  @Column({ type: 'int' }) years!: number;
  @Column({ type: 'json', nullable: true }) counts!: RetentionCounts | null;
}
