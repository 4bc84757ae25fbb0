import { Entity, Index } from 'typeorm';
import { RefersTo } from '../../../database/columns';
import { Community } from '../../org/entities/community.entity';
import { IndicatorFigures } from './indicator-figures';

/**
 * A month not yet frozen, computed by computeIndicators as of a refresh round's start and replaced by the
 * next round (every LINLI_DASHBOARD_REFRESH_MINUTES): 数据看板 and the company view answer from it while
 * it is younger than the interval plus a slack, else compute live (docs/dashboard.md, "Provisional
 * snapshots"). Kept apart from indicator_snapshot, whose rows are final. One row per community, scope,
 * month and set of targets.
 */
@Entity('indicator_provisional')
@Index('IDX_indicator_provisional_scope', ['communityId', 'scopeKey', 'month', 'targetsKey'], {
  unique: true,
})
export class IndicatorProvisional extends IndicatorFigures {
  @RefersTo(() => Community, 'FK_indicator_provisional_community', 'CASCADE') community?: Community;
}
