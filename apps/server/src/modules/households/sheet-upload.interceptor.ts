import { ErrorCode, HOUSEHOLD_SHEET_FIELD, HOUSEHOLD_SHEET_MAX_BYTES } from '@linli/contracts';
import { AppException } from '../../common/errors/app-exception';
import { oneFileUpload } from '../../common/http/one-file-upload';

/** Receives one spreadsheet (.xlsx or .csv) in the multipart field `file`, at most HOUSEHOLD_SHEET_MAX_BYTES. */
export const SheetUploadInterceptor = oneFileUpload(
  HOUSEHOLD_SHEET_FIELD,
  HOUSEHOLD_SHEET_MAX_BYTES,
  (err) => {
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return new AppException(
          ErrorCode.UPLOAD_TOO_LARGE,
          `文件太大，不能超过 ${HOUSEHOLD_SHEET_MAX_BYTES / 1024 / 1024}MB，请拆分后分批导入`,
        );
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
          {
            field: err.field ?? HOUSEHOLD_SHEET_FIELD,
            message: `每次只能导入一个文件，请放在 ${HOUSEHOLD_SHEET_FIELD} 字段`,
          },
        ]);
      default:
        return new AppException(ErrorCode.VALIDATION_FAILED, '上传内容格式不正确');
    }
  },
);
