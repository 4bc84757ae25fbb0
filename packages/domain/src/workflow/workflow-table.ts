/**
 * The shape every stateful workflow shares with the ticket's transition table: rows of "this action,
 * from these states, leads there, for actors standing in one of these relations, when these facts hold".
 * The server asks `decideStep` before it writes (and updates only from `fromOf(action)`, so two clicks at
 * once cannot both win); the mini-program's buttons come from `allowedSteps` over the same rows.
 */

/** The target of an action that is recorded but leaves the state as it was. */
export const KEEPS_STATE = 'keeps_state' as const;

export interface WorkflowRule<
  S extends string,
  A extends string,
  R extends string,
  F extends string = never,
> {
  action: A;
  from: readonly S[];
  to: S | typeof KEEPS_STATE;
  /** The actor must stand in at least one of these relations to the record. */
  anyOf: readonly R[];
  /** Facts about the record that must all hold (e.g. fees not yet recorded as settled). */
  requires?: readonly F[];
}

export type WorkflowTable<
  S extends string,
  A extends string,
  R extends string,
  F extends string = never,
> = readonly WorkflowRule<S, A, R, F>[];

/** Who the actor is to the record, and what holds of the record: each relation and fact true or false. */
export type WorkflowFacts<R extends string, F extends string = never> = Partial<
  Record<R | F, boolean>
>;

export type StepDecision<S extends string> =
  { allowed: true; to: S } | { allowed: false; reason: 'state' | 'actor' | 'condition' };

/** Whether the actor may take `action` on a record in `state`; pure, the server enforces the result. */
export function decideStep<
  S extends string,
  A extends string,
  R extends string,
  F extends string = never,
>(
  table: WorkflowTable<S, A, R, F>,
  state: S,
  action: A,
  facts: WorkflowFacts<R, F>,
): StepDecision<S> {
  // Who may ever take the action is asked first (a stranger is told so, whatever the state), then the
  // state, then the facts. An action may have several rows (e.g. one per capacity, each with its own facts).
  const admits = (r: WorkflowRule<S, A, R, F>) =>
    r.anyOf.some((relation) => facts[relation] === true);
  const holds = (r: WorkflowRule<S, A, R, F>) =>
    (r.requires ?? []).every((fact) => facts[fact] === true);
  const rules = table.filter((r) => r.action === action);
  if (!rules.some(admits)) return { allowed: false, reason: 'actor' };
  const here = rules.filter((r) => r.from.includes(state));
  if (here.length === 0) return { allowed: false, reason: 'state' };
  if (!here.some(admits)) return { allowed: false, reason: 'actor' };
  const rule = here.find((r) => admits(r) && holds(r));
  if (!rule) return { allowed: false, reason: 'condition' };
  return { allowed: true, to: rule.to === KEEPS_STATE ? state : rule.to };
}

/** The actions the actor may take now, in table order. */
export function allowedSteps<
  S extends string,
  A extends string,
  R extends string,
  F extends string = never,
>(table: WorkflowTable<S, A, R, F>, state: S, facts: WorkflowFacts<R, F>): A[] {
  const actions: A[] = [];
  for (const rule of table) {
    if (!actions.includes(rule.action) && decideStep(table, state, rule.action, facts).allowed)
      actions.push(rule.action);
  }
  return actions;
}

/** The states `action` may start from: the guard of the conditional update that performs it. */
export function fromOf<
  S extends string,
  A extends string,
  R extends string,
  F extends string = never,
>(table: WorkflowTable<S, A, R, F>, action: A): S[] {
  const states: S[] = [];
  for (const rule of table)
    if (rule.action === action) for (const s of rule.from) if (!states.includes(s)) states.push(s);
  return states;
}

/** Where `action` leads from `state`, whoever takes it (for the server's write), or null when it does not apply. */
export function targetOf<
  S extends string,
  A extends string,
  R extends string,
  F extends string = never,
>(table: WorkflowTable<S, A, R, F>, state: S, action: A): S | null {
  const rule = table.find((r) => r.action === action && r.from.includes(state));
  if (!rule) return null;
  return rule.to === KEEPS_STATE ? state : rule.to;
}
