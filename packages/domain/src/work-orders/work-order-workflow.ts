import { WorkOrderStatus } from '@linli/contracts';
import { WorkflowFacts, WorkflowTable, allowedSteps } from '../workflow/workflow-table';

/** What a department does with a work order (工作安排通知单): receive it, then report it done. */
export type WorkOrderStep = 'accept' | 'complete';

/** Only the head of the order's department (in the order's community) works it. */
export type WorkOrderRelation = 'departmentHead';

export const WORK_ORDER_WORKFLOW: WorkflowTable<WorkOrderStatus, WorkOrderStep, WorkOrderRelation> =
  [
    { action: 'accept', from: ['issued'], to: 'accepted', anyOf: ['departmentHead'] },
    { action: 'complete', from: ['accepted'], to: 'done', anyOf: ['departmentHead'] },
  ];

/** Why a step cannot be taken from `status` (Chinese, for the head who tried it). */
export function workOrderStepConflict(status: WorkOrderStatus, step: WorkOrderStep): string {
  if (status === 'done') return '该工作安排已完成';
  return step === 'accept' ? '该工作安排已接收' : '请先接收该工作安排';
}

/** The buttons the mini-program shows. */
export function workOrderActions(
  status: WorkOrderStatus,
  facts: WorkflowFacts<WorkOrderRelation>,
): { canAccept: boolean; canComplete: boolean } {
  const steps = allowedSteps(WORK_ORDER_WORKFLOW, status, facts);
  return { canAccept: steps.includes('accept'), canComplete: steps.includes('complete') };
}

/** The company's limit on a work order's deadline: after now, and at most this many days ahead (a configurable default). */
export const WORK_ORDER_MAX_DAYS = 30;

/** Why `dueAt` is not an acceptable deadline (Chinese), or null. */
export function workOrderDueProblem(
  dueAt: Date,
  now: Date,
  maxDays = WORK_ORDER_MAX_DAYS,
): string | null {
  if (dueAt.getTime() <= now.getTime()) return '完成时限必须晚于现在';
  if (dueAt.getTime() - now.getTime() > maxDays * 86_400_000)
    return `完成时限不能超过 ${maxDays} 天`;
  return null;
}
