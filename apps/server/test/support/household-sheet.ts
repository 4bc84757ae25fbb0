import { HOUSEHOLD_SHEET_COLUMNS } from '@linli/domain';
import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { Building } from '../../src/modules/org/entities/building.entity';
import { Household } from '../../src/modules/org/entities/household.entity';
import { HouseholdMember } from '../../src/modules/households/entities/household-member.entity';
import { Room } from '../../src/modules/org/entities/room.entity';
import { TestApp } from './test-app';

/** Sheet helpers shared by the household import/export specs. */
export type Cells = string[];
export const HEADER: Cells = [...HOUSEHOLD_SHEET_COLUMNS];

export async function xlsx(rows: Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('住户资料');
  ws.addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const csv = (rows: Cells[], bom = true) =>
  Buffer.from(
    (bom ? '\uFEFF' : '') +
      rows
        .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
        .join('\r\n') +
      '\r\n',
    'utf8',
  );

export async function readXlsx(data: Buffer): Promise<Cells[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const rows: Cells[] = [];
  wb.worksheets[0].eachRow((row) =>
    rows.push(
      (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
}

export async function readCsv(data: Buffer): Promise<Cells[]> {
  const wb = new ExcelJS.Workbook();
  const ws = await wb.csv.read(Readable.from([data.toString('utf8').replace(/^\uFEFF/, '')]), {
    map: (v: string) => v,
  });
  const rows: Cells[] = [];
  ws.eachRow((row) => rows.push((row.values as string[]).slice(1).map((v) => v ?? '')));
  return rows;
}

/** A full row: building, unit, room, then the member's fields (all empty for a room on its own). */
export const r = (
  building: string,
  unit: string,
  number: string,
  name = '',
  role = '',
  relationship = '',
  phone = '',
  date = '',
  id = '',
): Cells => [building, unit, number, name, role, relationship, phone, date, id];

/** How many buildings, rooms, households and members are on file. */
export async function sheetCounts(t: TestApp) {
  const [buildings, rooms, households, members] = await Promise.all([
    t.dataSource.getRepository(Building).count(),
    t.dataSource.getRepository(Room).count(),
    t.dataSource.getRepository(Household).count(),
    t.dataSource.getRepository(HouseholdMember).count(),
  ]);
  return { buildings, rooms, households, members };
}

/** GBK bytes for text (test only): the inverse of Node's GBK decoder, built over the double-byte range. */
export function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`no GBK for ${ch}`);
  }
  return Buffer.from(bytes);
}
