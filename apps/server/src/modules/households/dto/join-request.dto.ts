import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  CreateJoinRequest,
  JOINABLE_ROLES,
  JoinableRole,
  RejectJoinRequest,
  RemoveMemberRequest,
  SwitchHouseholdRequest,
} from '@linli/contracts';
import { PersonName, trim } from '../../../common/validation/dto-fields';

export class CreateJoinRequestDto implements CreateJoinRequest {
  @ApiPropertyOptional({ description: 'The room picked from the list' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  roomId?: string;
  @ApiPropertyOptional({ description: 'With roomLabel, when the room is typed' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  communityId?: string;
  @ApiPropertyOptional({ example: '1栋1单元101室' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: '房号最多 100 个字' })
  roomLabel?: string;
  @PersonName()
  name!: string;
  @ApiProperty()
  @Transform(trim)
  @IsString({ message: '请填写手机号' })
  @Length(1, 20, { message: '手机号格式不正确' })
  phone!: string;
  @ApiProperty({ enum: JOINABLE_ROLES })
  @IsIn([...JOINABLE_ROLES], {
    message: '身份只能是家属、租户或借住亲属（业主请到物业服务中心登记）',
  })
  role!: JoinableRole;
  @ApiPropertyOptional({ example: '租客' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 20, { message: '关系最多 20 个字' })
  relationship?: string;
}

export class RejectJoinRequestDto implements RejectJoinRequest {
  @ApiProperty()
  @Transform(trim)
  @IsString({ message: '请填写原因' })
  @Length(1, 200, { message: '原因需要 1 到 200 个字' })
  reason!: string;
}

export class RemoveMemberDto implements RemoveMemberRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 200, { message: '原因最多 200 个字' })
  reason?: string;
}

export class SwitchHouseholdDto implements SwitchHouseholdRequest {
  @ApiProperty()
  @IsString({ message: '请选择房屋' })
  @Length(1, 36, { message: '请选择房屋' })
  householdId!: string;
}
