import { PNG } from 'pngjs';

/** A real PNG of one colour, standing in for a photo from the resident's album. */
export function solidPng(
  width: number,
  height: number,
  [r, g, b]: [number, number, number],
): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([r, g, b, 0xff], i * 4);
  return PNG.sync.write(png, { colorType: 2 }); // truecolour RGB, as a camera photo
}
