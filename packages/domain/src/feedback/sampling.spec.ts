import { drawMonthlySample, mulberry32, SampleCandidate, seededShuffle, shareOf } from './sampling';

const complaints = (n: number, majors: number[] = []): SampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `t${String(i).padStart(3, '0')}`,
    major: majors.includes(i),
  }));

describe('shareOf rounds up in integers', () => {
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [9, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [20, 10, 2],
    [21, 10, 3],
    [10, 30, 3],
    [1, 30, 1],
    [4, 30, 2],
    [0, 50, 0],
    [1, 50, 1],
    [9, 50, 5],
    [10, 50, 5],
    [11, 50, 6],
    [7, 100, 7],
  ])('ceil(%i × %i%%) = %i', (n, pct, size) => {
    expect(shareOf(n, pct)).toBe(size);
  });
  it.each([
    [-1, 10],
    [1.5, 10],
    [3, 101],
    [3, -5],
  ])('refuses %p × %p%%', (n, pct) => {
    expect(() => shareOf(n, pct)).toThrow(RangeError);
  });
});

describe('drawMonthlySample', () => {
  it.each([
    // complaints, formal (10%), in person (30% of formal), supervisor (50%)
    [0, 0, 0, 0],
    [1, 1, 1, 1],
    [9, 1, 1, 5],
    [10, 1, 1, 5],
    [11, 2, 1, 6],
    [40, 4, 2, 20],
  ])(
    '%i complaints: %i formal, %i in person, %i checked by the supervisor',
    (n, formal, inPerson, supervisor) => {
      const s = drawMonthlySample(complaints(n), 42);
      expect([s.formalSize, s.inPersonSize, s.supervisorSize]).toEqual([
        formal,
        inPerson,
        supervisor,
      ]);
      expect(s.items.filter((i) => i.formal)).toHaveLength(formal);
      expect(s.items.filter((i) => i.inPerson)).toHaveLength(inPerson);
      expect(s.items.filter((i) => i.supervisorCheck)).toHaveLength(supervisor);
      expect(s.items.filter((i) => i.inPerson).every((i) => i.formal)).toBe(true);
    },
  );

  it('always includes every major complaint in the supervisor check, even beyond 50%', () => {
    const s = drawMonthlySample(complaints(4, [0, 1, 2]), 7);
    expect(s.supervisorSize).toBe(3);
    const majors = s.items.filter((i) => i.reasons.includes('major')).map((i) => i.id);
    expect(majors).toEqual(['t000', 't001', 't002']);
    expect(s.items.filter((i) => i.supervisorCheck).map((i) => i.id)).toEqual([
      't000',
      't001',
      't002',
    ]);
  });

  it('adds random ones to the majors up to 50%', () => {
    const s = drawMonthlySample(complaints(10, [3]), 99);
    expect(s.items.filter((i) => i.supervisorCheck)).toHaveLength(5);
    expect(s.items.find((i) => i.id === 't003')?.reasons).toContain('major');
  });

  it('is reproducible from the seed and independent of row order', () => {
    const list = complaints(30, [5]);
    const a = drawMonthlySample(list, 123456);
    const b = drawMonthlySample([...list].reverse(), 123456);
    expect(b).toEqual(a);
    const c = drawMonthlySample(list, 654321);
    expect(c.items.map((i) => i.id)).not.toEqual(a.items.map((i) => i.id));
  });
});

describe('mulberry32', () => {
  it('gives the same sequence for the same seed on every platform (seed 1: 0.627073…, 0.002735…, 0.527447…)', () => {
    const r = mulberry32(1);
    expect([r(), r(), r()].map((x) => Math.floor(x * 1e6))).toEqual([627073, 2735, 527447]);
  });
  it('shuffles to a permutation', () => {
    const out = seededShuffle([1, 2, 3, 4, 5], mulberry32(3));
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
