/**
 * The authorisation walk over every route (issue #10): the types and helpers behind route-authz.spec.ts.
 *
 * HOW TO ADD A ROUTE — one row in the table file of its module, `test/authz/<module>.routes.ts` (a new
 * module: a new file exporting `rows`; it is picked up by name, nothing to register):
 *
 *   { route: 'POST /api/tickets/:id/chase', kind: 'foreign', params: (w) => ({ id: w.complaintId }), body: () => ({ note: '走查' }) },
 *
 *  - `route`: the method and the path exactly as the controller declares it, under /api.
 *  - `kind`:  'foreign' — the request names the second company's resource (its ticket, household, order…):
 *                         every walker must be refused, 403/404 (anonymous 401), body exactly {code, message};
 *             'own'     — the request names nothing foreign (the caller's own lists, settings): it may
 *                         succeed, but nothing of the second company may be in the answer;
 *             'public'  — no login needed by design (health, meta, signing in).
 *  - `body`:  for a 'foreign' row, a body that passes validation, so the refusal is about access, not a 400.
 *  - `refuse`: other refusal statuses that are right for this row (say why in a comment).
 * The spec fails when a route has no row (or a row names a route that does not exist), when any answer is a
 * 5xx, leaks the second company's data, or a refusal carries more than {code, message}. The household area
 * (households, join requests, move-outs, move-ins, structure) is walked by household-authz.spec.ts, which
 * fails the same way for its routes.
 */
import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { CONTROLLER_WATERMARK, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SecondCompany } from '../support/second-company';

export type Kind = 'foreign' | 'own' | 'public';

export interface Row {
  route: string;
  kind: Kind;
  params?: (w: SecondCompany) => Record<string, string>;
  query?: (w: SecondCompany) => string;
  body?: (w: SecondCompany) => object;
  /** A multipart upload (field `file`) instead of a JSON body. */
  upload?: () => Buffer;
  refuse?: number[];
}

/** Module folders whose routes household-authz.spec.ts walks. */
export const HOUSEHOLD_AREA = ['households', 'move-outs', 'move-ins', 'structure'];

const MODULES = path.join(__dirname, '../../src/modules');

/** Every route every controller declares, as 'METHOD /api/path', with the module folder it lives in. */
export function declaredRoutes(): { route: string; module: string }[] {
  const routes: { route: string; module: string }[] = [];
  for (const module of readdirSync(MODULES).filter((m) =>
    statSync(path.join(MODULES, m)).isDirectory(),
  )) {
    const dir = path.join(MODULES, module);
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.controller.ts'))) {
      const exported = require(path.join(dir, file)) as Record<string, unknown>;
      for (const value of Object.values(exported)) {
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
          for (const p of [
            Reflect.getMetadata(PATH_METADATA, handler) as string | string[],
          ].flat()) {
            routes.push({
              route: `${method} ${('/api/' + [base, p].join('/')).replace(/\/+/g, '/').replace(/\/$/, '')}`,
              module,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/** Every row of every `*.routes.ts` table beside this file. */
export function tableRows(): Row[] {
  return readdirSync(__dirname)
    .filter((n) => n.endsWith('.routes.ts'))
    .sort()
    .flatMap((n) => (require(path.join(__dirname, n)) as { rows: Row[] }).rows);
}

export function urlOf(row: Row, w: SecondCompany): string {
  const params = row.params?.(w) ?? {};
  const p = row.route.split(' ')[1].replace(/:(\w+)/g, (_, k: string) => {
    if (!(k in params)) throw new Error(`${row.route}: no value for :${k}`);
    return encodeURIComponent(params[k]);
  });
  const query = row.query?.(w);
  return query ? `${p}?${query}` : p;
}
