import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  CreateBuildingRequest,
  CreateRoomRangeRequest,
  CreateRoomRequest,
  UpdateBuildingRequest,
  UpdateRoomRequest,
} from '@linli/contracts';
import {
  normaliseBuildingName,
  normaliseRoomNumber,
  normaliseUnit,
  ROOM_RANGE_LIMITS,
} from '@linli/domain';

/** Names are normalised as the spreadsheet import does (NFKC, trimmed; '1' → '1单元', '101室' → '101'). */
const as =
  (f: (s: string) => string) =>
  ({ value }: { value: unknown }) =>
    typeof value === 'string' ? f(value) : value;

const SORT_ORDER = { min: 0, max: 9999 };

export class CreateBuildingDto implements CreateBuildingRequest {
  @ApiProperty({ example: '8栋' })
  @Transform(as(normaliseBuildingName))
  @IsString({ message: '请填写楼栋名称' })
  @Length(1, 50, { message: '楼栋名称需要 1 到 50 个字' })
  name!: string;
  @ApiPropertyOptional({ description: 'Listing position; after the other buildings when left out' })
  @IsOptional()
  @IsInt({ message: '排序应为整数' })
  @Min(SORT_ORDER.min, { message: '排序不能小于 0' })
  @Max(SORT_ORDER.max, { message: '排序不能大于 9999' })
  sortOrder?: number;
}

export class UpdateBuildingDto implements UpdateBuildingRequest {
  @ApiPropertyOptional({ example: '8栋' })
  @IsOptional()
  @Transform(as(normaliseBuildingName))
  @IsString({ message: '请填写楼栋名称' })
  @Length(1, 50, { message: '楼栋名称需要 1 到 50 个字' })
  name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '排序应为整数' })
  @Min(SORT_ORDER.min, { message: '排序不能小于 0' })
  @Max(SORT_ORDER.max, { message: '排序不能大于 9999' })
  sortOrder?: number;
}

export class CreateRoomDto implements CreateRoomRequest {
  @ApiProperty({ example: '1单元' })
  @Transform(as(normaliseUnit))
  @IsString({ message: '请填写单元' })
  @Length(1, 20, { message: '单元需要 1 到 20 个字' })
  unit!: string;
  @ApiProperty({ example: '101' })
  @Transform(as(normaliseRoomNumber))
  @IsString({ message: '请填写房号' })
  @Length(1, 20, { message: '房号需要 1 到 20 个字' })
  number!: string;
}

export class UpdateRoomDto extends CreateRoomDto implements UpdateRoomRequest {}

const L = ROOM_RANGE_LIMITS;

export class CreateRoomRangeDto implements CreateRoomRangeRequest {
  @ApiProperty({ example: 1 })
  @IsInt({ message: '起始单元应为整数' })
  @Min(1, { message: '起始单元至少为 1' })
  @Max(L.unit, { message: `起始单元最大为 ${L.unit}` })
  unitFrom!: number;
  @ApiProperty({ example: 2 })
  @IsInt({ message: '结束单元应为整数' })
  @Min(1, { message: '结束单元至少为 1' })
  @Max(L.unit, { message: `结束单元最大为 ${L.unit}` })
  unitTo!: number;
  @ApiProperty({ example: 1 })
  @IsInt({ message: '起始楼层应为整数' })
  @Min(1, { message: '起始楼层至少为 1' })
  @Max(L.floor, { message: `起始楼层最大为 ${L.floor}` })
  floorFrom!: number;
  @ApiProperty({ example: 18 })
  @IsInt({ message: '结束楼层应为整数' })
  @Min(1, { message: '结束楼层至少为 1' })
  @Max(L.floor, { message: `结束楼层最大为 ${L.floor}` })
  floorTo!: number;
  @ApiProperty({ example: 2 })
  @IsInt({ message: '每层户数应为整数' })
  @Min(1, { message: '每层户数至少为 1' })
  @Max(L.perFloor, { message: `每层户数最多为 ${L.perFloor}` })
  perFloor!: number;
}
