import { ApiRoutes, DemoPersona, ErrorCode, UPLOAD_MAX_BYTES, UploadDto } from '@linli/contracts';
import { sniffImageType } from '../src/modules/uploads/image-type';
import { tinyPng } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

describe('uploads', () => {
  let t: TestApp;
  let resident: string;
  beforeAll(async () => {
    t = await createTestApp();
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
  });
  afterAll(() => t?.close());

  const upload = (token: string, bytes: Buffer, filename: string, contentType = 'image/png') =>
    t
      .http()
      .post(ApiRoutes.uploads)
      .set(bearer(token))
      .attach('file', bytes, { filename, contentType });

  it('stores a PNG and serves it back from a signed URL without headers', async () => {
    const png = tinyPng();
    const res = await upload(resident, png, 'photo.png').expect(201);
    const dto = res.body as UploadDto;
    expect(dto).toEqual({
      id: expect.any(String),
      url: expect.stringMatching(/^\/api\/uploads\/[0-9a-f-]{36}\?exp=\d+&sig=[\w-]+$/),
      mimeType: 'image/png',
      size: png.length,
    });
    const img = await t
      .http()
      .get(dto.url)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(img.body as Buffer, png)).toBe(0);
  });

  it('decides the type by the bytes: a text file named .png is refused (415)', async () => {
    const res = await upload(
      resident,
      Buffer.from('just some text, not an image'),
      'photo.png',
      'image/png',
    ).expect(415);
    expect(res.body.code).toBe(ErrorCode.UPLOAD_TYPE_NOT_ALLOWED);
  });

  it('accepts a PNG whatever name and type the client claims', async () => {
    const res = await upload(resident, tinyPng(), 'notes.txt', 'text/plain').expect(201);
    expect(res.body.mimeType).toBe('image/png');
  });

  it('refuses more than 10 MB (413 UPLOAD_TOO_LARGE)', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(UPLOAD_MAX_BYTES)]);
    const res = await upload(resident, big, 'big.png').expect(413);
    expect(res.body.code).toBe(ErrorCode.UPLOAD_TOO_LARGE);
  });

  it('asks for a file (400 UPLOAD_MISSING)', async () => {
    const res = await t
      .http()
      .post(ApiRoutes.uploads)
      .set(bearer(resident))
      .field('note', 'no file')
      .expect(400);
    expect(res.body.code).toBe(ErrorCode.UPLOAD_MISSING);
  });

  it('takes one image per request', async () => {
    const res = await t
      .http()
      .post(ApiRoutes.uploads)
      .set(bearer(resident))
      .attach('file', tinyPng(), 'a.png')
      .attach('file', tinyPng(), 'b.png')
      .expect(400);
    expect(res.body.code).toBe(ErrorCode.UPLOAD_TOO_MANY);
  });

  it('needs a signed-in resident, assistant or supervisor', async () => {
    expect(
      (await t.http().post(ApiRoutes.uploads).attach('file', tinyPng(), 'a.png').expect(401)).body
        .code,
    ).toBe(ErrorCode.UNAUTHENTICATED);
    const admin = await loginOpenid(t, 'demo-admin');
    expect((await upload(admin.token, tinyPng(), 'a.png').expect(403)).body.code).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  it('refuses a tampered or expired signature (403)', async () => {
    const { body } = await upload(resident, tinyPng(), 'photo.png').expect(201);
    const url = body.url as string;
    // Change the signature's first character to a different one (replacing it with a fixed letter would
    // leave it unchanged whenever the signature happens to start with that letter: 1 run in 64).
    const tampered = url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect(tampered).not.toBe(url);
    expect((await t.http().get(tampered).expect(403)).body.code).toBe(ErrorCode.FORBIDDEN);
    expect(
      (
        await t
          .http()
          .get(url.replace(/exp=\d+/, (m) => `exp=${Number(m.slice(4)) + 3600}`))
          .expect(403)
      ).body.code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (
        await t
          .http()
          .get(`${ApiRoutes.upload(body.id)}`)
          .expect(403)
      ).body.code,
    ).toBe(ErrorCode.FORBIDDEN);
    await t.http().get(url).expect(200);
    t.clock.set({ advanceMinutes: 25 * 60 });
    try {
      expect((await t.http().get(url).expect(403)).body.code).toBe(ErrorCode.FORBIDDEN);
    } finally {
      t.clock.set({ advanceMinutes: -25 * 60 });
    }
  });
});

describe('image type sniffing', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'image/jpeg'],
    ['PNG', tinyPng(), 'image/png'],
    [
      'WebP',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
      'image/webp',
    ],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), null],
    [
      'RIFF that is not WebP (WAV)',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WAVEfmt ')]),
      null,
    ],
    ['empty', Buffer.alloc(0), null],
  ])('%s → %s', (_name, bytes, expected) => {
    expect(sniffImageType(bytes)).toBe(expected);
  });
});
