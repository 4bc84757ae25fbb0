import { importSummary, rejectionLine } from './household-sheet';

describe('household sheet import results', () => {
  it('summarises what an import created and matched', () => {
    expect(
      importSummary({
        rooms: { created: 3, existing: 2 },
        households: { created: 3 },
        members: { created: 4, existing: 1 },
        rejected: [],
      }),
    ).toEqual([
      '新建房屋 3 间，已有房屋 2 间',
      '新建住户档案 3 户',
      '新登记住户 4 人，已登记 1 人（未重复登记）',
    ]);
  });

  it('names a rejected row by its sheet row number', () => {
    expect(rejectionLine({ row: 1002, reason: '手机号“123”格式不正确，应为 11 位手机号' })).toBe(
      '第 1002 行：手机号“123”格式不正确，应为 11 位手机号',
    );
  });
});
