import { Entity } from 'typeorm';
import {
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Company } from './company.entity';

/** A community / project (小区 / 项目), run by one management office (管理处). */
@Entity('community')
export class Community {
  @IdColumn() id!: string;
  @RefColumn() companyId!: string;
  @RefersTo(() => Company, 'FK_community_company', 'RESTRICT') company?: Company;
  @TextColumn(100) name!: string;
  @InstantColumn() createdAt!: Date;
}
