import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@linli/contracts';
import { AppException, FieldError } from '../errors/app-exception';

const CJK = /[\u4e00-\u9fff]/;

/** Chinese wording for class-validator's built-in messages, when a DTO did not give its own. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许提交此字段',
  isString: '必须是文本',
  isNotEmpty: '不能为空',
  isInt: '必须是整数',
  isBoolean: '必须是 true 或 false',
  isEnum: '取值无效',
  isArray: '必须是列表',
  isUuid: '格式无效',
  isIso8601: '必须是 ISO-8601 时间',
  isDateString: '必须是 ISO-8601 时间',
  maxLength: '内容太长',
  minLength: '内容太短',
  arrayMaxSize: '数量太多',
  min: '数值太小',
  max: '数值太大',
};

/** Flatten nested class-validator errors into one Chinese message per field path (e.g. "photoIds.0"). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      const [name, message] = constraints[0];
      fields.push({
        field,
        message: CJK.test(message) ? message : (CONSTRAINT_MESSAGES[name] ?? '格式不正确'),
      });
    }
    if (error.children?.length) fields.push(...toFieldErrors(error.children, field));
  }
  return fields;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new AppException(ErrorCode.VALIDATION_FAILED, undefined, toFieldErrors(errors)),
  });
}
