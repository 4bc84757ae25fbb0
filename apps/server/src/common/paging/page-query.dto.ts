import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { PageQuery } from '@linli/contracts';
import { decodeCursor, PAGE_SIZE } from '@linli/domain';

@ValidatorConstraint({ name: 'pageCursor' })
class PageCursor implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && decodeCursor(value) !== null;
  }
  defaultMessage(): string {
    return '翻页位置无效，请刷新列表后重试';
  }
}

/** `?cursor=&limit=` of every list that grows with history; a bad one is a 400 with a Chinese message. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor（不透明字符串）' })
  @IsOptional()
  @IsString({ message: '翻页位置无效，请刷新列表后重试' })
  @Validate(PageCursor)
  cursor?: string;

  @ApiPropertyOptional({
    default: PAGE_SIZE.default,
    minimum: PAGE_SIZE.min,
    maximum: PAGE_SIZE.max,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数必须是整数' })
  @Min(PAGE_SIZE.min, { message: `每页条数至少为 ${PAGE_SIZE.min}` })
  @Max(PAGE_SIZE.max, { message: `每页条数最多为 ${PAGE_SIZE.max}` })
  limit?: number;
}
