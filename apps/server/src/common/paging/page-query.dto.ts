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
import { ErrorCode, PageQuery } from '@linli/contracts';
import { decodeCursor, PAGE_SIZE } from '@linli/domain';
import { AppException } from '../errors/app-exception';

const BAD_CURSOR = '翻页位置无效，请刷新列表后重试';

/**
 * The 400 of a cursor that decodes but names no row the list can continue from (e.g. a ticket that does
 * not exist): the same answer as a malformed one.
 */
export const invalidCursor = (): AppException =>
  new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
    { field: 'cursor', message: BAD_CURSOR },
  ]);

@ValidatorConstraint({ name: 'pageCursor' })
class PageCursor implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && decodeCursor(value) !== null;
  }
  defaultMessage(): string {
    return BAD_CURSOR;
  }
}

/** `?cursor=&limit=` of every list that grows with history; a bad one is a 400 with a Chinese message. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor（不透明字符串）' })
  @IsOptional()
  @IsString({ message: BAD_CURSOR })
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
