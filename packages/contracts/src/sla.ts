/** Time limits (SLA) shared by server and mini-program (docs/domain-rules.md §6). The rules live in @linli/domain. */

/** The moments a ticket is timed to. */
export enum SlaMilestone {
  Respond = 'respond',
  Arrive = 'arrive',
  Resolve = 'resolve',
  Reply = 'reply',
}

/** Short names, in the words the ticket page uses (管家受理, 上门/到场…): countdowns, messages, the policy table. */
export const SLA_MILESTONE_LABELS: Record<SlaMilestone, string> = {
  [SlaMilestone.Respond]: '受理',
  [SlaMilestone.Arrive]: '到场',
  [SlaMilestone.Resolve]: '处理完成',
  [SlaMilestone.Reply]: '答复',
};

/** A limit is data: minutes on the wall clock, or "within N working days". */
export type SlaLimit =
  | { kind: 'wall'; minutes: number }
  | {
      kind: 'workingDays';
      days: number;
      /**
       * "At the time agreed with the resident, at most N working days" (a ticket's own limit, never a
       * policy's): the agreed instant (ISO); the deadline is the earlier of it and the N working days.
       */
      agreedAt?: string;
    };

/** A time-limit policy of docs/domain-rules.md §6 as a company runs it: the default numbers and its own. */
export interface SlaPolicyDto {
  code: string;
  name: string;
  covers: string;
  kinds: string[];
  defaults: Partial<Record<SlaMilestone, SlaLimit>>;
  effective: Partial<Record<SlaMilestone, SlaLimit>>;
  /** The company changed this policy's numbers. */
  overridden: boolean;
  updatedByName: string | null;
  updatedAt: string | null;
  /** Company admins only. */
  canEdit: boolean;
}

/** PUT /api/admin/sla-policies/:code — per milestone a limit, or null to drop it; milestones not given keep the default. */
export interface UpdateSlaPolicyRequest {
  milestones: Partial<Record<SlaMilestone, SlaLimit | null>>;
}

/** 'paused': the resident is holding things up and the clock is stopped. */
export type SlaState = 'ok' | 'warning' | 'breached' | 'paused';

export const SLA_STATE_LABELS: Record<SlaState, string> = {
  ok: '正常',
  warning: '即将超时',
  breached: '已超时',
  paused: '已暂停',
};
