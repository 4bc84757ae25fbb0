import { WorkOrderStatus } from '@linli/contracts';
import { decideStep } from '../workflow/workflow-table';
import {
  WORK_ORDER_WORKFLOW,
  WorkOrderStep,
  workOrderActions,
  workOrderDueProblem,
  workOrderStepConflict,
} from './work-order-workflow';

describe('the work-order workflow', () => {
  // Written out by hand: status → step → target, for the department's head; nobody else may.
  const EXPECTED: Record<WorkOrderStatus, Partial<Record<WorkOrderStep, WorkOrderStatus>>> = {
    issued: { accept: 'accepted' },
    accepted: { complete: 'done' },
    done: {},
  };
  const cases = (['issued', 'accepted', 'done'] as const).flatMap((s) =>
    (['accept', 'complete'] as const).map((step) => [s, step] as const),
  );

  it.each(cases)('%s · %s', (status, step) => {
    const to = EXPECTED[status][step];
    const byHead = decideStep(WORK_ORDER_WORKFLOW, status, step, { departmentHead: true });
    expect(byHead).toEqual(to ? { allowed: true, to } : { allowed: false, reason: 'state' });
    expect(decideStep(WORK_ORDER_WORKFLOW, status, step, { departmentHead: false })).toEqual({
      allowed: false,
      reason: 'actor',
    });
  });

  it('tells the head why a step does not apply', () => {
    expect(workOrderStepConflict('done', 'complete')).toBe('该工作安排已完成');
    expect(workOrderStepConflict('accepted', 'accept')).toBe('该工作安排已接收');
    expect(workOrderStepConflict('issued', 'complete')).toBe('请先接收该工作安排');
  });

  it('shows the buttons from the same rows', () => {
    expect(workOrderActions('issued', { departmentHead: true })).toEqual({
      canAccept: true,
      canComplete: false,
    });
    expect(workOrderActions('accepted', { departmentHead: true })).toEqual({
      canAccept: false,
      canComplete: true,
    });
    expect(workOrderActions('accepted', { departmentHead: false })).toEqual({
      canAccept: false,
      canComplete: false,
    });
  });

  it.each<[string, number, string | null]>([
    ['now', 0, '完成时限必须晚于现在'],
    ['a minute ago', -60_000, '完成时限必须晚于现在'],
    ['in an hour', 3_600_000, null],
    ['in exactly 30 days', 30 * 86_400_000, null],
    ['30 days and a second', 30 * 86_400_000 + 1000, '完成时限不能超过 30 天'],
  ])('a deadline %s', (_, offset, problem) => {
    const now = new Date('2026-12-04T02:00:00Z');
    expect(workOrderDueProblem(new Date(now.getTime() + offset), now)).toBe(problem);
  });
});
