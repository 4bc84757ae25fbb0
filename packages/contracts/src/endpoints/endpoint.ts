/**
 * The typed endpoint map's building blocks (issue #17). An endpoint is a value carrying its HTTP method and
 * path pattern (`:name` segments for path parameters) and, as phantom types, what it takes (the JSON body
 * of a POST/PUT, the query of a GET/DELETE) and what it answers. The server checks its controllers against
 * these values (`@Implements`, test/endpoint-map.spec.ts); the mini-program's client is generated from them.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  Req = unknown,
  Res = unknown,
> {
  readonly method: M;
  readonly path: P;
  /** Phantom: never set at run time, only carries the request and response types. */
  readonly types?: { readonly req: Req; readonly res: Res };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<HttpMethod, string, any, any>;

/** What an endpoint answers (the JSON body of a 2xx). */
export type ResponseOf<E> =
  E extends Endpoint<HttpMethod, string, unknown, infer Res> ? Res : never;

/** What an endpoint takes: a POST/PUT's body or a GET/DELETE's query; void when nothing. */
export type RequestOf<E> = E extends Endpoint<HttpMethod, string, infer Req, unknown> ? Req : never;

/** The names of a path's `:param` segments, in order: '/api/a/:id/b/:kind' → ['id', 'kind']. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? [Name, ...PathParams<`/${Rest}`>]
  : P extends `${string}:${infer Name}`
    ? [Name]
    : [];

/** One string per path parameter, in the path's order. */
export type PathArgs<P extends string> = Strings<PathParams<P>>;
type Strings<T extends unknown[]> = { [K in keyof T]: string };

/** The request argument: none for void, optional when every field is, else required. */
type RequestArg<Req> = [Req] extends [void] ? [] : object extends Req ? [req?: Req] : [req: Req];

/** A generated client method's arguments: the path parameters in order, then the body or query. */
export type EndpointArgs<E> =
  E extends Endpoint<HttpMethod, infer P, infer Req, unknown>
    ? [...PathArgs<P>, ...RequestArg<Req>]
    : never;

function define<M extends HttpMethod>(method: M) {
  return <const P extends string>(path: P) =>
    <Req = void, Res = void>(): Endpoint<M, P, Req, Res> => ({ method, path });
}

/** `get('/api/x/:id')<Query, Res>()`: a GET endpoint taking a query (void: none). */
export const get = define('GET');
/** `post('/api/x')<Body, Res>()`. */
export const post = define('POST');
/** `put('/api/x/:id')<Body, Res>()`. */
export const put = define('PUT');
/** `del('/api/x/:id')<Query, Res>()`. */
export const del = define('DELETE');

/** The names of a path's parameters at run time, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
}

/** The path with each `:param` replaced, in order, by the URI-encoded value. */
export function fillPath(path: string, values: readonly string[]): string {
  let i = 0;
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (i >= values.length) throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(values[i++]);
  });
}

/** `?a=1&b=x` from an object (undefined, null and '' left out); '' when nothing is left. */
export function queryString(params: object | undefined): string {
  const parts = Object.entries(params ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** `GET /api/x/:id`: how the server's route table and the authorisation walk name a route. */
export const routeOf = (e: AnyEndpoint): string => `${e.method} ${e.path}`;

/** The query of the dashboard's reads (a month 'YYYY-MM', default this month; a community, default all). */
export interface DashboardQuery {
  month?: string;
  communityId?: string;
}

/** WeChat's signed push: the query it sends with every message (docs/wechat-push.md). */
export type WechatPushQuery = Record<string, string | undefined>;

/** A download's answer: the file's bytes (not JSON), saved by the client to a temporary file. */
export type FileBody = unknown;
