import { ErrorCode, ERROR_MESSAGES, ReleaseSlipDto } from '@linli/contracts';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one exception business code throws: a stable code from packages/contracts, a Chinese message
 * (the code's default unless something more specific helps the user) and, for validation, the fields.
 * The HTTP status is decided by the exception filter alone.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldError[],
    /** For HOUSEHOLD_IMPORT_REJECTED: the rejected rows of an import. */
    readonly rejected?: { row: number; reason: string }[],
    /** For the guard's refusals: the slip that was checked (who used it, when). */
    readonly releaseSlip?: ReleaseSlipDto,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppException';
  }
}
