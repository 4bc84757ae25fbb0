import { DepartmentName, ReportKind } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Community } from '../../org/entities/community.entity';
import { User } from '../../org/entities/user.entity';
import type { ReportContent } from '../report-content';

/**
 * A report as issued (the brief: records are kept for 2 years): its content and its workbook are made
 * once and stored; every download is the stored workbook, so November's report never changes afterwards.
 */
@Entity('issued_report')
@Index('IDX_issued_report_scope', ['communityId', 'kind', 'period', 'scopeKey'], { unique: true })
export class IssuedReport {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_issued_report_community', 'CASCADE') community?: Community;
  @EnumColumn(ReportKind) kind!: ReportKind;
  /** 'YYYY-MM-DD' (the week's Monday), 'YYYY-MM', 'YYYY-Qn' or 'YYYY'. */
  @TextColumn(10) period!: string;
  /** A department's own report (the weekly review list); null for the whole community. */
  @TextColumn(32, { nullable: true }) department!: DepartmentName | null;
  /** The department, or '*' for the whole community: one report per community, kind, period and scope. */
  @TextColumn(32) scopeKey!: string;
  @TextColumn(100) title!: string;
  @Column({ type: 'json' }) content!: ReportContent;
  /** The .xlsx as issued, base64: every download is these bytes (a workbook built again would differ in its zip dates). */
  @Column({ type: 'json' }) workbook!: string;
  @RefColumn({ nullable: true }) issuedById!: string | null;
  @RefersTo(() => User, 'FK_issued_report_user', 'SET NULL') issuedBy?: User | null;
  @InstantColumn() issuedAt!: Date;
}
