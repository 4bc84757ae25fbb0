import { ApiProperty } from '@nestjs/swagger';
import {
  IsObject,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { SubscribeAnswer, SubscriptionResultsRequest } from '@linli/contracts';

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

@ValidatorConstraint({ name: 'subscribeAnswers' })
class SubscribeAnswers implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (!value || typeof value !== 'object') return false;
    const entries = Object.entries(value as Record<string, unknown>);
    return (
      entries.length <= 20 &&
      entries.every(
        ([k, v]) => k.length > 0 && k.length <= 64 && typeof v === 'string' && ANSWERS.includes(v),
      )
    );
  }
}

export class SubscriptionResultsDto implements SubscriptionResultsRequest {
  @ApiProperty({
    example: { 'template-id': 'accept' },
    description: '模板 id → accept / reject / ban / filter',
  })
  @IsObject({ message: '订阅结果格式不正确' })
  @Validate(SubscribeAnswers, { message: '订阅结果只能是 accept、reject、ban 或 filter' })
  results!: Record<string, SubscribeAnswer>;
}
