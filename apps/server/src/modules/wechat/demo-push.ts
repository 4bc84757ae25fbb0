import { INestApplication, Logger } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../clock/clock.service';
import { WechatEndpoint } from './wechat-endpoint';

/**
 * Demo mode: the in-process local WeChat server pushes its simulated users' chat messages to this
 * server's own /api/wechat/push, signed with the demo Token and EncodingAESKey, and keeps the product's
 * business clock (so a moved test clock and the pushes' CreateTime agree). Call once the server listens.
 */
export function connectDemoPush(app: INestApplication, config: AppConfig): void {
  const local = app.get(WechatEndpoint).local;
  const { token, encodingAesKey, demoFormat, demoMode } = config.wechatPush;
  if (!local || !token) return;
  const address = app.getHttpServer().address() as AddressInfo | null;
  if (!address || typeof address !== 'object') return;
  const clock = app.get(ClockService);
  local.useClock(() => clock.now().getTime());
  const mode = demoMode === 'safe' && encodingAesKey ? 'safe' : 'plain';
  local.chat.configurePush({ url: `http://127.0.0.1:${address.port}/api/wechat/push`, token, ...(encodingAesKey ? { encodingAesKey } : {}), format: demoFormat, mode });
  new Logger('WeChat').log(`demo mode: the local WeChat server pushes chat messages to port ${address.port} (${demoFormat}, ${mode} mode)`);
}
