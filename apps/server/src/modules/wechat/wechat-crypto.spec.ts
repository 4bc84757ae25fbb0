import { createHash } from 'node:crypto';
import { WechatCryptoError, WechatMsgCrypt, wechatSignature } from './wechat-crypto';

/**
 * Vectors from Tencent's own WXBizMsgCrypt sample code (消息加解密 samples shipped with the official
 * documentation, "Copyright (c) 1998-2014 Tencent"):
 * - Java sample WXBizMsgCryptTest: token "pamtest", EncodingAESKey "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
 *   appid "wxb11529c136998cb6", random "aaaabbbbccccdddd", "我是中文abcd123" → afterAesEncrypt below
 *   (copied in e.g. github.com/Wyl015/wuyiling work-test/src/main/resources/Utils/aes/WXBizMsgCryptTest.java);
 * - Python/Node sample (decrypt): token "spamtest", appid "wx2c2769f8efd9abc2", timestamp "1409735669",
 *   nonce "1320562132", msg_sign "5d197aaffba7e9b25a30732f161a50dee96bd5fa" and the Encrypt text below
 *   (copied in e.g. github.com/fotock/WXbizMsgCrypt-Node README.md).
 */
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const AFTER_AES_ENCRYPT =
  'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==';
const SAMPLE_ENCRYPT =
  'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=';

describe('WeChat message crypto (WXBizMsgCrypt)', () => {
  it('encrypts exactly as the official Java sample does', () => {
    const crypt = new WechatMsgCrypt('pamtest', KEY, 'wxb11529c136998cb6');
    expect(crypt.encrypt('我是中文abcd123', Buffer.from('aaaabbbbccccdddd'))).toBe(
      AFTER_AES_ENCRYPT,
    );
    expect(crypt.decrypt(AFTER_AES_ENCRYPT)).toBe('我是中文abcd123');
  });

  it('verifies the official sample msg_signature and decrypts its message', () => {
    const crypt = new WechatMsgCrypt('spamtest', KEY, 'wx2c2769f8efd9abc2');
    expect(
      crypt.verifyEncrypted(
        '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
        '1409735669',
        '1320562132',
        SAMPLE_ENCRYPT,
      ),
    ).toBe(true);
    const xml = crypt.decrypt(SAMPLE_ENCRYPT);
    expect(xml).toContain('<Content><![CDATA[abcdteT]]></Content>');
    expect(xml).toContain('<MsgId>6054768590064713728</MsgId>');
  });

  it('refuses a tampered signature, timestamp or encrypted text', () => {
    const crypt = new WechatMsgCrypt('spamtest', KEY, 'wx2c2769f8efd9abc2');
    expect(
      crypt.verifyEncrypted(
        '5d197aaffba7e9b25a30732f161a50dee96bd5fb',
        '1409735669',
        '1320562132',
        SAMPLE_ENCRYPT,
      ),
    ).toBe(false);
    expect(
      crypt.verifyEncrypted(
        '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
        '1409735670',
        '1320562132',
        SAMPLE_ENCRYPT,
      ),
    ).toBe(false);
    expect(
      crypt.verifyEncrypted(
        '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
        '1409735669',
        '1320562132',
        SAMPLE_ENCRYPT.replace('hyzA', 'hyzB'),
      ),
    ).toBe(false);
    expect(crypt.verifyEncrypted(undefined, '1409735669', '1320562132', SAMPLE_ENCRYPT)).toBe(
      false,
    );
  });

  it('refuses a message encrypted for another appid', () => {
    const other = new WechatMsgCrypt('spamtest', KEY, 'wxsomeoneelse00000');
    expect(() => other.decrypt(SAMPLE_ENCRYPT)).toThrow(WechatCryptoError);
  });

  it("verifies the URL-verification example of WeChat's message-push guide", () => {
    // https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html (发起验证):
    // Token "AAAAA", timestamp 1714036504, nonce 1514711492 → signature f464b24fc39322e44b38aa78f5edd27bd1441696.
    const crypt = new WechatMsgCrypt('AAAAA', KEY, 'wx2c2769f8efd9abc2');
    expect(crypt.sign('1714036504', '1514711492')).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696');
    expect(
      crypt.verify('f464b24fc39322e44b38aa78f5edd27bd1441696', '1714036504', '1514711492'),
    ).toBe(true);
  });

  it('plain-mode signature is SHA1 over the sorted token, timestamp and nonce', () => {
    // Sorted as strings: "1320562132" < "1409735669" < "spamtest".
    const crypt = new WechatMsgCrypt('spamtest', KEY, 'wx2c2769f8efd9abc2');
    expect(crypt.sign('1409735669', '1320562132')).toBe(
      createHash('sha1').update('13205621321409735669spamtest').digest('hex'),
    );
    expect(wechatSignature('spamtest', '1409735669', '1320562132')).toBe(
      crypt.sign('1409735669', '1320562132'),
    );
    expect(crypt.verify(crypt.sign('1409735669', '1320562132'), '1409735669', '1320562132')).toBe(
      true,
    );
    expect(crypt.verify(crypt.sign('1409735669', '1320562132'), '1409735669', '1320562133')).toBe(
      false,
    );
  });

  it('refuses an EncodingAESKey that is not 43 characters', () => {
    expect(() => new WechatMsgCrypt('t', 'short', 'wx1')).toThrow(WechatCryptoError);
  });
});
