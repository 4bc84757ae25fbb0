import { ApiEndpoints, CareEndpoints, CommunityTicketFilter, get } from '@linli/contracts';

const request = jest.fn();
const downloadFile = jest.fn();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    request: (...args: unknown[]) => request(...args),
    downloadFile: (...args: unknown[]) => downloadFile(...args),
    getStorageSync: () => '',
    setStorageSync: () => undefined,
    removeStorageSync: () => undefined,
  },
}));

import { api } from '../api/api';
import { careApi } from '../api/care-api';
import { call, createClient, urlOf } from './client';

const sent = () => request.mock.calls.at(-1)![0] as { url: string; method: string; data?: unknown };

beforeEach(() => {
  request.mockReset();
  request.mockResolvedValue({ statusCode: 200, data: { ok: true } });
});

describe('the client generated from the endpoint map', () => {
  it('fills path parameters in order, URI-encoded', () => {
    expect(urlOf(ApiEndpoints.removeMember, ['a/b', 'c d', {}])).toBe(
      '/api/households/a%2Fb/members/c%20d/remove',
    );
    expect(urlOf(get('/api/x/:one/y/:two')(), ['?', '#'])).toBe('/api/x/%3F/y/%23');
  });

  it("sends a GET's request object as the query string, leaving out what is not set", async () => {
    await call(CareEndpoints.calendar, { communityId: 'c&1', year: undefined });
    expect(sent()).toMatchObject({ method: 'GET', url: '/api/care/calendar?communityId=c%261' });
    expect(sent().data).toBeUndefined();
    await api.communityTickets(CommunityTicketFilter.AtRisk, 'next=1');
    expect(sent().url).toBe('/api/tickets/community?filter=at_risk&cursor=next%3D1');
    await api.myTickets();
    expect(sent().url).toBe('/api/tickets/mine');
    await api.myQueue();
    expect(sent().url).toBe('/api/tickets/queue');
    await api.myQueue('next=2');
    expect(sent().url).toBe('/api/tickets/queue?cursor=next%3D2');
  });

  it("sends a POST's or PUT's request object as the JSON body, with the entry's method", async () => {
    await api.act('t 1', { action: 'accept' } as never);
    expect(sent()).toMatchObject({
      method: 'POST',
      url: '/api/tickets/t%201/actions',
      data: { action: 'accept' },
    });
    await api.recordDocument('h1', 'lease', { note: 'x' } as never);
    expect(sent()).toMatchObject({ method: 'PUT', url: '/api/households/h1/documents/lease' });
    await api.approveJoinRequest('j1');
    expect(sent()).toMatchObject({
      method: 'POST',
      url: '/api/join-requests/j1/approve',
      data: {},
    });
    await careApi.send('c1');
    expect(sent()).toMatchObject({ method: 'POST', url: '/api/care/campaigns/c1/send', data: {} });
  });

  it('uses DELETE for a delete entry and answers with the JSON body', async () => {
    request.mockResolvedValueOnce({ statusCode: 200, data: [{ userId: 'u' }] });
    await expect(api.unassignAssistant('b1', 'u1')).resolves.toEqual([{ userId: 'u' }]);
    expect(sent()).toMatchObject({
      method: 'DELETE',
      url: '/api/structure/buildings/b1/assistants/u1',
    });
  });

  it('makes one method per entry of a group', () => {
    const client = createClient({ one: get('/api/one')(), two: get('/api/two/:id')() });
    expect(Object.keys(client).sort()).toEqual(['one', 'two']);
    for (const name of Object.keys(ApiEndpoints)) expect(typeof api[name as 'me']).toBe('function');
  });

  it('downloads a file endpoint with its query', async () => {
    downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: '/tmp/x.xlsx' });
    await expect(api.downloadHouseholdSheet('c1', 'export', 'csv')).resolves.toBe('/tmp/x.xlsx');
    expect((downloadFile.mock.calls[0][0] as { url: string }).url).toBe(
      '/api/communities/c1/household-sheet/export?format=csv',
    );
  });
});
