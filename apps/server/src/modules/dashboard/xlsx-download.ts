import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx as an attachment with its Chinese file name (RFC 5987) and an ASCII fallback. */
export function xlsxDownload(
  res: Response,
  file: { filename: string; data: Buffer },
): StreamableFile {
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="linli-report.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.data, { type: XLSX, length: file.data.length });
}
