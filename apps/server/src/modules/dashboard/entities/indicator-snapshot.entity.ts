import { Entity, Index } from 'typeorm';
import { RefersTo } from '../../../database/columns';
import { Community } from '../../org/entities/community.entity';
import { IndicatorFigures } from './indicator-figures';

/**
 * A closed month's figures for one scope (a community, or one department of it), computed once by
 * computeIndicators as of the month's freeze (monthFreezesAt: the close + LINLI_DASHBOARD_FREEZE_DAYS)
 * and kept: 数据看板 reads these for frozen months instead of the months' tickets and their history
 * (docs/dashboard.md, "Frozen months"). One row per scope, month and set of targets (the targets decide
 * what counts as on time, so other targets are another row).
 */
@Entity('indicator_snapshot')
@Index('IDX_indicator_snapshot_scope', ['communityId', 'scopeKey', 'month', 'targetsKey'], {
  unique: true,
})
export class IndicatorSnapshot extends IndicatorFigures {
  @RefersTo(() => Community, 'FK_indicator_snapshot_community', 'CASCADE') community?: Community;
}
