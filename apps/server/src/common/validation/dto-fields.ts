import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

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

/** An optional free text: trimmed, at most `max` characters (`message` when longer). */
export const OptionalText = (max: number, message: string, api: ApiPropertyOptions = {}) =>
  stacked(
    ApiPropertyOptional(api),
    IsOptional(),
    Transform(trim),
    IsString(),
    MaxLength(max, { message }),
  );

/** The optional reason given with a yes or no (an owner's decision): trimmed, at most 200 characters. */
export const OptionalReason = () => OptionalText(200, '说明不超过 200 个字');

/** A yes or no decision (`approve`), with the message shown when it is missing. */
export const Approval = (description: string, message: string) =>
  stacked(ApiProperty({ description }), IsBoolean({ message }));

/** The reason given with a refusal (required by the service when refusing): trimmed, at most 200 characters. */
export const RefusalReason = (description: string) =>
  OptionalText(200, '原因不超过 200 个字', { description });

/** A required text field, trimmed (`message` when it is missing or not text). */
export const TrimmedText = (message: string, api: ApiPropertyOptions = {}) =>
  stacked(ApiProperty(api), Transform(trim), IsString({ message }));

/** What staff write down about a paper they received (`what`: 书面同意, 书面授权): trimmed, 1 to 200 characters. */
export const WrittenNote = (description: string, what: string) =>
  stacked(
    ApiProperty({ description }),
    Transform(trim),
    IsString({ message: `请写明${what}的内容` }),
    Length(1, 200, { message: `${what}说明需要 1 到 200 个字` }),
  );

/** The messages for a value's type and its two bounds. */
interface BoundMessages {
  type: string;
  min: string;
  max: string;
}

/** A whole number from `min` to `max`. */
export const IntBetween = (min: number, max: number, m: BoundMessages) =>
  stacked(IsInt({ message: m.type }), Min(min, { message: m.min }), Max(max, { message: m.max }));

/** A text of `min` to `max` characters. */
export const TextBetween = (min: number, max: number, m: BoundMessages) =>
  stacked(
    IsString({ message: m.type }),
    MinLength(min, { message: m.min }),
    MaxLength(max, { message: m.max }),
  );

/** An optional text of at most `max` characters (not trimmed). */
export const OptionalString = (max: number, m: Omit<BoundMessages, 'min'>) =>
  stacked(IsOptional(), IsString({ message: m.type }), MaxLength(max, { message: m.max }));

/** The buildings a message or a campaign is for, of the community (at most 200; none means all). */
export const BuildingIds = () =>
  stacked(
    IsArray({ message: '请选择楼栋' }),
    ArrayMaxSize(200, { message: '楼栋太多' }),
    IsUUID('all', { each: true, message: '请选择本小区的楼栋' }),
  );
