import { MemberRole } from '@linli/contracts';
import { isValidMobile, isValidResidentId } from './identity';

/**
 * The household spreadsheet (住户资料表) property offices keep: one row per member of a room's
 * household, or a room alone when 姓名 is empty. Pure: reading cells into validated rows, and
 * writing rows back as cells. The server reads and writes the files (xlsx / csv) and the database.
 */

export const HOUSEHOLD_SHEET_COLUMNS = [
  '楼栋',
  '单元',
  '房号',
  '姓名',
  '身份',
  '关系',
  '手机号',
  '入住日期',
  '证件号',
] as const;
export type HouseholdSheetColumn = (typeof HOUSEHOLD_SHEET_COLUMNS)[number];

/** Columns the header must have; 证件号 may be left out of older sheets. */
const REQUIRED_COLUMNS: readonly HouseholdSheetColumn[] = HOUSEHOLD_SHEET_COLUMNS.filter(
  (c) => c !== '证件号',
);

/** How the sheet names each role (what offices write). */
export const SHEET_ROLE_LABELS: Record<MemberRole, string> = {
  [MemberRole.Owner]: '业主',
  [MemberRole.Family]: '家庭成员',
  [MemberRole.Tenant]: '租户',
  [MemberRole.Relative]: '亲属',
};

/** Also accepted when reading: the app's own labels and common variants. */
const ROLE_ALIASES: Record<string, MemberRole> = {
  业主: MemberRole.Owner,
  产权人: MemberRole.Owner,
  家庭成员: MemberRole.Family,
  家属: MemberRole.Family,
  租户: MemberRole.Tenant,
  租客: MemberRole.Tenant,
  亲属: MemberRole.Relative,
  借住亲属: MemberRole.Relative,
};

/** At most this many data rows in one file (a very large community has ~10,000 rooms; members more). */
export const HOUSEHOLD_SHEET_MAX_ROWS = 50_000;

/** Lengths of the database columns the values go into. */
const MAX = { building: 50, unit: 20, number: 20, name: 50, relationship: 20 } as const;

/** One validated row. `member` is null for a room-only row (empty 姓名). */
export interface HouseholdSheetRow {
  /** 1-based row number in the sheet (the header is row 1). */
  row: number;
  building: string;
  unit: string;
  number: string;
  /**
   * The member, as the export writes them; `idNumber` is null when empty, and a masked number (from an
   * export) is kept as given, with `idMasked`.
   */
  member: (SheetMemberOut & { idMasked: boolean }) | null;
}

export interface RowRejection {
  row: number;
  reason: string;
}

/** A data row as read from the file: its sheet row number and each column's text (already trimmed or not). */
export interface RawSheetRow {
  row: number;
  cells: Partial<Record<HouseholdSheetColumn, string>>;
}

/** Header cells → where each column is (0-based), or what is missing. */
export function locateColumns(header: readonly string[]): {
  columns: Partial<Record<HouseholdSheetColumn, number>>;
  missing: HouseholdSheetColumn[];
} {
  const columns: Partial<Record<HouseholdSheetColumn, number>> = {};
  header.forEach((cell, i) => {
    const name = normaliseHeader(cell);
    const column = HOUSEHOLD_SHEET_COLUMNS.find((c) => c === name);
    if (column && columns[column] === undefined) columns[column] = i;
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((c) => columns[c] === undefined) };
}

function normaliseHeader(cell: string): string {
  // '手机号*', '入住日期（YYYY-MM-DD）', ' 楼栋 ' are all fine.
  return clean(cell)
    .replace(/[*＊]/g, '')
    .replace(/[（(].*[)）]$/, '')
    .trim();
}

/** Unicode NFKC (full-width digits and letters → ASCII), no BOM, trimmed. */
export function clean(value: string | undefined | null): string {
  return (value ?? '')
    .replace(/\uFEFF/g, '')
    .normalize('NFKC')
    .trim();
}

/** 'YYYY-MM-DD' (also 'YYYY/M/D', 'YYYY.M.D') → 'YYYY-MM-DD' if it is a real date, else null. */
export function parseSheetDate(value: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (
    y < 1900 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== mo - 1 ||
    date.getUTCDate() !== d
  )
    return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A spreadsheet formula guard written on export (='…' in csv opened by Excel) and removed on import. */
const FORMULA_START = /^[=+\-@]/;
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** The key a room is matched by, as the database's unique index compares (case-insensitively on MySQL). */
export function roomKey(building: string, unit: string, number: string): string {
  return [building, unit, number].map((v) => v.toLowerCase()).join('\u0000');
}

/** Checks one row on its own. */
export function parseSheetRow(
  raw: RawSheetRow,
): { ok: HouseholdSheetRow } | { rejected: RowRejection } {
  const v = (c: HouseholdSheetColumn) => unguardFormula(clean(raw.cells[c]));
  const problems: string[] = [];
  const building = v('楼栋');
  const unit = v('单元');
  // '101室' is how people write it; the label adds 室 itself.
  const number = v('房号').replace(/室$/, '');
  const name = v('姓名');
  if (!building) problems.push('楼栋不能为空');
  else if (building.length > MAX.building) problems.push(`楼栋不能超过 ${MAX.building} 个字`);
  if (!unit) problems.push('单元不能为空');
  else if (unit.length > MAX.unit) problems.push(`单元不能超过 ${MAX.unit} 个字`);
  if (!number) problems.push('房号不能为空');
  else if (number.length > MAX.number) problems.push(`房号不能超过 ${MAX.number} 个字`);

  const roleText = v('身份');
  const relationship = v('关系');
  const phone = v('手机号')
    .replace(/[\s-]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '');
  const dateText = v('入住日期');
  const idText = v('证件号').replace(/\s/g, '').toUpperCase();

  let member: HouseholdSheetRow['member'] = null;
  if (!name) {
    if (roleText || relationship || phone || dateText || idText)
      problems.push('填写了住户信息时姓名不能为空（只登记房屋时请留空身份、关系、手机号等）');
  } else {
    if (name.length > MAX.name) problems.push(`姓名不能超过 ${MAX.name} 个字`);
    const role = ROLE_ALIASES[roleText];
    if (!roleText) problems.push('身份不能为空（业主/家庭成员/租户/亲属）');
    else if (!role) problems.push(`身份“${roleText}”无效，应为业主、家庭成员、租户或亲属`);
    if (relationship.length > MAX.relationship)
      problems.push(`关系不能超过 ${MAX.relationship} 个字`);
    // Owners and tenants are who the office calls; a child may have no phone of their own.
    if (!phone && (role === MemberRole.Owner || role === MemberRole.Tenant))
      problems.push(`${SHEET_ROLE_LABELS[role]}的手机号不能为空`);
    else if (phone && !isValidMobile(phone))
      problems.push(`手机号“${phone}”格式不正确，应为 11 位手机号`);
    let moveInDate: string | null = null;
    if (dateText) {
      moveInDate = parseSheetDate(dateText);
      if (!moveInDate) problems.push(`入住日期“${dateText}”无效，应为 YYYY-MM-DD`);
    }
    const idMasked = idText.includes('*');
    if (idText && !idMasked && !isValidResidentId(idText))
      problems.push('证件号不正确（请检查出生日期和校验位）');
    if (role)
      member = {
        name,
        role,
        relationship: relationship || null,
        phone: phone || null,
        moveInDate,
        idNumber: idText || null,
        idMasked,
      };
  }
  if (problems.length > 0) return { rejected: { row: raw.row, reason: problems.join('；') } };
  return { ok: { row: raw.row, building, unit, number, member } };
}

/**
 * Checks every row and the rows against each other (the same person twice in a room, the same room
 * listed twice on its own). Rows are checked all the way, so the office sees every problem at once.
 */
export function validateSheetRows(rawRows: readonly RawSheetRow[]): {
  rows: HouseholdSheetRow[];
  rejected: RowRejection[];
} {
  const rows: HouseholdSheetRow[] = [];
  const rejected: RowRejection[] = [];
  const roomOnly = new Map<string, number>();
  const byPhone = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const raw of rawRows) {
    const parsed = parseSheetRow(raw);
    if ('rejected' in parsed) {
      rejected.push(parsed.rejected);
      continue;
    }
    const r = parsed.ok;
    const room = roomKey(r.building, r.unit, r.number);
    if (!r.member) {
      const first = roomOnly.get(room);
      if (first !== undefined) {
        rejected.push({ row: r.row, reason: `与第 ${first} 行重复（同一房屋）` });
        continue;
      }
      roomOnly.set(room, r.row);
    } else {
      const samePhone = r.member.phone ? byPhone.get(`${room}\u0000${r.member.phone}`) : undefined;
      const sameName = byName.get(`${room}\u0000${r.member.name}`);
      if (samePhone !== undefined || sameName !== undefined) {
        rejected.push({
          row: r.row,
          reason:
            samePhone !== undefined
              ? `与第 ${samePhone} 行重复（同一房屋的手机号 ${r.member.phone}）`
              : `与第 ${sameName} 行重复（同一房屋的住户 ${r.member.name}）`,
        });
        continue;
      }
      if (r.member.phone) byPhone.set(`${room}\u0000${r.member.phone}`, r.row);
      byName.set(`${room}\u0000${r.member.name}`, r.row);
    }
    rows.push(r);
  }
  rejected.sort((a, b) => a.row - b.row);
  return { rows, rejected };
}

/** A member as the sheet writes them (export). */
export interface SheetMemberOut {
  name: string;
  role: MemberRole;
  relationship: string | null;
  phone: string | null;
  moveInDate: string | null;
  idNumber: string | null;
}

/** One exported row's cells, in HOUSEHOLD_SHEET_COLUMNS order. */
export function sheetCells(
  room: { building: string; unit: string; number: string },
  member: SheetMemberOut | null,
): string[] {
  const cells = [
    room.building,
    room.unit,
    room.number,
    member?.name ?? '',
    member ? SHEET_ROLE_LABELS[member.role] : '',
    member?.relationship ?? '',
    member?.phone ?? '',
    member?.moveInDate ?? '',
    member?.idNumber ?? '',
  ];
  return cells.map(guardFormula);
}

/** The template's example row. */
export const HOUSEHOLD_SHEET_EXAMPLE: readonly string[] = [
  '1栋',
  '1单元',
  '101',
  '张三',
  '业主',
  '本人',
  '13800138000',
  '2024-01-01',
  '11010519491231002X',
];
