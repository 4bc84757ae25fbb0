import { clean } from './household-sheet';

/**
 * The place names of a community's structure (docs/domain-rules.md §2: building 栋 → unit entrance 单元 → room 房号)
 * and how rooms are generated in bulk. One label format everywhere: the demo seed, the spreadsheet
 * import and structure management all say a room as 1栋1单元101室.
 */

/** How people say a room: building, unit and number, then 室 (e.g. 1栋1单元101室). */
export function roomLabel(building: string, unit: string, number: string): string {
  return `${building}${unit}${number}室`;
}

/** A building name as typed: NFKC, trimmed ('８栋 ' → '8栋'). */
export function normaliseBuildingName(input: string): string {
  return clean(input);
}

/** A unit as typed: a bare number is the Nth entrance ('1' → '1单元'), anything else is kept as written. */
export function normaliseUnit(input: string): string {
  const unit = clean(input);
  return /^\d+$/.test(unit) ? `${Number(unit)}单元` : unit;
}

/** A room number as typed; '101室' is how people write it, the label adds 室 itself (as the import does). */
export function normaliseRoomNumber(input: string): string {
  return clean(input).replace(/室$/, '');
}

/** The room number of the `index`th room (1-based) on a floor: floor then two digits (1801, 1802; 101). */
export function roomNumberOf(floor: number, index: number): string {
  return `${floor}${String(index).padStart(2, '0')}`;
}

/** A block of rooms to generate: every unit × every floor × so many rooms per floor. */
export interface RoomRange {
  unitFrom: number;
  unitTo: number;
  floorFrom: number;
  floorTo: number;
  perFloor: number;
}

/** Limits of one generation: a tall building has 40-odd floors and a few units; 2,000 rooms at most at once. */
export const ROOM_RANGE_LIMITS = { unit: 30, floor: 99, perFloor: 20, rooms: 2000 } as const;

/** What is wrong with a range, by field, in Chinese; empty when it can be generated. */
export function roomRangeProblems(
  range: RoomRange,
): { field: keyof RoomRange | 'range'; message: string }[] {
  const problems: { field: keyof RoomRange | 'range'; message: string }[] = [];
  const L = ROOM_RANGE_LIMITS;
  const whole = (v: number, min: number, max: number) =>
    Number.isInteger(v) && v >= min && v <= max;
  if (!whole(range.unitFrom, 1, L.unit))
    problems.push({ field: 'unitFrom', message: `起始单元应为 1 到 ${L.unit} 的整数` });
  if (!whole(range.unitTo, 1, L.unit))
    problems.push({ field: 'unitTo', message: `结束单元应为 1 到 ${L.unit} 的整数` });
  if (!whole(range.floorFrom, 1, L.floor))
    problems.push({ field: 'floorFrom', message: `起始楼层应为 1 到 ${L.floor} 的整数` });
  if (!whole(range.floorTo, 1, L.floor))
    problems.push({ field: 'floorTo', message: `结束楼层应为 1 到 ${L.floor} 的整数` });
  if (!whole(range.perFloor, 1, L.perFloor))
    problems.push({ field: 'perFloor', message: `每层户数应为 1 到 ${L.perFloor} 的整数` });
  if (problems.length > 0) return problems;
  if (range.unitTo < range.unitFrom)
    problems.push({ field: 'unitTo', message: '结束单元不能小于起始单元' });
  if (range.floorTo < range.floorFrom)
    problems.push({ field: 'floorTo', message: '结束楼层不能小于起始楼层' });
  if (problems.length > 0) return problems;
  const count =
    (range.unitTo - range.unitFrom + 1) * (range.floorTo - range.floorFrom + 1) * range.perFloor;
  if (count > L.rooms)
    problems.push({
      field: 'range',
      message: `一次最多生成 ${L.rooms} 户，本次为 ${count} 户，请分批添加`,
    });
  return problems;
}

/** The rooms of a range, unit by unit, floor by floor: units 1–2 × floors 1–18 × 2 → 1单元101 … 2单元1802. */
export function roomsInRange(range: RoomRange): { unit: string; number: string }[] {
  const rooms: { unit: string; number: string }[] = [];
  for (let u = range.unitFrom; u <= range.unitTo; u++) {
    for (let floor = range.floorFrom; floor <= range.floorTo; floor++) {
      for (let i = 1; i <= range.perFloor; i++)
        rooms.push({ unit: `${u}单元`, number: roomNumberOf(floor, i) });
    }
  }
  return rooms;
}
