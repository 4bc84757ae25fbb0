/**
 * H5 only: Taro loads each page's code when it is first opened. Offline, that load fails inside the
 * router and nothing happens on screen. These helpers recognise the failure so the app can say the network
 * is down and offer to open the page again.
 */

/** Whether an unhandled rejection is a page's script or stylesheet failing to load (webpack's ChunkLoadError, mini-css's CSS_CHUNK_LOAD_FAILED). */
export function isChunkLoadFailure(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false;
  const r = reason as { name?: unknown; code?: unknown; message?: unknown };
  if (r.name === 'ChunkLoadError' || r.code === 'CSS_CHUNK_LOAD_FAILED') return true;
  return typeof r.message === 'string' && /Loading (CSS )?chunk [\w-]+ failed/.test(r.message);
}

/** The page the router was opening, from the address bar (hash routing: "#/subpackages/x/index?a=1"). */
export function routeOf(location: { hash: string; pathname: string; search: string }): string {
  const hash = location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : `${location.pathname}${location.search}`;
}
