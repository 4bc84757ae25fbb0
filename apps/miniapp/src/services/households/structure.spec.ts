import { parseRange, rangePreview } from './structure';

const typed = (
  unitFrom: string,
  unitTo: string,
  floorFrom: string,
  floorTo: string,
  perFloor: string,
) => ({ unitFrom, unitTo, floorFrom, floorTo, perFloor });

describe('the room range form', () => {
  it('says how many rooms it will make, first to last, in the import’s labels', () => {
    expect(rangePreview('8栋', typed('1', '2', '1', '18', '2'))).toEqual({
      ok: true,
      text: '将生成 72 户：8栋1单元101室 至 8栋2单元1802室',
    });
    expect(rangePreview('A座', typed('1', '1', '3', '3', '1'))).toEqual({
      ok: true,
      text: '将生成 1 户：A座1单元301室',
    });
  });

  it.each([
    [typed('', '2', '1', '18', '2'), '请填写单元、楼层和每层户数（整数）'],
    [typed('1', '2', '1.5', '18', '2'), '请填写单元、楼层和每层户数（整数）'],
    [typed('1', '2', '9', '3', '2'), '结束楼层不能小于起始楼层'],
  ])('refuses %j: %s', (input, text) => {
    expect(rangePreview('8栋', input)).toEqual({ ok: false, text });
  });

  it('parses whole numbers only', () => {
    expect(parseRange(typed('1', '2', '1', '18', '2'))).toEqual({
      unitFrom: 1,
      unitTo: 2,
      floorFrom: 1,
      floorTo: 18,
      perFloor: 2,
    });
    expect(parseRange(typed('1', '二', '1', '18', '2'))).toBeNull();
  });
});
