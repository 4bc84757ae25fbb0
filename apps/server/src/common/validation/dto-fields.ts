import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** Trims a string body field before it is validated; anything else passes through. */
export const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/**
 * The decorators as if written one above the other, the first on top: TypeScript applies stacked
 * decorators bottom-up, and so does this, so validation messages keep their order.
 */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };
}

/** A person's name as a form gives it: trimmed, 1 to 50 characters. */
export const PersonName = () =>
  stacked(
    ApiProperty(),
    Transform(trim),
    IsString({ message: '请填写姓名' }),
    Length(1, 50, { message: '姓名需要 1 到 50 个字' }),
  );

/** The optional reason given with a yes or no (an owner's decision): trimmed, at most 200 characters. */
export const OptionalReason = () =>
  stacked(
    ApiPropertyOptional(),
    IsOptional(),
    Transform(trim),
    IsString(),
    MaxLength(200, { message: '说明不超过 200 个字' }),
  );
