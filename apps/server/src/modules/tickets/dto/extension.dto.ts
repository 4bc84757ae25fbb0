import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { DecideExtensionRequest, RequestExtensionRequest, SlaMilestone } from '@linli/contracts';

export class RequestExtensionDto implements RequestExtensionRequest {
  @ApiPropertyOptional({ enum: SlaMilestone, description: '延期哪个时限，默认“完成”' })
  @IsOptional()
  @IsEnum(SlaMilestone, { message: '时限只能是 respond、arrive、resolve 或 reply' })
  milestone?: SlaMilestone;

  @ApiProperty({ description: '申请的新期限（ISO 时间）', example: '2026-11-30T10:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: '请填写有效的新期限' })
  until!: string;

  @ApiProperty({ description: '延期原因', maxLength: 200 })
  @IsString({ message: '请写明延期原因' })
  @MaxLength(200, { message: '延期原因不能超过 200 个字' })
  reason!: string;
}

export class DecideExtensionDto implements DecideExtensionRequest {
  @ApiProperty({ description: 'true 批准，false 驳回' })
  @IsBoolean({ message: '请选择批准或驳回' })
  approve!: boolean;

  @ApiPropertyOptional({ description: '审批意见；驳回时必填', maxLength: 200 })
  @IsOptional()
  @IsString({ message: '审批意见必须是文字' })
  @MaxLength(200, { message: '审批意见不能超过 200 个字' })
  note?: string;
}
