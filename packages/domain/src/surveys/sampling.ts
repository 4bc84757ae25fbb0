import { SampleSource, SurveyRoundKind } from '@linli/contracts';
import { mulberry32 } from '../random/seeded-random';

/**
 * Who is asked (domain brief §9). The sample is drawn per building (stratified): in each building,
 * ceil(rate × occupied households of that building) are drawn at random, so every building with an
 * occupied household is represented and the total is never under the rate (it may exceed it by less
 * than one household per building). Households contacted by a survey inside the recontact window are
 * kept out of the random draw; an annual survey also takes every household that complained since the
 * last annual survey (counted apart, never part of the random draw). The draw is reproducible: the same
 * seed and the same households give the same sample.
 */
export interface SamplingRules {
  /** Percent of occupied households drawn at random, per kind. */
  ratePercent: Record<SurveyRoundKind, number>;
  /** Households surveyed within this many days stay out of random draws. */
  recontactDays: number;
}

export const DEFAULT_SAMPLING_RULES: SamplingRules = {
  ratePercent: { monthly: 5, annual: 50, ad_hoc: 5 },
  recontactDays: 90,
};

export interface SampleCandidate {
  householdId: string;
  buildingId: string;
  /** When the household was last invited to any round, if ever. */
  lastSurveyedAt: Date | null;
  /** Complained or raised a grievance since the last annual survey. */
  complainer: boolean;
}

export interface DrawnHousehold {
  householdId: string;
  buildingId: string;
  source: SampleSource;
}

export interface SampleDraw {
  households: DrawnHousehold[];
  /** Per building: occupied households, the random target, how many were drawn at random, complainers. */
  byBuilding: {
    buildingId: string;
    occupied: number;
    target: number;
    random: number;
    complainers: number;
  }[];
  recontactExcluded: number;
  /** Random draws the buildings could not fill (everyone left was inside the recontact window). */
  shortfall: number;
}

/** ceil(rate% × n) in integers (no floating point at the edge: 5% of 20 is exactly 1). */
export function stratumTarget(occupied: number, ratePercent: number): number {
  if (occupied <= 0) return 0;
  return Math.ceil((occupied * ratePercent) / 100 - 1e-9);
}

/** mulberry32: a small, well-known 32-bit PRNG. Same seed, same sequence, on every platform. */
export const seededRandom = mulberry32;

/** The first `k` of a Fisher–Yates shuffle of `items` (sorted first, so input order does not matter). */
export function drawK<T>(
  items: readonly T[],
  k: number,
  random: () => number,
  key: (t: T) => string,
): T[] {
  const pool = [...items].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a household surveyed at `last` is still inside the recontact window at `now`. */
export function inRecontactWindow(last: Date | null, now: Date, recontactDays: number): boolean {
  return (
    last !== null && recontactDays > 0 && now.getTime() - last.getTime() < recontactDays * DAY_MS
  );
}

/** Draws the sample of a round of `kind` among the occupied households `candidates`, at `now`. */
export function drawSample(
  candidates: readonly SampleCandidate[],
  kind: SurveyRoundKind,
  seed: number,
  now: Date,
  rules: SamplingRules = DEFAULT_SAMPLING_RULES,
): SampleDraw {
  const random = seededRandom(seed);
  const rate = rules.ratePercent[kind];
  const buildings = [...new Set(candidates.map((c) => c.buildingId))].sort();
  const households: DrawnHousehold[] = [];
  const byBuilding: SampleDraw['byBuilding'] = [];
  let recontactExcluded = 0;
  let shortfall = 0;
  for (const buildingId of buildings) {
    const inBuilding = candidates.filter((c) => c.buildingId === buildingId);
    const targeted = kind === SurveyRoundKind.Annual ? inBuilding.filter((c) => c.complainer) : [];
    const rest = inBuilding.filter((c) => !targeted.includes(c));
    const eligible = rest.filter(
      (c) => !inRecontactWindow(c.lastSurveyedAt, now, rules.recontactDays),
    );
    recontactExcluded += rest.length - eligible.length;
    const target = stratumTarget(inBuilding.length, rate);
    const drawn = drawK(eligible, target, random, (c) => c.householdId);
    shortfall += Math.max(0, Math.min(target, rest.length) - drawn.length);
    households.push(
      ...drawn.map((c) => ({ householdId: c.householdId, buildingId, source: 'random' as const })),
    );
    households.push(
      ...[...targeted]
        .sort((x, y) => (x.householdId < y.householdId ? -1 : 1))
        .map((c) => ({ householdId: c.householdId, buildingId, source: 'complainer' as const })),
    );
    byBuilding.push({
      buildingId,
      occupied: inBuilding.length,
      target,
      random: drawn.length,
      complainers: targeted.length,
    });
  }
  return { households, byBuilding, recontactExcluded, shortfall };
}
