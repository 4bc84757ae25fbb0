import { fieldTypeOf, isValidField, shapeField } from './subscribe-fields';

describe('subscribe message fields', () => {
  it.each([
    ['thing2', 'thing'],
    ['character_string9', 'character_string'],
    ['phrase10', 'phrase'],
    ['time12', 'time'],
    ['banana3', null],
  ])('%s is a %s field', (key, type) => {
    expect(fieldTypeOf(key)).toBe(type);
  });

  it('cuts a thing to 20 characters, counting Chinese characters as one', () => {
    const shaped = shapeField('thing', '厨房水管漏水，楼下天花板也在滴水，请尽快派人处理，谢谢')!;
    expect(Array.from(shaped)).toHaveLength(20);
    expect(shaped.endsWith('…')).toBe(true);
    expect(shapeField('thing', '  灯泡坏了  ')).toBe('灯泡坏了');
  });

  it('keeps only up to five Chinese characters in a phrase', () => {
    expect(shapeField('phrase', '已受理')).toBe('已受理');
    expect(shapeField('phrase', '师傅正在上门处理')).toBe('师傅正在上');
    expect(shapeField('phrase', 'OK!')).toBeNull();
  });

  it('writes instants in China time', () => {
    expect(shapeField('time', new Date('2026-10-01T18:05:00Z'))).toBe('2026年10月2日 02:05');
    expect(shapeField('date', new Date('2026-10-01T01:00:00Z'))).toBe('2026年10月1日 09:00');
  });

  it('keeps character strings ASCII and within 32', () => {
    expect(shapeField('character_string', 'BX20261122-0007')).toBe('BX20261122-0007');
    expect(shapeField('character_string', '工单BX1')).toBe('BX1');
    expect(shapeField('character_string', 'x'.repeat(40))).toHaveLength(32);
  });

  it.each([
    ['amount', '12.5元', '¥12.5'],
    ['amount', 'abc', null],
    ['phone_number', '400-800-1234', '400-800-1234'],
    ['number', '12a', null],
    ['name', '王女士', '王女士'],
  ] as const)('%s(%s) → %s', (type, value, shaped) => {
    expect(shapeField(type, value)).toBe(shaped);
  });

  it('refuses empty values instead of sending them', () => {
    expect(shapeField('thing', '   ')).toBeNull();
    expect(shapeField('time', new Date(Number.NaN))).toBeNull();
  });

  it('validates shaped values', () => {
    expect(isValidField('phrase', '处理中')).toBe(true);
    expect(isValidField('phrase', '处理中处理中')).toBe(false);
    expect(isValidField('thing', 'a'.repeat(21))).toBe(false);
  });
});
