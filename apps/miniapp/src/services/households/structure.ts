import { CreateRoomRangeRequest } from '@linli/contracts';
import { roomLabel, roomRangeProblems, roomsInRange } from '@linli/domain';

/** The range form's fields as typed (text inputs). */
export interface RangeInput {
  unitFrom: string;
  unitTo: string;
  floorFrom: string;
  floorTo: string;
  perFloor: string;
}

/** The typed range as numbers, when every field is a whole number. */
export function parseRange(input: RangeInput): CreateRoomRangeRequest | null {
  const values = Object.values(input).map((v) => v.trim());
  if (values.some((v) => !/^\d+$/.test(v))) return null;
  return {
    unitFrom: Number(input.unitFrom),
    unitTo: Number(input.unitTo),
    floorFrom: Number(input.floorFrom),
    floorTo: Number(input.floorTo),
    perFloor: Number(input.perFloor),
  };
}

/**
 * What the range form will do, said before it is sent: "将生成 36 户：8栋1单元101室 至 8栋2单元1802室",
 * or why it cannot (the same rule the server applies).
 */
export function rangePreview(
  buildingName: string,
  input: RangeInput,
): { ok: boolean; text: string } {
  const range = parseRange(input);
  if (!range) return { ok: false, text: '请填写单元、楼层和每层户数（整数）' };
  const problems = roomRangeProblems(range);
  if (problems.length > 0) return { ok: false, text: problems[0].message };
  const rooms = roomsInRange(range);
  const first = rooms[0];
  const last = rooms[rooms.length - 1];
  const says = (r: { unit: string; number: string }) => roomLabel(buildingName, r.unit, r.number);
  return {
    ok: true,
    text:
      rooms.length === 1
        ? `将生成 1 户：${says(first)}`
        : `将生成 ${rooms.length} 户：${says(first)} 至 ${says(last)}`,
  };
}
