import { HouseholdDocument } from '@linli/contracts';
import { addMonthsToDateKey, daysBetweenDateKeys, requiredDocuments } from './file-review';

describe('quarterly review dates', () => {
  it.each([
    ['2026-11-23', 3, '2027-02-23'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', 12, '2027-03-31'],
  ])('%s plus %i months is %s', (from, months, to) => {
    expect(addMonthsToDateKey(from, months)).toBe(to);
  });

  it('refuses what is not a date', () => {
    expect(() => addMonthsToDateKey('2026/11/23', 3)).toThrow(RangeError);
  });

  it('counts whole days between China dates, across a year end', () => {
    expect(daysBetweenDateKeys('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetweenDateKeys('2027-01-02', '2026-12-30')).toBe(-3);
    expect(daysBetweenDateKeys('2026-11-23', '2026-11-23')).toBe(0);
  });
});

describe('documents a household file must hold', () => {
  it('the move-in papers always, renovation papers only once the household renovates', () => {
    const plain = requiredDocuments(new Set());
    expect(plain.has(HouseholdDocument.MoveInSignOff)).toBe(true);
    expect(plain.has(HouseholdDocument.RenovationPledge)).toBe(false);
    expect(plain.size).toBe(9);
    const renovating = requiredDocuments(new Set([HouseholdDocument.RenovationAgreement]));
    expect(renovating.has(HouseholdDocument.RenovationPledge)).toBe(true);
    expect(renovating.size).toBe(14);
  });
});
