import Taro from '@tarojs/taro';
import {
  AnyEndpoint,
  EndpointArgs,
  ERROR_MESSAGES,
  ErrorCode,
  ResponseOf,
  fillPath,
  pathParamNames,
  queryString,
} from '@linli/contracts';
import {
  API_BASE,
  ApiRequestError,
  authHeader,
  handleAuthFailure,
  request,
  toApiError,
} from './http';

/**
 * The mini-program's client, generated from the endpoint map in @linli/contracts (issue #17): a method's
 * route, HTTP method, arguments and answer all come from the map's entry, so none is restated here.
 */

/** The URL of an endpoint called with these arguments: the path parameters filled in, a GET's query appended. */
export function urlOf(endpoint: AnyEndpoint, args: readonly unknown[]): string {
  const count = pathParamNames(endpoint.path).length;
  const path = fillPath(endpoint.path, args.slice(0, count) as string[]);
  const rest = args[count] as object | undefined;
  return endpoint.method === 'GET' || endpoint.method === 'DELETE'
    ? `${path}${queryString(rest)}`
    : path;
}

/** Calls one endpoint: path parameters in order, then a POST/PUT's body or a GET/DELETE's query. */
export function call<E extends AnyEndpoint>(
  endpoint: E,
  ...args: EndpointArgs<E>
): Promise<ResponseOf<E>> {
  const body = endpoint.method === 'POST' || endpoint.method === 'PUT';
  const rest = args[pathParamNames(endpoint.path).length] as object | undefined;
  // A POST or PUT always sends a JSON object ({} when the entry takes none or it was left out).
  return request<ResponseOf<E>>(
    endpoint.method,
    urlOf(endpoint, args),
    body ? (rest ?? {}) : undefined,
  );
}

/** One method per endpoint of a group, named as the group's keys. */
export type Client<G extends Record<string, AnyEndpoint>> = {
  [K in keyof G]: (...args: EndpointArgs<G[K]>) => Promise<ResponseOf<G[K]>>;
};

export function createClient<G extends Record<string, AnyEndpoint>>(group: G): Client<G> {
  const client: Record<string, unknown> = {};
  for (const [name, endpoint] of Object.entries(group)) {
    client[name] = (...args: unknown[]) =>
      call(endpoint, ...(args as EndpointArgs<typeof endpoint>));
  }
  return client as Client<G>;
}

/** A paged list's query: the cursor of the page after the last one shown (none for the first). */
export const page = (cursor: string | null | undefined) => ({ cursor: cursor ?? undefined });

const networkError = () =>
  new ApiRequestError({ code: ErrorCode.NETWORK, message: ERROR_MESSAGES[ErrorCode.NETWORK] }, 0);

/** A GET download saved to a temporary file (for Taro.openDocument); failures become ApiRequestError. */
export async function downloadTo<E extends AnyEndpoint & { method: 'GET' }>(
  endpoint: E,
  ...args: EndpointArgs<E>
): Promise<string> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({
      url: `${API_BASE}${urlOf(endpoint, args)}`,
      header: authHeader(),
    });
  } catch {
    throw networkError();
  }
  if (result.statusCode >= 200 && result.statusCode < 300) return result.tempFilePath;
  const err = new ApiRequestError(toApiError(result.statusCode, null), result.statusCode);
  handleAuthFailure(err);
  throw err;
}

/** One local file, multipart (field `field`), to a POST endpoint; its JSON answer or an ApiRequestError. */
export async function uploadTo<E extends AnyEndpoint & { method: 'POST' }>(
  endpoint: E,
  pathArgs: readonly string[],
  filePath: string,
  field: string,
): Promise<ResponseOf<E>> {
  let result: Taro.uploadFile.SuccessCallbackResult;
  try {
    result = await Taro.uploadFile({
      url: `${API_BASE}${fillPath(endpoint.path, pathArgs)}`,
      filePath,
      name: field,
      header: authHeader(),
    });
  } catch {
    throw networkError();
  }
  let body: unknown = null;
  try {
    body = JSON.parse(result.data);
  } catch {
    body = null;
  }
  if (result.statusCode >= 200 && result.statusCode < 300 && body) return body as ResponseOf<E>;
  const err = new ApiRequestError(toApiError(result.statusCode, body), result.statusCode);
  handleAuthFailure(err);
  throw err;
}
