/**
 * The endpoint map (@linli/contracts, issue #17) and the server's controllers name the same routes, both
 * ways: every entry is a route some controller declares with that method and path, every declared route
 * is an entry, and every handler says with @Implements which entry it serves (TypeScript checks its
 * return type against the entry's response type; this spec checks the entry's route is the handler's).
 */
import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { CONTROLLER_WATERMARK, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import {
  AnyEndpoint,
  ApiRoutes,
  CareRoutes,
  ChatRoutes,
  EventRoutes,
  Endpoints,
  FeedbackRoutes,
  NoticeRoutes,
  SurveyRoutes,
  pathTo,
  routeOf,
} from '@linli/contracts';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ENDPOINT_METADATA } from '../src/common/http/implements';
import { declaredRoutes } from './authz/walk';

/** Routes a controller may declare outside the map, each with its reason (none today: all are mapped). */
const OUTSIDE_THE_MAP: Record<string, string> = {};

const entries = (): { name: string; route: string }[] =>
  Object.entries(Endpoints).flatMap(([group, endpoints]) =>
    Object.entries(endpoints as Record<string, AnyEndpoint>).map(([key, e]) => ({
      name: `${group}.${key}`,
      route: routeOf(e),
    })),
  );

/** Every handler of every controller: the route Nest declares for it and the endpoint @Implements names. */
function handlers(): { handler: string; route: string; endpoint: AnyEndpoint | undefined }[] {
  const modules = path.join(__dirname, '../src/modules');
  const found: { handler: string; route: string; endpoint: AnyEndpoint | undefined }[] = [];
  for (const module of readdirSync(modules)) {
    const dir = path.join(modules, module);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.controller.ts'))) {
      for (const value of Object.values(require(path.join(dir, file)) as Record<string, unknown>)) {
        if (typeof value !== 'function' || !Reflect.getMetadata(CONTROLLER_WATERMARK, value))
          continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, value) ?? '/');
        const proto = value.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (
            name === 'constructor' ||
            typeof handler !== 'function' ||
            !Reflect.hasMetadata(PATH_METADATA, handler)
          )
            continue;
          const method =
            RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const sub = Reflect.getMetadata(PATH_METADATA, handler) as string;
          const p = `/api/${base}/${sub}`.replace(/\/+/g, '/').replace(/\/$/, '');
          found.push({
            handler: `${value.name}.${name}`,
            route: `${method} ${p}`,
            endpoint: Reflect.getMetadata(ENDPOINT_METADATA, handler) as AnyEndpoint | undefined,
          });
        }
      }
    }
  }
  return found;
}

describe('the endpoint map and the controllers', () => {
  const declared = new Set(declaredRoutes().map((r) => r.route));

  it('maps only routes a controller declares, with the same method and path', () => {
    expect(entries().filter((e) => !declared.has(e.route))).toEqual([]);
  });

  it('maps every route a controller declares (or says why not)', () => {
    const mapped = new Set(entries().map((e) => e.route));
    const missing = [...declared].filter((r) => !mapped.has(r) && !(r in OUTSIDE_THE_MAP));
    expect(missing).toEqual([]);
    expect(Object.keys(OUTSIDE_THE_MAP).filter((r) => !declared.has(r))).toEqual([]);
  });

  it('names each route once', () => {
    const seen = new Map<string, string>();
    const twice = entries().filter((e) => seen.has(e.route) || !seen.set(e.route, e.name));
    expect(twice).toEqual([]);
  });

  it('has every handler say which entry it implements, and that entry is its route', () => {
    const all = handlers();
    expect(all.length).toBe(declared.size);
    expect(all.filter((h) => !h.endpoint).map((h) => h.handler)).toEqual([]);
    const wrong = all
      .filter((h) => h.endpoint && routeOf(h.endpoint) !== h.route)
      .map((h) => `${h.handler}: declares ${h.route}, implements ${routeOf(h.endpoint!)}`);
    expect(wrong).toEqual([]);
  });

  it('builds the route tables from the map: parameters filled in order and encoded, paths kept whole', () => {
    expect(ApiRoutes.tickets).toBe(Endpoints.api.createTicket.path);
    expect(ApiRoutes.ticketActions('a b/c')).toBe('/api/tickets/a%20b%2Fc/actions');
    expect(ApiRoutes.householdMemberRemove('h1', 'm2')).toBe(
      '/api/households/h1/members/m2/remove',
    );
    expect(ApiRoutes.householdSheetExport('c1', 'csv')).toBe(
      '/api/communities/c1/household-sheet/export?format=csv',
    );
    expect(pathTo(Endpoints.surveys.updateQuestionnaire)('q1')).toBe(
      '/api/surveys/questionnaires/q1',
    );
    const tables = { ApiRoutes, CareRoutes, ChatRoutes, EventRoutes, FeedbackRoutes, NoticeRoutes };
    const paths = Object.values({ ...tables, SurveyRoutes }).flatMap((routes) =>
      Object.values(routes as Record<string, string | ((...a: string[]) => string)>).map((route) =>
        typeof route === 'string' ? route : route('x', 'y'),
      ),
    );
    expect(paths.length).toBeGreaterThan(150);
    expect(paths.filter((p) => !p.startsWith('/api/') || p.includes(':'))).toEqual([]);
  });
});
