#!/usr/bin/env node
/**
 * Draws the tab-bar icons (81×81 PNG, grey and selected green) into src/assets/tab/.
 * WeChat's tabBar takes only local PNG/JPG files, so the icons are drawn from simple shapes here
 * instead of shipping an icon font. Run it after changing a shape: node scripts/draw-tab-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pngjs from 'pngjs';

const { PNG } = pngjs;

const SIZE = 81;
const SAMPLES = 4; // 4×4 supersampling for smooth edges
const COLORS = { normal: [122, 126, 131], active: [26, 127, 90] };
const STROKE = 6;

// Shapes in a 0..81 coordinate space: each returns true when (x, y) is ink.
const segDist = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
const polyline = (points, closed) => (x, y) => {
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) {
    const [a, b] = [points[i], points[(i + 1) % points.length]];
    if (segDist(x, y, a[0], a[1], b[0], b[1]) <= STROKE / 2) return true;
  }
  return false;
};
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= STROKE / 2;
const arc = (cx, cy, r, fromY) => (x, y) =>
  y <= fromY && Math.abs(Math.hypot(x - cx, y - cy) - r) <= STROKE / 2;
const any =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));

const ICONS = {
  home: any(
    polyline(
      [
        [12, 40],
        [40.5, 14],
        [69, 40],
      ],
      false,
    ),
    polyline(
      [
        [20, 34],
        [20, 68],
        [61, 68],
        [61, 34],
      ],
      false,
    ),
    polyline(
      [
        [34, 68],
        [34, 50],
        [47, 50],
        [47, 68],
      ],
      false,
    ),
  ),
  tickets: any(
    polyline(
      [
        [18, 12],
        [63, 12],
        [63, 70],
        [18, 70],
      ],
      true,
    ),
    polyline(
      [
        [28, 28],
        [53, 28],
      ],
      false,
    ),
    polyline(
      [
        [28, 41],
        [53, 41],
      ],
      false,
    ),
    polyline(
      [
        [28, 54],
        [44, 54],
      ],
      false,
    ),
  ),
  me: any(ring(40.5, 28, 12), arc(40.5, 72, 26, 70)),
};

function png(shape, [r, g, b]) {
  const image = new PNG({ width: SIZE, height: SIZE });
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
      const alpha = Math.round((255 * hits) / (SAMPLES * SAMPLES));
      image.data.set([r, g, b, alpha], (y * SIZE + x) * 4);
    }
  }
  // Unfiltered rows, zlib's default strategy at level 9: the smallest files for these flat shapes.
  return PNG.sync.write(image, { deflateLevel: 9, deflateStrategy: 0, filterType: 0 });
}

const out = join(import.meta.dirname, '../src/assets/tab');
mkdirSync(out, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  writeFileSync(join(out, `${name}.png`), png(shape, COLORS.normal));
  writeFileSync(join(out, `${name}-active.png`), png(shape, COLORS.active));
}
console.log(`tab icons written to ${out}`);
