import { IsPhone } from '../../../common/validation/is-phone';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import {
  AddMemberRequest,
  AddNoteRequest,
  EditMemberRequest,
  BindPhoneRequest,
  CreateInviteRequest,
  JoinHouseholdRequest,
  MemberRole,
} from '@linli/contracts';
import { PersonName, trim } from '../../../common/validation/dto-fields';

export class AddMemberDto implements AddMemberRequest {
  @PersonName()
  name!: string;
  @ApiProperty({ enum: MemberRole })
  @IsEnum(MemberRole, { message: '住户身份只能是业主、家属、租户或借住亲属' })
  role!: MemberRole;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 20, { message: '关系最多 20 个字' })
  relationship?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '手机号格式不正确' })
  phone?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '身份证号码不正确' })
  idNumber?: string;
  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '入住日期格式应为 2026-11-01' })
  moveInDate?: string;
}

export class AddNoteDto implements AddNoteRequest {
  @ApiProperty()
  @Transform(trim)
  @IsString({ message: '请填写备注' })
  @Length(1, 500, { message: '备注需要 1 到 500 个字' })
  text!: string;
}

export class CreateInviteDto implements CreateInviteRequest {
  @ApiProperty({ enum: MemberRole })
  @IsEnum(MemberRole, { message: '住户身份只能是业主、家属、租户或借住亲属' })
  role!: MemberRole;
}

export class JoinHouseholdDto implements JoinHouseholdRequest {
  @ApiProperty()
  @Transform(trim)
  @IsString({ message: '请输入邀请码' })
  @Matches(/^[A-Za-z0-9]{8}$/, { message: '邀请码是 8 位字母或数字' })
  code!: string;
  @PersonName()
  name!: string;
}

export class BindPhoneDto implements BindPhoneRequest {
  @ApiProperty({ description: 'getPhoneNumber 按钮返回的 code' })
  @IsString({ message: '手机号授权无效' })
  @Length(1, 128, { message: '手机号授权无效' })
  code!: string;
}

export class EditMemberDto implements EditMemberRequest {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsPhone('mobile', { message: '手机号格式不正确' })
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(0, 20, { message: '关系最多 20 个字' })
  relationship?: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-11-01' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null && v !== '')
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '入住日期格式应为 2026-11-01' })
  moveInDate?: string | null;
}
