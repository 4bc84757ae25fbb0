/**
 * The monthly callback sample (domain brief §8), as pure functions. Shares are whole percentages and
 * every size is rounded UP (ceil), computed in integers so 30% of 10 is exactly 3, never 4:
 *   formal sample   = ceil(complaints × 10%)       0→0, 1→1, 9→1, 10→1, 11→2
 *   in person       = ceil(formal sample × 30%)    1→1, 3→1, 4→2
 *   supervisor check = max(ceil(handled × 50%), major complaints)  — every major complaint is included.
 */
import { mulberry32 } from '../random/seeded-random';
export interface SamplingPolicy {
  formalSharePct: number;
  inPersonSharePct: number;
  supervisorSharePct: number;
}

export const DEFAULT_SAMPLING_POLICY: SamplingPolicy = {
  formalSharePct: 10,
  inPersonSharePct: 30,
  supervisorSharePct: 50,
};

/** ceil(n × pct / 100) in integer arithmetic. */
export function shareOf(n: number, pct: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  if (!Number.isInteger(pct) || pct < 0 || pct > 100)
    throw new RangeError(`not a percentage: ${pct}`);
  return Math.floor((n * pct + 99) / 100);
}

export { mulberry32 };

/** Fisher–Yates shuffle driven by `random`; returns a new array. */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface SampleCandidate {
  id: string;
  /** A major complaint (serious): always in the supervisor's check. */
  major: boolean;
}

export type SampleReason = 'major' | 'supervisor_random' | 'formal_random';

export const SAMPLE_REASON_LABELS: Record<SampleReason, string> = {
  major: '重大投诉，主任必查',
  supervisor_random: '随机抽中，主任抽查',
  formal_random: '随机抽中，正式回访',
};

export interface SampledItem {
  id: string;
  reasons: SampleReason[];
  /** In the formal sample and chosen for an in-person callback with the resident's signature. */
  inPerson: boolean;
  formal: boolean;
  supervisorCheck: boolean;
}

export interface MonthlySample {
  formalSize: number;
  inPersonSize: number;
  supervisorSize: number;
  /** Chosen tickets in candidate order (stable to read), each with why it was chosen. */
  items: SampledItem[];
}

/**
 * Draw the month's sample from the month's handled valid complaints, reproducibly from `seed`.
 * Candidates are sorted by id first so the database's row order cannot change the draw.
 * Formal sample: a shuffle of all candidates, the first `formalSize`; the first `inPersonSize` of
 * those are in person. Supervisor check: every major complaint, then non-major ones from a second
 * shuffle until the 50% share is reached.
 */
export function drawMonthlySample(
  candidates: readonly SampleCandidate[],
  seed: number,
  policy: SamplingPolicy = DEFAULT_SAMPLING_POLICY,
): MonthlySample {
  const sorted = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = mulberry32(seed);
  const formalSize = shareOf(sorted.length, policy.formalSharePct);
  const inPersonSize = shareOf(formalSize, policy.inPersonSharePct);
  const formal = seededShuffle(sorted, random).slice(0, formalSize);
  const inPerson = new Set(formal.slice(0, inPersonSize).map((c) => c.id));
  const majors = sorted.filter((c) => c.major);
  const supervisorSize = Math.max(shareOf(sorted.length, policy.supervisorSharePct), majors.length);
  const others = seededShuffle(
    sorted.filter((c) => !c.major),
    random,
  ).slice(0, supervisorSize - majors.length);
  const supervisor = new Set([...majors, ...others].map((c) => c.id));
  const formalIds = new Set(formal.map((c) => c.id));
  const items: SampledItem[] = [];
  for (const c of sorted) {
    const reasons: SampleReason[] = [];
    if (c.major) reasons.push('major');
    else if (supervisor.has(c.id)) reasons.push('supervisor_random');
    if (formalIds.has(c.id)) reasons.push('formal_random');
    if (reasons.length === 0) continue;
    items.push({
      id: c.id,
      reasons,
      inPerson: inPerson.has(c.id),
      formal: formalIds.has(c.id),
      supervisorCheck: supervisor.has(c.id),
    });
  }
  return { formalSize, inPersonSize, supervisorSize, items };
}

/** A fresh 32-bit seed from any source of randomness (the server passes crypto); stored with the draw. */
export function seedFrom(random: () => number): number {
  return Math.floor(random() * 4294967296) >>> 0;
}
