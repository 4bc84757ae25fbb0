import {
  ApiEndpoints as E,
  CallTaskStatus,
  CommunityTicketFilter,
  HOUSEHOLD_SHEET_FIELD,
  HouseholdSheetFormat,
  OutboxStatusName,
  UPLOAD_FIELD,
} from '@linli/contracts';
import { call, createClient, downloadTo, page, uploadTo } from '../request/client';

export { downloadTo };

/**
 * Every API call the mini-program makes. Each method is generated from its entry in the endpoint map
 * (@linli/contracts, `ApiEndpoints`): path parameters in order, then the body or query. The few below
 * keep their older signatures (a cursor, a filter) or do special work (uploads, downloads).
 */
export const api = {
  ...createClient(E),
  myTickets: (cursor: string | null = null) => call(E.myTickets, page(cursor)),
  myQueue: (cursor: string | null = null) => call(E.myQueue, page(cursor)),
  communityTickets: (filter: CommunityTicketFilter, cursor: string | null = null) =>
    call(E.communityTickets, { filter, ...page(cursor) }),
  notifications: (cursor: string | null = null) => call(E.notifications, page(cursor)),
  householdNotes: (id: string, cursor: string) => call(E.householdNotes, id, page(cursor)),
  householdTimeline: (id: string, cursor: string) => call(E.householdTimeline, id, page(cursor)),
  householdReads: (id: string, cursor: string | null = null) =>
    call(E.householdReads, id, page(cursor)),
  householdReadLog: (cursor: string | null = null) => call(E.householdReadLog, page(cursor)),
  callTasks: (status: CallTaskStatus, cursor: string | null = null) =>
    call(E.callTasks, { status, ...page(cursor) }),
  adminOutbox: (status: OutboxStatusName, cursor: string | null = null) =>
    call(E.adminOutbox, { status, ...page(cursor) }),
  workOrders: (cursor: string | null = null) => call(E.workOrders, page(cursor)),
  outages: (cursor: string | null = null) => call(E.outages, page(cursor)),
  calendar: (year: number) => call(E.calendar, { year }),
  officeMoveOuts: (householdId?: string) => call(E.officeMoveOuts, { householdId }),
  officeMoveIns: (householdId?: string) => call(E.officeMoveIns, { householdId }),
  /** Uploads one local photo (a path from Taro.chooseMedia); the server checks its type and size. */
  upload: (filePath: string) => uploadTo(E.upload, [], filePath, UPLOAD_FIELD),
  /** Imports a household sheet (a path from Taro.chooseMessageFile); all rows or none. */
  importHouseholdSheet: (communityId: string, filePath: string) =>
    uploadTo(E.importHouseholdSheet, [communityId], filePath, HOUSEHOLD_SHEET_FIELD),
  /** Downloads the import template or the community's export to a local temporary file. */
  downloadHouseholdSheet: (
    communityId: string,
    which: 'template' | 'export',
    format: HouseholdSheetFormat = 'xlsx',
  ) =>
    downloadTo(
      which === 'template' ? E.householdSheetTemplate : E.householdSheetExport,
      communityId,
      { format },
    ),
};
