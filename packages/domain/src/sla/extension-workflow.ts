import { ExtensionStatus } from '@linli/contracts';
import { WorkflowTable } from '../workflow/workflow-table';

/** The community manager's decision on a request for more time. */
export type ExtensionStep = 'approve' | 'reject';

/** Who decides: the supervisor of the ticket's community, or an admin of its company. */
export type ExtensionRelation = 'supervisesCommunity' | 'adminsCompany';

/** A pending request is decided once; nothing else moves it (the handler asks for a new one after a refusal). */
export const EXTENSION_WORKFLOW: WorkflowTable<ExtensionStatus, ExtensionStep, ExtensionRelation> =
  [
    {
      action: 'approve',
      from: ['pending'],
      to: 'approved',
      anyOf: ['supervisesCommunity', 'adminsCompany'],
    },
    {
      action: 'reject',
      from: ['pending'],
      to: 'rejected',
      anyOf: ['supervisesCommunity', 'adminsCompany'],
    },
  ];
