/**
 * Bounds the nesting of a JSON body while it is still bytes, before JSON.parse and long before
 * class-transformer / class-validator walk it recursively (2,000 levels in a 4 KB body used to overflow
 * their stack: a 500). One pass, no recursion, so it cannot overflow itself.
 */
export function jsonDepthOf(buf: Uint8Array, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return max;
}

/** What body-parser's `verify` throws for a body nested too deep: status 400, a type the error filter knows. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor(readonly limit: number) {
    super(`JSON nested deeper than ${limit} levels`);
  }
}

/** A body-parser `verify` hook refusing bodies nested deeper than `limit`. */
export function refuseDeepJson(limit: number) {
  return (_req: unknown, _res: unknown, buf: Buffer): void => {
    if (jsonDepthOf(buf, limit) > limit) throw new JsonTooDeepError(limit);
  };
}
