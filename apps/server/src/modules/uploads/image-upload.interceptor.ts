import { ErrorCode, UPLOAD_FIELD, UPLOAD_MAX_BYTES } from '@linli/contracts';
import { AppException } from '../../common/errors/app-exception';
import { oneFileUpload } from '../../common/http/one-file-upload';

/** Receives one image in the multipart field `file`, at most UPLOAD_MAX_BYTES, mapping multer's errors to our codes. */
export const ImageUploadInterceptor = oneFileUpload(UPLOAD_FIELD, UPLOAD_MAX_BYTES, (err) => {
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new AppException(ErrorCode.UPLOAD_TOO_LARGE);
    case 'LIMIT_FILE_COUNT':
      return new AppException(ErrorCode.UPLOAD_TOO_MANY, '每次只能上传一张图片');
    case 'LIMIT_UNEXPECTED_FILE':
      return err.field === UPLOAD_FIELD
        ? new AppException(ErrorCode.UPLOAD_TOO_MANY, '每次只能上传一张图片')
        : new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
            { field: err.field ?? 'file', message: `图片请放在 ${UPLOAD_FIELD} 字段` },
          ]);
    default:
      return new AppException(ErrorCode.VALIDATION_FAILED, '上传内容格式不正确');
  }
});
