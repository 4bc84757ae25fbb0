#!/usr/bin/env node
/**
 * Prints the size in KB of the weapp main package: everything in apps/miniapp/dist/weapp except the
 * subpackage roots listed in app.json. WeChat refuses a main package over 2 MB; .ci/run holds ours under 560 KB.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../../apps/miniapp/dist/weapp');
if (!existsSync(join(dist, 'app.json'))) {
  console.error(`no weapp build at ${dist}: run pnpm build:weapp`);
  process.exit(1);
}
const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) =>
  p.root.replace(/\/$/, ''),
);

function size(dir) {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const rel = relative(dist, path);
    if (roots.some((r) => rel === r || rel.startsWith(`${r}/`))) continue;
    const st = statSync(path);
    total += st.isDirectory() ? size(path) : st.size;
  }
  return total;
}

console.log(Math.ceil(size(dist) / 1024));
