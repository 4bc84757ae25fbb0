import type { Indicators } from '@linli/domain';
import { Column } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../../database/columns';

/**
 * The columns one month's figures are kept in, final (indicator_snapshot) or provisional
 * (indicator_provisional): each table inherits them and adds its own relation to the community (the
 * foreign key names differ). One row per community, scope, month and set of targets.
 */
export abstract class IndicatorFigures {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  /** The department, or '*' for the whole community (the provisional rounds store '*' only). */
  @TextColumn(32) scopeKey!: string;
  /** 'YYYY-MM'. */
  @TextColumn(7) month!: string;
  /** A digest of the targets the figures were judged against. */
  @TextColumn(16) targetsKey!: string;
  /** The instant the figures are as of: the month's freeze, or a provisional round's start. */
  @InstantColumn() asOf!: Date;
  @Column({ type: 'json' }) figures!: Indicators;
  @InstantColumn() computedAt!: Date;
}
