/**
 * Who gets a new ticket (派单): the assistant on duty for its building now (the 24 h lobby rota); if
 * several are on duty, the least loaded of them; with nobody on duty, the least loaded of the assistants
 * who serve the building. Ties go to the smaller id, so the choice is the same on every instance.
 * The database only fetches the candidates with their open-ticket counts; the rule lives here.
 */

/** One assistant who could take the ticket, with how many open tickets they hold now. */
export interface DispatchCandidate {
  id: string;
  name: string;
  /** On the duty rota for the ticket's building at the moment of the submit. */
  onDuty: boolean;
  /** Serves the ticket's building (assistant_building). */
  serving: boolean;
  openCount: number;
}

const leastLoaded = (a: DispatchCandidate, b: DispatchCandidate) =>
  a.openCount - b.openCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The assistant a new ticket goes to, or null when the building has nobody (it waits unassigned). */
export function pickAssignee(
  candidates: readonly DispatchCandidate[],
): { id: string; name: string } | null {
  const onDuty = candidates.filter((c) => c.onDuty);
  const pool = onDuty.length > 0 ? onDuty : candidates.filter((c) => c.serving);
  const best = [...pool].sort(leastLoaded)[0];
  return best ? { id: best.id, name: best.name } : null;
}
