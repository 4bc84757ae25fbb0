import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * How WeChat signs and encrypts what it pushes (消息加解密, WXBizMsgCrypt): SHA1 over the sorted token,
 * timestamp, nonce (and Encrypt); AES-256-CBC, key = base64(EncodingAESKey + "="), IV = key[0..16),
 * PKCS#7 to 32 bytes, plaintext = 16 random bytes + 4-byte big-endian length + message + appid.
 * Written apart from the product's own implementation, so each checks the other.
 */
export function sha1Signature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

function keyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32)
    throw new RangeError('EncodingAESKey must be 43 characters');
  return key;
}

export function encryptMessage(
  encodingAesKey: string,
  appid: string,
  message: string,
  random: Buffer = randomBytes(16),
): string {
  const key = keyOf(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, len, body, Buffer.from(appid)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

/** Decrypts a reply the product encrypted; null when it does not decrypt or names another appid. */
export function decryptMessage(
  encodingAesKey: string,
  appid: string,
  encrypted: string,
): string | null {
  try {
    const key = keyOf(encodingAesKey);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(
      false,
    );
    const plain = Buffer.concat([
      decipher.update(Buffer.from(encrypted, 'base64')),
      decipher.final(),
    ]);
    const unpadded = plain.subarray(0, plain.length - plain[plain.length - 1]);
    const len = unpadded.readUInt32BE(16);
    if (unpadded.subarray(20 + len).toString() !== appid) return null;
    return unpadded.subarray(20, 20 + len).toString('utf8');
  } catch {
    return null;
  }
}
