import {
  normaliseRoomNumber,
  normaliseUnit,
  roomLabel,
  roomNumberOf,
  roomRangeProblems,
  roomsInRange,
} from './structure';

describe('room labels', () => {
  it.each([
    ['1栋', '1单元', '101', '1栋1单元101室'],
    ['甲栋', '2单元', '1802', '甲栋2单元1802室'],
  ])('%s %s %s is said %s', (building, unit, number, label) => {
    expect(roomLabel(building, unit, number)).toBe(label);
  });

  it.each([
    ['1', '1单元'],
    ['０２', '2单元'],
    [' 1单元 ', '1单元'],
    ['东单元', '东单元'],
  ])('unit %j is %j', (input, unit) => {
    expect(normaliseUnit(input)).toBe(unit);
  });

  it.each([
    ['101室', '101'],
    ['１０２', '102'],
    ['B1', 'B1'],
  ])('room number %j is %j', (input, number) => {
    expect(normaliseRoomNumber(input)).toBe(number);
  });

  it.each([
    [1, 1, '101'],
    [18, 2, '1802'],
    [3, 12, '312'],
  ])('floor %i, room %i is numbered %s', (floor, index, number) => {
    expect(roomNumberOf(floor, index)).toBe(number);
  });
});

describe('generating a range of rooms', () => {
  it('units 1–2 × floors 1–18 × 2 per floor: 72 rooms, unit by unit, floor by floor', () => {
    const rooms = roomsInRange({ unitFrom: 1, unitTo: 2, floorFrom: 1, floorTo: 18, perFloor: 2 });
    expect(rooms).toHaveLength(72);
    expect(rooms.slice(0, 3)).toEqual([
      { unit: '1单元', number: '101' },
      { unit: '1单元', number: '102' },
      { unit: '1单元', number: '201' },
    ]);
    expect(rooms.at(-1)).toEqual({ unit: '2单元', number: '1802' });
    expect(new Set(rooms.map((r) => `${r.unit}${r.number}`)).size).toBe(72);
  });

  it('accepts a sensible range', () => {
    expect(
      roomRangeProblems({ unitFrom: 1, unitTo: 2, floorFrom: 1, floorTo: 18, perFloor: 2 }),
    ).toEqual([]);
  });

  it.each([
    [{ unitFrom: 0, unitTo: 2, floorFrom: 1, floorTo: 18, perFloor: 2 }, 'unitFrom'],
    [{ unitFrom: 1, unitTo: 2, floorFrom: 1, floorTo: 100, perFloor: 2 }, 'floorTo'],
    [{ unitFrom: 1, unitTo: 2, floorFrom: 1, floorTo: 18, perFloor: 1.5 }, 'perFloor'],
    [{ unitFrom: 2, unitTo: 1, floorFrom: 1, floorTo: 18, perFloor: 2 }, 'unitTo'],
    [{ unitFrom: 1, unitTo: 1, floorFrom: 9, floorTo: 3, perFloor: 2 }, 'floorTo'],
    [{ unitFrom: 1, unitTo: 30, floorFrom: 1, floorTo: 99, perFloor: 20 }, 'range'],
  ])('refuses %j (field %s)', (range, field) => {
    const problems = roomRangeProblems(range);
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});
