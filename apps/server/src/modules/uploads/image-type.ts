import { UPLOAD_MIME_TYPES } from '@linli/contracts';

export type ImageMimeType = (typeof UPLOAD_MIME_TYPES)[number];

/** The image type by its first bytes (magic numbers), never by the name or header the client sent. */
export function sniffImageType(bytes: Buffer): ImageMimeType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/**
 * Whether the whole file has the structure of its type, not only its first bytes (issue #10: a file that
 * starts like a JPEG but holds HTML was accepted). PNG: every chunk's length and CRC, IHDR first, IEND
 * last. JPEG: every segment up to the end-of-image marker, a frame and a scan; after it only padding or
 * another embedded JPEG (phones append previews). WebP: the RIFF size and every chunk. No pixel decoding:
 * a structurally sound file that a viewer cannot draw harms nobody, a file that is something else does.
 */
export function isWellFormedImage(bytes: Buffer, type: ImageMimeType): boolean {
  try {
    if (type === 'image/png') return wellFormedPng(bytes);
    if (type === 'image/jpeg') return wellFormedJpeg(bytes, 0) !== null;
    return wellFormedWebp(bytes);
  } catch {
    return false;
  }
}

function wellFormedPng(b: Buffer): boolean {
  let i = 8;
  let first = true;
  let idat = false;
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || i + 12 + length > b.length) return false;
    if (crc32(b.subarray(i + 4, i + 8 + length)) !== b.readUInt32BE(i + 8 + length)) return false;
    if (first && type !== 'IHDR') return false;
    first = false;
    if (type === 'IDAT') idat = true;
    i += 12 + length;
    if (type === 'IEND') return idat && i === b.length;
  }
  return false;
}

/** The offset just after this JPEG's end-of-image marker, or null when it is not a JPEG all the way. */
function wellFormedJpeg(b: Buffer, start: number): number | null {
  if (b[start] !== 0xff || b[start + 1] !== 0xd8) return null;
  let i = start + 2;
  let frame = false;
  let scan = false;
  while (i < b.length) {
    if (b[i] !== 0xff) return null;
    while (b[i] === 0xff) i++; // fill bytes
    const marker = b[i++];
    if (marker === 0xd9) {
      if (!frame || !scan) return null;
      return i === b.length || trailerIsFine(b, i) ? b.length : null;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (i + 2 > b.length) return null;
    const length = b.readUInt16BE(i);
    if (length < 2 || i + length > b.length) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      frame = true;
    i += length;
    if (marker === 0xda) {
      scan = true;
      // Entropy-coded data: runs to the next marker that is not a stuffed zero or a restart marker.
      while (
        i < b.length - 1 &&
        !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1] >= 0xd0 && b[i + 1] <= 0xd7))
      )
        i++;
      if (i >= b.length - 1) return null;
    }
  }
  return null;
}

/** After a JPEG's end: zero padding, or another whole JPEG (a phone's preview or depth map). */
function trailerIsFine(b: Buffer, i: number): boolean {
  const rest = b.subarray(i);
  if (rest.every((x) => x === 0)) return true;
  return wellFormedJpeg(b, i) !== null;
}

function wellFormedWebp(b: Buffer): boolean {
  if (
    b.length < 20 ||
    b.toString('latin1', 0, 4) !== 'RIFF' ||
    b.toString('latin1', 8, 12) !== 'WEBP'
  )
    return false;
  if (b.readUInt32LE(4) + 8 !== b.length) return false;
  let i = 12;
  let first = true;
  while (i + 8 <= b.length) {
    const fourcc = b.toString('latin1', i, i + 4);
    const size = b.readUInt32LE(i + 4);
    if (!/^[A-Z0-9 ]{4}$/.test(fourcc)) return false;
    if (first && !['VP8 ', 'VP8L', 'VP8X'].includes(fourcc)) return false;
    first = false;
    i += 8 + size + (size % 2);
    if (i > b.length) return false;
  }
  return !first && i === b.length;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
