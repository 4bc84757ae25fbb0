import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * WeChat's message-push signing and safe-mode encryption (消息加解密, the WXBizMsgCrypt scheme):
 * - signature = SHA1 of the sorted, concatenated token, timestamp, nonce (and, in safe mode, the Encrypt text);
 * - AES-256-CBC with key = base64decode(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7 padding
 *   to a multiple of 32 bytes; plaintext = 16 random bytes + 4-byte big-endian length + message + appid.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
 */
export class WechatCryptoError extends Error {
  constructor(readonly reason: 'signature' | 'aes_key' | 'decrypt' | 'appid') {
    super(`WeChat push crypto: ${reason}`);
  }
}

export function wechatSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Constant-time comparison of a signature WeChat sent with the one we compute. */
export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given.toLowerCase()));
}

export class WechatMsgCrypt {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(
    private readonly token: string,
    encodingAesKey: string,
    private readonly appid: string,
  ) {
    if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new WechatCryptoError('aes_key');
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (this.key.length !== 32) throw new WechatCryptoError('aes_key');
    this.iv = this.key.subarray(0, 16);
  }

  /** The plain-mode signature (URL verification, plain pushes). */
  sign(timestamp: string, nonce: string): string {
    return wechatSignature(this.token, timestamp, nonce);
  }

  /** The safe-mode msg_signature over the encrypted text. */
  signEncrypted(timestamp: string, nonce: string, encrypted: string): string {
    return wechatSignature(this.token, timestamp, nonce, encrypted);
  }

  verify(signature: string | undefined, timestamp: string, nonce: string): boolean {
    return signatureMatches(this.sign(timestamp, nonce), signature);
  }

  verifyEncrypted(
    msgSignature: string | undefined,
    timestamp: string,
    nonce: string,
    encrypted: string,
  ): boolean {
    return signatureMatches(this.signEncrypted(timestamp, nonce, encrypted), msgSignature);
  }

  encrypt(message: string, random: Buffer = randomBytes(16)): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    const plain = Buffer.concat([random, length, body, Buffer.from(this.appid, 'utf8')]);
    const pad = 32 - (plain.length % 32);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
    return Buffer.concat([
      cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
      cipher.final(),
    ]).toString('base64');
  }

  /** Decrypts an Encrypt text and checks it was made for our appid. Throws WechatCryptoError. */
  decrypt(encrypted: string): string {
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
      plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    } catch {
      throw new WechatCryptoError('decrypt');
    }
    const pad = plain[plain.length - 1] ?? 0;
    if (pad < 1 || pad > 32 || plain.length < 20 + pad) throw new WechatCryptoError('decrypt');
    plain = plain.subarray(0, plain.length - pad);
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) throw new WechatCryptoError('decrypt');
    const message = plain.subarray(20, 20 + length).toString('utf8');
    const appid = plain.subarray(20 + length).toString('utf8');
    if (appid !== this.appid) throw new WechatCryptoError('appid');
    return message;
  }
}
