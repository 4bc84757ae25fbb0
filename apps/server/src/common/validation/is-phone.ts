import { ValidateBy, ValidationOptions } from 'class-validator';
import { PhoneKind, isValidPhone } from '@linli/domain';

/** A DTO field holding a phone number of `kind`, checked by the domain's one phone rule. */
export function IsPhone(
  kind: PhoneKind,
  options: ValidationOptions & { message: string },
): PropertyDecorator {
  return ValidateBy(
    {
      name: `isPhone:${kind}`,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidPhone(value, kind),
      },
    },
    options,
  );
}
