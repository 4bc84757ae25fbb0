import { PNG } from 'pngjs';

/** A small signature-like PNG (a dark stroke on white) for the seeded in-person callback. */
export function signaturePng(): Buffer {
  const png = new PNG({ width: 120, height: 40 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const curve = 20 + Math.round(12 * Math.sin(x / 9));
      const ink = Math.abs(y - curve) <= 1 ? 0x20 : 0xff;
      png.data.set([ink, ink, ink, 0xff], (y * png.width + x) * 4);
    }
  }
  return PNG.sync.write(png, { colorType: 0 }); // greyscale, as a pen signature is
}
