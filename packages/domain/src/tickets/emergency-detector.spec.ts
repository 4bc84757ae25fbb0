import { detectEmergency } from './emergency-detector';

describe('detectEmergency', () => {
  it.each([
    ['厨房水管漏水了，地上全是水', ['漏水']],
    ['楼上跑水，我家天花板在滴水', ['跑水']],
    ['家里突然停电了', ['停电']],
    ['卫生间马桶堵了', ['堵塞']],
    ['电梯里有人被困', ['被困']],
    ['配电箱冒烟', ['冒烟']],
    ['停水了而且停电', ['停电', '停水']],
    ['请问物业费怎么交', []],
    ['门口的灯泡坏了', []],
  ])('%s → %j', (text, labels) => {
    expect(detectEmergency(text).sort()).toEqual([...labels].sort());
  });

  it('takes a company keyword list instead of the default', () => {
    expect(detectEmergency('有蛇进屋了', [{ word: '蛇', label: '动物入侵' }])).toEqual([
      '动物入侵',
    ]);
    expect(detectEmergency('漏水', [{ word: '蛇', label: '动物入侵' }])).toEqual([]);
  });
});
