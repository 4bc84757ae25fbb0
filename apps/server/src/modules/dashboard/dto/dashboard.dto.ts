import { PageQueryDto } from '../../../common/paging/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IndicatorKey,
  INDICATOR_KEYS,
  IssueReportRequest,
  ReportKind,
  UpdateIndicatorTargetsRequest,
} from '@linli/contracts';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class DashboardQueryDto {
  @ApiPropertyOptional({
    description: "China-time month 'YYYY-MM'; this month when left out",
    example: '2026-11',
  })
  @IsOptional()
  @Matches(MONTH, { message: '月份格式应为 YYYY-MM，例如 2026-11' })
  month?: string;

  @ApiPropertyOptional({
    description: 'Company admins: which of their communities; supervisors: their own',
  })
  @IsOptional()
  @IsString({ message: '小区编号格式不正确' })
  @MaxLength(36, { message: '小区编号格式不正确' })
  communityId?: string;
}

export class IndicatorTicketsQueryDto extends DashboardQueryDto {
  @ApiPropertyOptional({ enum: INDICATOR_KEYS })
  @IsIn(INDICATOR_KEYS as string[], { message: '请选择有效的指标' })
  indicator!: IndicatorKey;
}

export class UpdateIndicatorTargetsDto implements UpdateIndicatorTargetsRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '小区编号格式不正确' })
  @MaxLength(36, { message: '小区编号格式不正确' })
  communityId?: string;

  @ApiPropertyOptional({
    description: 'Minutes within which an emergency counts as responded to',
    minimum: 1,
    maximum: 240,
  })
  @IsOptional()
  @IsNumber({}, { message: '响应时限须为数字' })
  @Min(1, { message: '响应时限至少 1 分钟' })
  @Max(240, { message: '响应时限最多 240 分钟' })
  emergencyResponseMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({}, { message: '目标须为 0–1 之间的小数' })
  @Min(0, { message: '目标须为 0–1 之间的小数' })
  @Max(1, { message: '目标须为 0–1 之间的小数' })
  emergencyResponseShare?: number;

  @ApiPropertyOptional({
    description: 'Hours within which a complaint counts as resolved',
    minimum: 1,
    maximum: 720,
  })
  @IsOptional()
  @IsNumber({}, { message: '处理时限须为数字' })
  @Min(1, { message: '处理时限至少 1 小时' })
  @Max(720, { message: '处理时限最多 720 小时' })
  complaintResolveHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({}, { message: '目标须为 0–1 之间的小数' })
  @Min(0, { message: '目标须为 0–1 之间的小数' })
  @Max(1, { message: '目标须为 0–1 之间的小数' })
  complaintResolveShare?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({}, { message: '目标须为 0–1 之间的小数' })
  @Min(0, { message: '目标须为 0–1 之间的小数' })
  @Max(1, { message: '目标须为 0–1 之间的小数' })
  satisfactionShare?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({}, { message: '目标须为 0–1 之间的小数' })
  @Min(0, { message: '目标须为 0–1 之间的小数' })
  @Max(1, { message: '目标须为 0–1 之间的小数' })
  callbackCoverageShare?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({}, { message: '目标须为 0–1 之间的小数' })
  @Min(0, { message: '目标须为 0–1 之间的小数' })
  @Max(1, { message: '目标须为 0–1 之间的小数' })
  surveyResponseShare?: number;
}

export class IssueReportDto implements IssueReportRequest {
  @ApiPropertyOptional({ enum: ReportKind })
  @IsIn(Object.values(ReportKind), { message: '请选择报表类型' })
  kind!: ReportKind;

  @ApiPropertyOptional({
    description:
      "weekly: the Monday 'YYYY-MM-DD'; monthly 'YYYY-MM'; quarterly 'YYYY-Qn'; annual 'YYYY'",
  })
  @IsString({ message: '请填写报表期间' })
  @MaxLength(10, { message: '报表期间格式不正确' })
  period!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '小区编号格式不正确' })
  @MaxLength(36, { message: '小区编号格式不正确' })
  communityId?: string;
}

export class ReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '小区编号格式不正确' })
  @MaxLength(36, { message: '小区编号格式不正确' })
  communityId?: string;
}
