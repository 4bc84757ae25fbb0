import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CreateMoveInRequest,
  MemberRole,
  MoveInDecisionRequest,
  MoveInOwnerConsentRequest,
  MoveInPaper,
  MoveInPapersRequest,
  MoveInPersonInput,
  MoveInWrittenConsentRequest,
} from '@linli/contracts';
import {
  Approval,
  OptionalText,
  TrimmedText,
  OptionalReason,
  PersonName,
  RefusalReason,
  trim,
  WrittenNote,
} from '../../../common/validation/dto-fields';

/** At most this many people in one registration. */
export const MAX_MOVE_IN_PEOPLE = 10;

export class MoveInPersonDto implements MoveInPersonInput {
  @PersonName()
  name!: string;
  @ApiProperty({ enum: MemberRole })
  @IsEnum(MemberRole, { message: '请选择身份：业主、家属、租户或借住亲属' })
  role!: MemberRole;
  @OptionalText(20, '关系不超过 20 个字', { example: '儿子' })
  relationship?: string;
  @TrimmedText('请填写手机号', { example: '13800000002' })
  phone!: string;
  @ApiProperty({ description: '18 位居民身份证号码' })
  @Transform(trim)
  @IsString({ message: '请填写身份证号码' })
  @MaxLength(32, { message: '身份证号码不正确' })
  idNumber!: string;
  @ApiProperty({ example: '2026-11-25', description: '入住日期（中国日期）' })
  @IsString({ message: '请填写入住日期' })
  moveInDate!: string;
  @ApiPropertyOptional({ description: '居住证照片：POST /api/uploads 返回的 id' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  photoId?: string;
}

export class CreateMoveInDto implements CreateMoveInRequest {
  @ApiProperty() @IsString({ message: '请选择房屋' }) @MaxLength(36) householdId!: string;

  @ApiProperty({ type: [MoveInPersonDto] })
  @IsArray({ message: '请填写入住人员' })
  @ArrayMinSize(1, { message: '请至少登记一位入住人员' })
  @ArrayMaxSize(MAX_MOVE_IN_PEOPLE, { message: `一次最多登记 ${MAX_MOVE_IN_PEOPLE} 人` })
  @ValidateNested({ each: true })
  @Type(() => MoveInPersonDto)
  people!: MoveInPersonDto[];
}

export class MoveInOwnerConsentDto implements MoveInOwnerConsentRequest {
  @Approval('true 同意入住，false 不同意', '请选择同意或不同意')
  approve!: boolean;
  @OptionalReason()
  reason?: string;
}

export class MoveInWrittenConsentDto implements MoveInWrittenConsentRequest {
  @WrittenNote('收到的业主书面同意：同意书、业主身份证复印件等', '书面同意')
  note!: string;
}

export class MoveInPaperCheckDto {
  @ApiProperty() @IsString() @MaxLength(36) personId!: string;
  @ApiProperty({ enum: MoveInPaper, isArray: true })
  @IsArray({ message: '请选择已查验的证件' })
  @ArrayMaxSize(4)
  @IsEnum(MoveInPaper, { each: true, message: '证件类型不正确' })
  papers!: MoveInPaper[];
}

export class MoveInPapersDto implements MoveInPapersRequest {
  @ApiProperty({ type: [MoveInPaperCheckDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MOVE_IN_PEOPLE)
  @ValidateNested({ each: true })
  @Type(() => MoveInPaperCheckDto)
  people!: MoveInPaperCheckDto[];
}

export class MoveInDecisionDto implements MoveInDecisionRequest {
  @Approval('true 审核通过并发放居住证，false 不予通过', '请选择通过或不通过')
  approve!: boolean;
  @RefusalReason('不通过时必填')
  reason?: string;
}
