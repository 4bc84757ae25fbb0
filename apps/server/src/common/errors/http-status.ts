import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@linli/contracts';

/** The transport's view of each error code. Exhaustive: a new code does not compile until it is placed here. */
export function httpStatusFor(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.SURVEY_ANSWER_INVALID:
    case ErrorCode.TICKET_CATEGORY_UNKNOWN:
    case ErrorCode.TICKET_REASON_REQUIRED:
    case ErrorCode.HOUSEHOLD_INVITE_INVALID:
    case ErrorCode.PHONE_CODE_INVALID:
    case ErrorCode.UPLOAD_MISSING:
    case ErrorCode.UPLOAD_TOO_MANY:
    case ErrorCode.HOUSEHOLD_SHEET_UNREADABLE:
    case ErrorCode.MOVE_OUT_DATE_INVALID:
    case ErrorCode.CALLBACK_SIGNATURE_REQUIRED:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.HOUSEHOLD_IMPORT_REJECTED:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.AUTH_TOKEN_INVALID:
    case ErrorCode.AUTH_WECHAT_CODE_INVALID:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.FORBIDDEN:
    case ErrorCode.SURVEY_NOT_INVITED:
    case ErrorCode.AUTH_NOT_REGISTERED:
    case ErrorCode.AUTH_WECHAT_RISKY_USER:
    case ErrorCode.TICKET_NO_HOUSEHOLD:
    case ErrorCode.CLOCK_DISABLED:
    case ErrorCode.MEMBER_REMOVE_NOT_ALLOWED:
    case ErrorCode.MEMBER_EDIT_NOT_ALLOWED:
    case ErrorCode.MOVE_OUT_NOT_A_MEMBER:
    case ErrorCode.MOVE_OUT_OWNER_ONLY:
    case ErrorCode.MOVE_IN_NOT_A_MEMBER:
    case ErrorCode.MOVE_IN_OWNER_ONLY:
    case ErrorCode.CALLBACK_HANDLER_NOT_ALLOWED:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NOT_FOUND:
    case ErrorCode.DEMO_PERSONA_UNKNOWN:
    case ErrorCode.TICKET_NOT_FOUND:
    case ErrorCode.HOUSEHOLD_NOT_FOUND:
    case ErrorCode.HOUSEHOLD_PHONE_NOT_FOUND:
    case ErrorCode.HOUSEHOLD_DOCUMENT_UNKNOWN:
    case ErrorCode.HOUSEHOLD_DOCUMENT_NOT_ON_FILE:
    case ErrorCode.UPLOAD_NOT_FOUND:
    case ErrorCode.CALL_TASK_NOT_FOUND:
    case ErrorCode.OUTBOX_MESSAGE_NOT_FOUND:
    case ErrorCode.EXTENSION_NOT_FOUND:
    case ErrorCode.ROOM_NOT_FOUND:
    case ErrorCode.JOIN_REQUEST_NOT_FOUND:
    case ErrorCode.MEMBER_NOT_FOUND:
    case ErrorCode.MOVE_OUT_NOT_FOUND:
    case ErrorCode.RELEASE_SLIP_INVALID:
    case ErrorCode.MOVE_IN_NOT_FOUND:
    case ErrorCode.REPORT_NOT_FOUND:
    case ErrorCode.CALLBACK_NOT_FOUND:
    case ErrorCode.SURVEY_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.CONFLICT:
    case ErrorCode.TICKET_STALE:
    case ErrorCode.TICKET_ACTION_NOT_ALLOWED:
    case ErrorCode.HOUSEHOLD_ALREADY_BOUND:
    case ErrorCode.CALL_TASK_DONE:
    case ErrorCode.TICKET_CHASE_NOT_DUE:
    case ErrorCode.OUTBOX_NOT_RETRYABLE:
    case ErrorCode.EXTENSION_NOT_ALLOWED:
    case ErrorCode.EXTENSION_PENDING:
    case ErrorCode.EXTENSION_DECIDED:
    case ErrorCode.JOIN_REQUEST_DUPLICATE:
    case ErrorCode.JOIN_REQUEST_ALREADY_MEMBER:
    case ErrorCode.BUILDING_NAME_TAKEN:
    case ErrorCode.ROOM_NUMBER_TAKEN:
    case ErrorCode.BUILDING_IN_USE:
    case ErrorCode.ROOM_IN_USE:
    case ErrorCode.JOIN_REQUEST_DECIDED:
    case ErrorCode.MOVE_OUT_STATE:
    case ErrorCode.MOVE_OUT_NEEDS_OWNER:
    case ErrorCode.MOVE_OUT_FEES_UNSETTLED:
    case ErrorCode.MOVE_OUT_NOT_YET_USED:
    case ErrorCode.RELEASE_SLIP_USED:
    case ErrorCode.RELEASE_SLIP_NOT_YET_VALID:
    case ErrorCode.MOVE_IN_STATE:
    case ErrorCode.MOVE_IN_INCOMPLETE:
    case ErrorCode.MOVE_IN_ALREADY_REGISTERED:
    case ErrorCode.RATING_NOT_ALLOWED:
    case ErrorCode.RATING_ALREADY_GIVEN:
    case ErrorCode.CALLBACK_CLOSED:
    case ErrorCode.SURVEY_STATE:
    case ErrorCode.SURVEY_ALREADY_COMPLETED:
    case ErrorCode.QUESTIONNAIRE_FROZEN:
      return HttpStatus.CONFLICT;
    case ErrorCode.RELEASE_SLIP_EXPIRED:
    case ErrorCode.SURVEY_WINDOW_CLOSED:
      return HttpStatus.GONE;
    case ErrorCode.CAMPAIGN_NOT_FOUND:
    case ErrorCode.CARE_RECIPIENT_NOT_FOUND:
    case ErrorCode.NOTICE_NOT_FOUND:
    case ErrorCode.EVENT_NOT_FOUND:
    case ErrorCode.EVENT_CODE_INVALID:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.EVENT_SIGNUP_STATE:
      return HttpStatus.CONFLICT;
    case ErrorCode.CAMPAIGN_STATE:
    case ErrorCode.GIFT_STATE:
      return HttpStatus.CONFLICT;
    case ErrorCode.GIFT_PROOF_REQUIRED:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.UPLOAD_TOO_LARGE:
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.UPLOAD_TYPE_NOT_ALLOWED:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case ErrorCode.RATE_LIMITED:
    case ErrorCode.TICKET_CHASE_TOO_SOON:
    case ErrorCode.AUTH_WECHAT_RATE_LIMITED:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.AUTH_WECHAT_UNAVAILABLE:
    case ErrorCode.DATABASE_UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.NETWORK:
      return HttpStatus.BAD_GATEWAY;
    case ErrorCode.INTERNAL:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unhandled: never = code;
      throw new Error(`no HTTP status for error code ${String(unhandled)}`);
    }
  }
}

/** For exceptions that did not come from our code (Nest's router, body parser, multer…). */
export function errorCodeForStatus(status: number): ErrorCode {
  if (status === HttpStatus.BAD_REQUEST) return ErrorCode.VALIDATION_FAILED;
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status === HttpStatus.UNAUTHORIZED) return ErrorCode.UNAUTHENTICATED;
  if (status === HttpStatus.FORBIDDEN) return ErrorCode.FORBIDDEN;
  if (status === HttpStatus.NOT_FOUND || status === HttpStatus.METHOD_NOT_ALLOWED)
    return ErrorCode.NOT_FOUND;
  if (status === HttpStatus.CONFLICT) return ErrorCode.CONFLICT;
  if (status === HttpStatus.TOO_MANY_REQUESTS) return ErrorCode.RATE_LIMITED;
  return ErrorCode.INTERNAL;
}
