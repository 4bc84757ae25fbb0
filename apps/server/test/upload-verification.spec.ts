/**
 * Uploads are checked by their whole structure, not their first bytes (issue #10): a file that starts like
 * a JPEG but holds HTML is refused, and photos are served with Content-Disposition and nosniff.
 */
import { ApiRoutes, DemoPersona, ErrorCode, UploadDto } from '@linli/contracts';
import { isWellFormedImage } from '../src/modules/uploads/image-type';
import { Attachment } from '../src/modules/uploads/entities/attachment.entity';
import { tinyPng } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

const seg = (marker: number, body: number[]) => [
  0xff,
  marker,
  ((body.length + 2) >> 8) & 0xff,
  (body.length + 2) & 0xff,
  ...body,
];
/** A structurally complete baseline JPEG: SOI, APP0, SOF0 (1×1, one component), SOS, entropy data with a stuffed 0xFF, EOI. */
const jpeg = Buffer.from([
  0xff,
  0xd8,
  ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  ...seg(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
  ...seg(0xda, [1, 1, 0, 0, 0x3f, 0]),
  0x12,
  0x34,
  0xff,
  0x00,
  0x56,
  0xff,
  0xd9,
]);
const webp = (() => {
  const chunk = Buffer.concat([
    Buffer.from('VP8L'),
    Buffer.from([5, 0, 0, 0]),
    Buffer.from([0x2f, 0, 0, 0, 0]),
    Buffer.from([0]),
  ]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + chunk.length);
  return Buffer.concat([Buffer.from('RIFF'), size, Buffer.from('WEBP'), chunk]);
})();
const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
const corruptCrc = (() => {
  const b = Buffer.from(tinyPng());
  b[b.length - 20] ^= 0xff; // a byte inside IDAT: its CRC no longer matches
  return b;
})();

describe('isWellFormedImage', () => {
  it.each([
    ['a real PNG', tinyPng(), 'image/png', true],
    ['a PNG with a broken chunk CRC', corruptCrc, 'image/png', false],
    ['a PNG with HTML after IEND', Buffer.concat([tinyPng(), html]), 'image/png', false],
    ['a PNG cut short', tinyPng().subarray(0, 30), 'image/png', false],
    ['a complete JPEG', jpeg, 'image/jpeg', true],
    ['a JPEG with a phone preview JPEG appended', Buffer.concat([jpeg, jpeg]), 'image/jpeg', true],
    ['a JPEG padded with zeros', Buffer.concat([jpeg, Buffer.alloc(16)]), 'image/jpeg', true],
    [
      'a JPEG signature followed by HTML',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]),
      'image/jpeg',
      false,
    ],
    ['a JPEG with HTML after its end', Buffer.concat([jpeg, html]), 'image/jpeg', false],
    [
      'a JPEG without a scan',
      Buffer.from([0xff, 0xd8, ...seg(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]), 0xff, 0xd9]),
      'image/jpeg',
      false,
    ],
    ['a complete WebP', webp, 'image/webp', true],
    ['a WebP whose RIFF size lies', Buffer.concat([webp, html]), 'image/webp', false],
  ] as const)('%s → %s', (_name, bytes, type, ok) => {
    expect(isWellFormedImage(bytes, type)).toBe(ok);
  });
});

describe('uploading and serving', () => {
  let t: TestApp;
  let resident: string;
  beforeAll(async () => {
    t = await createTestApp();
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses HTML dressed as a JPEG (415) and stores nothing', async () => {
    const before = await t.dataSource.getRepository(Attachment).count();
    const disguised = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]);
    const res = await t
      .http()
      .post(ApiRoutes.uploads)
      .set(bearer(resident))
      .attach('file', disguised, { filename: 'photo.jpg', contentType: 'image/jpeg' })
      .expect(415);
    expect(res.body).toEqual({
      code: ErrorCode.UPLOAD_TYPE_NOT_ALLOWED,
      message: expect.any(String),
    });
    expect(await t.dataSource.getRepository(Attachment).count()).toBe(before);
  });

  it('accepts a real JPEG and serves it inline under its own name, with nosniff', async () => {
    const { body } = await t
      .http()
      .post(ApiRoutes.uploads)
      .set(bearer(resident))
      .attach('file', jpeg, 'photo.jpg')
      .expect(201);
    const upload = body as UploadDto;
    const res = await t.http().get(upload.url).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${upload.id}.jpeg"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
