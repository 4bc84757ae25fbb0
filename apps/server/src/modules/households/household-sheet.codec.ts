import { ErrorCode, HouseholdSheetFormat } from '@linli/contracts';
import { HOUSEHOLD_SHEET_COLUMNS, HOUSEHOLD_SHEET_MAX_ROWS } from '@linli/domain';
import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppException } from '../../common/errors/app-exception';

/**
 * Reading and writing the household sheet as .xlsx or .csv with exceljs. Only file handling lives
 * here: cells in and out as text. What the rows mean is in @linli/domain (household-sheet.ts).
 */

export const SHEET_NAME = '住户资料';

export const SHEET_MIME: Record<HouseholdSheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Columns Excel must keep as text (or 101 → 101.0, 13800138000 → 1.38E+10, leading zeros lost). */
const TEXT_COLUMNS = new Set(['单元', '房号', '手机号', '入住日期', '证件号']);
const WIDTHS: Record<string, number> = {
  楼栋: 10,
  单元: 10,
  房号: 10,
  姓名: 12,
  身份: 10,
  关系: 10,
  手机号: 15,
  入住日期: 13,
  证件号: 22,
};

export interface ReadSheet {
  header: string[];
  /** Data rows with their 1-based sheet row numbers; blank rows left out. */
  rows: { row: number; values: string[] }[];
}

const unreadable = (message?: string) =>
  new AppException(ErrorCode.HOUSEHOLD_SHEET_UNREADABLE, message);

/** Reads the first worksheet of an .xlsx, or a .csv (UTF-8 with or without BOM, or GBK as Excel saves it on Chinese Windows). */
export async function readSheet(data: Buffer): Promise<ReadSheet> {
  const workbook = new ExcelJS.Workbook();
  let worksheet: ExcelJS.Worksheet | undefined;
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    try {
      await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    } catch {
      throw unreadable('无法读取该 Excel 文件，请确认文件未损坏，或另存为 .xlsx 后重试');
    }
    worksheet = workbook.worksheets[0];
  } else if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw unreadable('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后重新导入');
  } else {
    const text = decodeText(data);
    if (text.includes('\u0000')) throw unreadable();
    // Identity map: every cell stays text (exceljs would turn 18-digit ID numbers into imprecise numbers).
    worksheet = await workbook.csv
      .read(Readable.from([text]), { map: (value: string) => value })
      .catch(() => {
        throw unreadable('无法读取该 CSV 文件，请使用导入模板');
      });
  }
  if (!worksheet) throw unreadable('表格中没有工作表');

  let header: string[] | null = null;
  const rows: ReadSheet['rows'] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (values.every((v) => v.trim() === '')) return;
    if (!header) header = values;
    else rows.push({ row: rowNumber, values });
  });
  if (!header) throw unreadable('表格是空的，请使用导入模板填写后再导入');
  if (rows.length > HOUSEHOLD_SHEET_MAX_ROWS)
    throw unreadable(`一次最多导入 ${HOUSEHOLD_SHEET_MAX_ROWS} 行，请拆分后分批导入`);
  return { header, rows };
}

/** UTF-8 (BOM or not) when it decodes cleanly; otherwise GB18030, a superset of GBK. */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(data);
    } catch {
      throw unreadable('无法识别文件编码，请将 CSV 另存为 UTF-8 编码');
    }
  }
}

/** A cell as the office sees it: dates as YYYY-MM-DD, whole numbers without decimals, rich text flattened. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Excel stores a date without a time zone; exceljs reads it as that day at 00:00 UTC.
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return String(value.text ?? '');
    if ('error' in value) return '';
    if ('text' in value) return String((value as { text: unknown }).text ?? '');
  }
  return String(value);
}

/** A workbook of the sheet's header and the given rows (already cells, in HOUSEHOLD_SHEET_COLUMNS order). */
export async function writeSheet(
  rows: readonly (readonly string[])[],
  format: HouseholdSheetFormat,
  notes: readonly string[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '邻里';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HOUSEHOLD_SHEET_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: WIDTHS[c],
    style: TEXT_COLUMNS.has(c) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows.map((r) => [...r]));
  if (format === 'csv') {
    // With a BOM, Excel on Chinese Windows opens UTF-8 CSV without garbling it.
    const csv = await workbook.csv.writeBuffer({
      sheetName: SHEET_NAME,
      formatterOptions: { writeBOM: true },
    });
    return Buffer.from(csv);
  }
  if (notes.length > 0) {
    const help = workbook.addWorksheet('填写说明');
    help.getColumn(1).width = 100;
    notes.forEach((n) => help.addRow([n]));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
