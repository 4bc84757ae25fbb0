import type { CloseOutageRequest, CreateOutageRequest, OutageNoticeDto, Page, PageQuery } from '..';
import { get, post } from './endpoint';

/** outages: the routes its controllers declare. */
export const outagesEndpoints = {
  outages: get('/api/outages')<PageQuery, Page<OutageNoticeDto>>(),
  currentOutages: get('/api/outages/current')<void, OutageNoticeDto[]>(),
  createOutage: post('/api/outages')<CreateOutageRequest, OutageNoticeDto>(),
  closeOutage: post('/api/outages/:id/close')<CloseOutageRequest, OutageNoticeDto>(),
};
