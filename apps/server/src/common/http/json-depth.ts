/**
 * Checks on a JSON body while it is still bytes, before JSON.parse and long before class-transformer /
 * class-validator walk it recursively (2,000 levels in a 4 KB body used to overflow their stack: a 500).
 * One pass, no recursion, so it cannot overflow itself.
 */
export interface JsonScan {
  /** The deepest nesting of objects and arrays. */
  depth: number;
  /** A string holds a NUL character or half of a surrogate pair (\u0000, a lone \ud800): text no field accepts. */
  badText: boolean;
}

const HEX = /^[0-9a-fA-F]{4}$/;

export function scanJson(buf: Uint8Array, stopAboveDepth = Infinity): JsonScan {
  let depth = 0;
  let max = 0;
  let inString = false;
  let badText = false;
  /** A high surrogate escape just seen, waiting for its low half. */
  let highPending = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c /* \ */) {
        const next = buf[i + 1];
        if (next === 0x75 /* u */) {
          const hex = String.fromCharCode(buf[i + 2], buf[i + 3], buf[i + 4], buf[i + 5]);
          const unit = HEX.test(hex) ? parseInt(hex, 16) : -1;
          const high = unit >= 0xd800 && unit <= 0xdbff;
          const low = unit >= 0xdc00 && unit <= 0xdfff;
          if (unit === 0 || (low && !highPending) || (highPending && !low)) badText = true;
          highPending = high;
          i += 5;
          continue;
        }
        i++;
      } else if (c === 0x22 /* " */) {
        inString = false;
      } else if (c === 0x00) {
        badText = true;
      }
      if (highPending) badText = true;
      highPending = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > max) max = depth;
      if (max > stopAboveDepth) return { depth: max, badText };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return { depth: max, badText };
}

export function jsonDepthOf(buf: Uint8Array): number {
  return scanJson(buf).depth;
}

/** What body-parser's `verify` throws for a body it refuses: status 400, a type the error filter knows. */
export class JsonRefusedError extends Error {
  readonly status = 400;
  constructor(
    readonly type: 'entity.too.deep' | 'entity.bad.text',
    message: string,
  ) {
    super(message);
  }
}

/** A body-parser `verify` hook refusing bodies nested deeper than `limit`, or holding NUL or lone surrogates. */
export function refuseDeepJson(limit: number) {
  return (_req: unknown, _res: unknown, buf: Buffer): void => {
    const scan = scanJson(buf, limit);
    if (scan.depth > limit)
      throw new JsonRefusedError('entity.too.deep', `nested deeper than ${limit} levels`);
    if (scan.badText)
      throw new JsonRefusedError('entity.bad.text', 'NUL or a lone surrogate in a string');
  };
}
