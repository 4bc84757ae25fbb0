/** Time limits (SLA) shared by server and mini-program (domain.md §6). The rules live in @linli/domain. */

/** The moments a ticket is timed to. */
export enum SlaMilestone {
  Respond = 'respond',
  Arrive = 'arrive',
  Resolve = 'resolve',
  Reply = 'reply',
}

export const SLA_MILESTONE_LABELS: Record<SlaMilestone, string> = {
  [SlaMilestone.Respond]: '响应',
  [SlaMilestone.Arrive]: '到场',
  [SlaMilestone.Resolve]: '处理完成',
  [SlaMilestone.Reply]: '答复',
};

/** A limit is data: minutes on the wall clock, or "within N working days". */
export type SlaLimit = { kind: 'wall'; minutes: number } | { kind: 'workingDays'; days: number };

/** 'paused': the resident is holding things up and the clock is stopped. */
export type SlaState = 'ok' | 'warning' | 'breached' | 'paused';

export const SLA_STATE_LABELS: Record<SlaState, string> = {
  ok: '正常',
  warning: '即将超时',
  breached: '已超时',
  paused: '已暂停',
};
