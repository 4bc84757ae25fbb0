import 'reflect-metadata';
import type { AnyEndpoint, RequestOf, ResponseOf } from '@linli/contracts';

/** Where @Implements records a handler's endpoint (read by test/endpoint-map.spec.ts). */
export const ENDPOINT_METADATA = 'linli:endpoint';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HandlerOf<E> = (...args: any[]) => ResponseOf<E> | Promise<ResponseOf<E>>;

/**
 * For a POST or PUT entry with a body: one of the handler's parameters (its `@Body()` DTO) must be of the
 * entry's request type; when none is, the descriptor's type demands a property no descriptor has, so the
 * decorator does not type-check and the message names the problem.
 */
type TakesBody<E extends AnyEndpoint, T> = E['method'] extends 'POST' | 'PUT'
  ? [RequestOf<E>] extends [void]
    ? unknown
    : T extends (...args: infer A) => unknown
      ? [Extract<A[number], RequestOf<E>>] extends [never]
        ? { 'no parameter takes the endpoint request type': RequestOf<E> }
        : unknown
      : unknown
  : unknown;

/**
 * Marks a controller handler as the server's side of an entry of the endpoint map (@linli/contracts,
 * issue #17). TypeScript rejects the handler when what it returns is not the entry's response type, or
 * when no parameter takes the entry's request body;
 * the entry is recorded so that test/endpoint-map.spec.ts can check it names the route Nest declares.
 */
export function Implements<E extends AnyEndpoint>(endpoint: E) {
  return <T extends HandlerOf<E>>(
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<T> & TakesBody<E, T>,
  ): void => {
    Reflect.defineMetadata(ENDPOINT_METADATA, endpoint, descriptor.value as object);
  };
}
