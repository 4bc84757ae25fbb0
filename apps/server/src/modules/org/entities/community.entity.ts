import { Entity, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../../database/columns';
import { Company } from './company.entity';

/** A community / project (小区 / 项目), run by one management office (管理处). */
@Entity('community')
export class Community {
  @IdColumn() id!: string;
  @RefColumn() companyId!: string;
  @ManyToOne(() => Company, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'companyId', foreignKeyConstraintName: 'FK_community_company' })
  company?: Company;
  @TextColumn(100) name!: string;
  @InstantColumn() createdAt!: Date;
}
