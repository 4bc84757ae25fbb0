import * as ExcelJS from 'exceljs';
import { ReportContent } from './report-content';

/**
 * An .xlsx built only from a report's stored content, so a report downloads the same every time. The
 * workbook's own timestamps are pinned to the issue time for the same reason.
 */
export async function reportWorkbook(content: ReportContent, issuedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '邻里 Linli';
  book.created = issuedAt;
  book.modified = issuedAt;
  for (const sheet of content.sheets) {
    const ws = book.addWorksheet(sheet.name.slice(0, 31));
    for (const line of sheet.heading) ws.addRow([line]).font = { bold: ws.rowCount === 1 };
    if (sheet.heading.length) ws.addRow([]);
    const header = ws.addRow(sheet.columns);
    header.font = { bold: true };
    header.eachCell(
      (cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5EE' } }),
    );
    for (const row of sheet.rows) ws.addRow(row);
    sheet.columns.forEach((title, i) => {
      const widest = Math.max(
        title.length * 2,
        ...sheet.rows.map((r) => String(r[i] ?? '').length * 1.6),
      );
      ws.getColumn(i + 1).width = Math.min(40, Math.max(10, Math.ceil(widest)));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
