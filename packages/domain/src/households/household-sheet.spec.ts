import { MemberRole } from '@linli/contracts';
import {
  HOUSEHOLD_SHEET_COLUMNS,
  HOUSEHOLD_SHEET_EXAMPLE,
  locateColumns,
  parseSheetDate,
  parseSheetRow,
  RawSheetRow,
  sheetCells,
  validateSheetRows,
} from './household-sheet';

const row = (
  n: number,
  values: Partial<Record<(typeof HOUSEHOLD_SHEET_COLUMNS)[number], string>>,
): RawSheetRow => ({
  row: n,
  cells: {
    楼栋: '1栋',
    单元: '1单元',
    房号: '101',
    姓名: '张三',
    身份: '业主',
    关系: '本人',
    手机号: '13800138000',
    入住日期: '2024-01-01',
    证件号: '',
    ...values,
  },
});

describe('the household sheet header', () => {
  it('finds the columns in any order, tolerating marks and notes', () => {
    const { columns, missing } = locateColumns([
      '\uFEFF房号',
      '楼栋',
      '单元*',
      '姓名',
      '身份',
      '关系',
      '手机号',
      '入住日期（YYYY-MM-DD）',
    ]);
    expect(missing).toEqual([]);
    expect(columns).toMatchObject({ 房号: 0, 楼栋: 1, 单元: 2, 入住日期: 7 });
    expect(columns.证件号).toBeUndefined();
  });

  it('names the missing columns', () => {
    expect(locateColumns(['楼栋', '房号', '姓名']).missing).toEqual([
      '单元',
      '身份',
      '关系',
      '手机号',
      '入住日期',
    ]);
  });
});

describe('a household sheet row', () => {
  it('reads a member, normalising full-width digits, dates and ID letters', () => {
    const parsed = parseSheetRow(
      row(2, {
        房号: '１０１',
        入住日期: '2024/3/5',
        证件号: '11010519491231002x',
        身份: '家属',
        手机号: '138 0013 8000',
      }),
    );
    expect(parsed).toEqual({
      ok: {
        row: 2,
        building: '1栋',
        unit: '1单元',
        number: '101',
        member: {
          name: '张三',
          role: MemberRole.Family,
          relationship: '本人',
          phone: '13800138000',
          moveInDate: '2024-03-05',
          idNumber: '11010519491231002X',
          idMasked: false,
        },
      },
    });
  });

  it('drops a trailing 室 from the room number and the +86 country code from the phone', () => {
    expect(parseSheetRow(row(2, { 房号: '101室', 手机号: '+86 138-0013-8000' }))).toMatchObject({
      ok: { number: '101', member: { phone: '13800138000' } },
    });
  });

  it('reads a room alone when 姓名 and the member columns are empty', () => {
    const parsed = parseSheetRow(
      row(3, { 姓名: '', 身份: '', 关系: '', 手机号: '', 入住日期: '' }),
    );
    expect(parsed).toEqual({
      ok: { row: 3, building: '1栋', unit: '1单元', number: '101', member: null },
    });
  });

  it('gives every problem of a row in Chinese at once', () => {
    const parsed = parseSheetRow(
      row(7, {
        楼栋: '',
        身份: '房东',
        手机号: '12345',
        入住日期: '2024-02-30',
        证件号: '110105194912310021',
      }),
    );
    expect(parsed).toEqual({
      rejected: {
        row: 7,
        reason:
          '楼栋不能为空；身份“房东”无效，应为业主、家庭成员、租户或亲属；手机号“12345”格式不正确，应为 11 位手机号；入住日期“2024-02-30”无效，应为 YYYY-MM-DD；证件号不正确（请检查出生日期和校验位）',
      },
    });
  });

  it('requires a phone for owners and tenants, not for a child', () => {
    expect(parseSheetRow(row(2, { 身份: '租户', 手机号: '' }))).toEqual({
      rejected: { row: 2, reason: '租户的手机号不能为空' },
    });
    expect(parseSheetRow(row(2, { 身份: '家庭成员', 关系: '儿子', 手机号: '' }))).toMatchObject({
      ok: { member: { phone: null, role: MemberRole.Family } },
    });
  });

  it('refuses member details without a name', () => {
    expect(parseSheetRow(row(4, { 姓名: '' }))).toEqual({
      rejected: { row: 4, reason: expect.stringContaining('姓名不能为空') },
    });
  });

  it('keeps a masked ID number (from an export) as masked rather than rejecting it', () => {
    expect(parseSheetRow(row(2, { 证件号: '110***********002X' }))).toMatchObject({
      ok: { member: { idNumber: '110***********002X', idMasked: true } },
    });
  });

  it('removes the formula guard written on export', () => {
    expect(parseSheetRow(row(2, { 姓名: "'=张三" }))).toMatchObject({
      ok: { member: { name: '=张三' } },
    });
    expect(
      sheetCells(
        { building: '1栋', unit: '1单元', number: '101' },
        {
          name: '=张三',
          role: MemberRole.Owner,
          relationship: null,
          phone: null,
          moveInDate: null,
          idNumber: null,
        },
      )[3],
    ).toBe("'=张三");
  });
});

describe('the rows against each other', () => {
  it('rejects the same person twice in a room (by phone or by name) and a room listed twice, citing the first row', () => {
    const { rows, rejected } = validateSheetRows([
      row(2, {}),
      row(3, { 姓名: '张三丰' }), // same phone, same room
      row(4, { 手机号: '13900139000' }), // same name, same room
      row(5, { 房号: '102' }), // another room: fine
      row(6, { 房号: '103', 姓名: '', 身份: '', 关系: '', 手机号: '', 入住日期: '' }),
      row(7, { 房号: '103', 姓名: '', 身份: '', 关系: '', 手机号: '', 入住日期: '' }),
      row(8, { 身份: '?' }),
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 5, 6]);
    expect(rejected).toEqual([
      { row: 3, reason: '与第 2 行重复（同一房屋的手机号 13800138000）' },
      { row: 4, reason: '与第 2 行重复（同一房屋的住户 张三）' },
      { row: 7, reason: '与第 6 行重复（同一房屋）' },
      { row: 8, reason: '身份“?”无效，应为业主、家庭成员、租户或亲属' },
    ]);
  });

  it('treats rooms that differ only in letter case as the same room (as MySQL does)', () => {
    const { rejected } = validateSheetRows([row(2, { 单元: 'A座' }), row(3, { 单元: 'a座' })]);
    expect(rejected).toHaveLength(1);
  });
});

describe('dates', () => {
  it.each([
    ['2024-01-01', '2024-01-01'],
    ['2024/1/1', '2024-01-01'],
    ['2024.12.31', '2024-12-31'],
    ['2023-02-29', null],
    ['01/01/2024', null],
    ['2024-1', null],
  ])('%s → %s', (text, expected) => {
    expect(parseSheetDate(text)).toBe(expected);
  });
});

describe('the template example', () => {
  it('is itself a valid row', () => {
    const cells = Object.fromEntries(
      HOUSEHOLD_SHEET_COLUMNS.map((c, i) => [c, HOUSEHOLD_SHEET_EXAMPLE[i]]),
    );
    expect(parseSheetRow({ row: 2, cells })).toHaveProperty('ok');
  });
});
