import { DemoPersona, Page } from '@linli/contracts';
import { bearer, loginPersona } from './login';
import { createTestApp, TestApp } from './test-app';

/** The personas the paging specs read pages as. */
export interface PagingWorld {
  t: TestApp;
  resident: string;
  assistant: string;
  assistantId: string;
  supervisor: string;
  newcomer: string;
}

export async function bootPagingWorld(): Promise<PagingWorld> {
  const t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T01:00:00Z'), freeze: true });
  const resident = (await loginPersona(t, DemoPersona.Resident)).token;
  const a = await loginPersona(t, DemoPersona.Assistant);
  const supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const newcomer = (await loginPersona(t, DemoPersona.Newcomer)).token;
  return { t, resident, assistant: a.token, assistantId: a.user.id, supervisor, newcomer };
}

/** Follows nextCursor from the first page to the last; returns every page. */
export async function walkPages<T>(
  t: TestApp,
  route: string,
  token: string,
  query: Record<string, string | number>,
): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const res = await t
      .http()
      .get(route)
      .query(cursor ? { ...query, cursor } : query)
      .set(bearer(token))
      .expect(200);
    const page = res.body as Page<T>;
    pages.push(page);
    cursor = page.nextCursor;
    if (cursor === null) return pages;
  }
  throw new Error('the cursor never reached the last page');
}
