import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  CreateMoveOutRequest,
  DeregisterMembersRequest,
  MoveOutDecisionRequest,
  MoveOutScope,
  OwnerDecisionRequest,
  VerifyReleaseSlipRequest,
  WrittenAuthorisationRequest,
} from '@linli/contracts';
import {
  Approval,
  OptionalText,
  TrimmedText,
  OptionalReason,
  RefusalReason,
  trim,
  WrittenNote,
} from '../../../common/validation/dto-fields';

export class CreateMoveOutDto implements CreateMoveOutRequest {
  @ApiProperty({ example: '2026-11-25', description: '搬出日期（中国日期）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '搬出日期格式应为 2026-11-25' })
  moveDate!: string;

  @ApiProperty({ enum: MoveOutScope })
  @IsEnum(MoveOutScope, { message: '请选择整户搬出或部分搬出' })
  scope!: MoveOutScope;

  @ApiProperty({ type: [String], description: '主要物品，每行一项' })
  @IsArray({ message: '请填写主要物品' })
  @ArrayMinSize(1, { message: '请至少填写一项主要物品' })
  @ArrayMaxSize(50, { message: '主要物品最多 50 项' })
  @IsString({ each: true, message: '物品必须是文字' })
  @MaxLength(100, { each: true, message: '每项物品不超过 100 个字' })
  items!: string[];

  @ApiProperty()
  @Transform(trim)
  @IsString({ message: '请填写搬运人姓名' })
  @Length(1, 50, { message: '搬运人姓名需要 1 到 50 个字' })
  carrierName!: string;
  @TrimmedText('请填写搬运人手机号')
  carrierPhone!: string;
  @OptionalText(16, '车牌号不超过 16 个字符', { example: '粤B12345' })
  vehiclePlate?: string;
}

export class OwnerDecisionDto implements OwnerDecisionRequest {
  @Approval('true 授权，false 不同意', '请选择同意或不同意')
  approve!: boolean;
  @OptionalReason()
  reason?: string;
}

export class WrittenAuthorisationDto implements WrittenAuthorisationRequest {
  @WrittenNote('收到的书面授权：业主身份证复印件、业主电话等', '书面授权')
  note!: string;
}

export class MoveOutDecisionDto implements MoveOutDecisionRequest {
  @Approval('true 批准并出具放行条，false 不予批准', '请选择批准或不批准')
  approve!: boolean;
  @RefusalReason('不批准时必填')
  reason?: string;
}

export class DeregisterMembersDto implements DeregisterMembersRequest {
  @ApiProperty({ type: [String] })
  @IsArray({ message: '请选择迁出的住户' })
  @ArrayMinSize(1, { message: '请至少选择一位迁出的住户' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  memberIds!: string[];
}

export class VerifyReleaseSlipDto implements VerifyReleaseSlipRequest {
  @ApiProperty({ example: 'K7M2QX9P' })
  @IsString({ message: '请输入放行码' })
  @MaxLength(40, { message: '放行码无效' })
  code!: string;
}
