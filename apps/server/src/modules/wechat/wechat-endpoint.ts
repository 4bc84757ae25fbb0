import { Logger, OnModuleDestroy } from '@nestjs/common';
import { LocalWechatServer, startLocalWechatServer } from '@linli/wechat-local';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

/**
 * Where the WeChat API is and with which credentials to call it. In demo mode that is a local server
 * speaking WeChat's API, started in-process on a loopback port; otherwise WECHAT_API_BASE.
 */
export class WechatEndpoint implements OnModuleDestroy {
  private constructor(
    readonly baseUrl: string,
    readonly appid: string,
    readonly secret: string,
    readonly timeoutMs: number,
    /** The in-process WeChat server in demo mode (it mints the demo personas' login codes), else null. */
    readonly local: LocalWechatServer | null,
  ) {}

  static async create(config: AppConfig): Promise<WechatEndpoint> {
    const { appid, secret, apiBase, timeoutMs } = config.wechat;
    if (!config.demoMode && appid && secret)
      return new WechatEndpoint(apiBase, appid, secret, timeoutMs, null);
    const demo = { appid: 'wxlinlidemo0000000', secret: randomBytes(16).toString('hex') };
    const local = await startLocalWechatServer({ port: 0, ...demo });
    new Logger('WeChat').log(`demo mode: local WeChat server at ${local.url}`);
    return new WechatEndpoint(local.url, demo.appid, demo.secret, timeoutMs, local);
  }

  async onModuleDestroy(): Promise<void> {
    await this.local?.close();
  }
}
