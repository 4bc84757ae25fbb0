import { readFileSync } from 'node:fs';

/**
 * Where a .cpuprofile's busy time went (idle left out: the product idles while the bare server is
 * measured and while it waits on MariaDB): self time by package (typeorm, mysql2, express, Nest, the
 * server's own code, node internals, GC) and the top functions.
 */
export function topCosts(
  file: string,
  n = 12,
): { byPackage: { name: string; share: number }[]; byFunction: { name: string; share: number }[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: {
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
      hitCount?: number;
    }[];
  };
  const busy = profile.nodes.filter((x) => x.callFrame.functionName !== '(idle)');
  const total = busy.reduce((s, x) => s + (x.hitCount ?? 0), 0);
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const node of busy) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
      .replace(/^file:\/\/.*\/apps\/server\//, '');
    const key =
      `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    const pkg = url.includes('node_modules/')
      ? where.startsWith('@')
        ? where.split('/').slice(0, 2).join('/')
        : where.split('/')[0]
      : url.includes('/apps/server/')
        ? 'server (dist)'
        : url.includes('/packages/')
          ? 'linli packages'
          : url
            ? 'node internals'
            : functionName || '(native)';
    byFn.set(key, (byFn.get(key) ?? 0) + (node.hitCount ?? 0));
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + (node.hitCount ?? 0));
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, hits]) => ({ name, share: hits / total }));
  return { byPackage: top(byPkg), byFunction: top(byFn) };
}
