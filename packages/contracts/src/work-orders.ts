/** Escalation slips and work orders (工作传签单, 工作安排通知单: docs/domain-rules.md §7). */
export type DepartmentName = 'engineering' | 'environment' | 'security' | 'customer_service';

export const DEPARTMENT_NAMES: Record<DepartmentName, string> = {
  engineering: '工程部',
  environment: '环境部',
  security: '秩序部',
  customer_service: '客服部',
};

export type WorkOrderStatus = 'issued' | 'accepted' | 'done';

export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = {
  issued: '待接收',
  accepted: '处理中',
  done: '已完成',
};

export interface WorkOrderDto {
  id: string;
  code: string;
  department: DepartmentName;
  departmentLabel: string;
  instructions: string;
  dueAt: string;
  status: WorkOrderStatus;
  /** The ticket it is about, if any. */
  ticketId: string | null;
  ticketCode: string | null;
  issuedByName: string | null;
  issuedAt: string;
  acceptedByName: string | null;
  acceptedAt: string | null;
  doneAt: string | null;
  result: string | null;
  /** Past its due time and not done. */
  late: boolean;
  /** What the current user may do now. */
  canAccept: boolean;
  canComplete: boolean;
}

/** POST /api/work-orders (supervisors) */
export interface IssueWorkOrderRequest {
  department: DepartmentName;
  instructions: string;
  dueAt: string;
  ticketId?: string;
}

/** POST /api/work-orders/:id/done */
export interface CompleteWorkOrderRequest {
  result: string;
}

/** POST /api/tickets/:id/escalation-slip (the assignee) */
export interface EscalationSlipRequest {
  version: number;
  reason: string;
}

/** A duty shift (值班, docs/domain-rules.md §2: 24 h lobby duty by rota): who is on duty for a building when. */
export interface DutyShiftDto {
  id: string;
  buildingId: string;
  buildingName: string;
  assistantId: string;
  assistantName: string;
  startsAt: string;
  endsAt: string;
  /** On duty at this moment. */
  current: boolean;
}

/** POST /api/duty-shifts (supervisors) */
export interface CreateDutyShiftRequest {
  buildingId: string;
  assistantId: string;
  startsAt: string;
  endsAt: string;
}

/** An assistant of the community, for the rota form. */
export interface AssistantOptionDto {
  id: string;
  name: string;
}
