import 'reflect-metadata';
import type { AnyEndpoint, ResponseOf } from '@linli/contracts';

/** Where @Implements records a handler's endpoint (read by test/endpoint-map.spec.ts). */
export const ENDPOINT_METADATA = 'linli:endpoint';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HandlerOf<E> = (...args: any[]) => ResponseOf<E> | Promise<ResponseOf<E>>;

/**
 * Marks a controller handler as the server's side of an entry of the endpoint map (@linli/contracts,
 * issue #17). TypeScript rejects the handler when what it returns is not the entry's response type;
 * the entry is recorded so that test/endpoint-map.spec.ts can check it names the route Nest declares.
 */
export function Implements<E extends AnyEndpoint>(endpoint: E) {
  return <T extends HandlerOf<E>>(
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    Reflect.defineMetadata(ENDPOINT_METADATA, endpoint, descriptor.value as object);
  };
}
