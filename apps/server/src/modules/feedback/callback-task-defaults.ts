import { CallbackTask } from './entities/callback-task.entity';

/** A callback nobody has worked on yet: not escalated, no attempt, no outcome, not done. */
export const NOT_YET_CALLED = {
  escalatedAt: null,
  attempts: 0,
  outcome: null,
  channel: null,
  residentWords: null,
  signatureId: null,
  doneAt: null,
  doneById: null,
} satisfies Partial<CallbackTask>;
