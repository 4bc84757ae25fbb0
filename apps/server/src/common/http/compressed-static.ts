import type { NextFunction, Request, Response } from 'express';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.html': 'text/html; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
};
/** Webpack's content-hashed names (app.1a2b3c4d.js): a new build gives a new name, so they never change. */
const HASHED = /\.[0-9a-f]{8}\.(js|css)$/;

type Encoding = 'br' | 'gzip';

/**
 * Serves the H5 build's text files (JS, CSS, HTML) compressed with Brotli or gzip, as the browser accepts,
 * and lets the browser keep the content-hashed ones for a year. Each file is compressed once, on its first
 * request, and kept in memory (the build does not change under a running server; a changed file, by size
 * or mtime, is compressed again). Anything else (images, unknown paths, no Accept-Encoding) falls through
 * to express.static.
 */
export function compressedStatic(
  root: string,
): (req: Request, res: Response, next: NextFunction) => void {
  const cache = new Map<string, { version: string; body: Promise<Buffer> }>();
  const base = path.resolve(root);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let file: string;
    try {
      file = path.resolve(
        base,
        `.${decodeURIComponent(req.path === '/' ? '/index.html' : req.path)}`,
      );
    } catch {
      return next();
    }
    const type = TYPES[path.extname(file)];
    if (!type || !file.startsWith(`${base}${path.sep}`)) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding: Encoding | null = /\bbr\b/.test(accepted)
      ? 'br'
      : /\bgzip\b/.test(accepted)
        ? 'gzip'
        : null;
    if (!encoding) return next();
    stat(file)
      .then(
        async (st) => {
          if (!st.isFile()) return next();
          const key = `${encoding}:${file}`;
          const version = `${st.size}-${st.mtimeMs}`;
          let entry = cache.get(key);
          if (!entry || entry.version !== version) {
            const body = readFile(file).then((raw) =>
              encoding === 'br'
                ? brotli(raw, {
                    params: {
                      [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
                      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                    },
                  })
                : gzip(raw, { level: 9 }),
            );
            entry = { version, body };
            cache.set(key, entry);
            body.catch(() => cache.delete(key));
          }
          const body = await entry.body;
          res.setHeader('Content-Type', type);
          res.setHeader('Content-Encoding', encoding);
          res.setHeader('Vary', 'Accept-Encoding');
          res.setHeader('Content-Length', body.length);
          res.setHeader(
            'Cache-Control',
            HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
          res.status(200).end(req.method === 'HEAD' ? undefined : body);
        },
        () => next(),
      )
      .catch(next);
  };
}
