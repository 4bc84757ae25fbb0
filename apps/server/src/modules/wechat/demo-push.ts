import { INestApplication, Logger } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
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
  local.chat.configurePush({
    url: `http://127.0.0.1:${address.port}/api/wechat/push`,
    token,
    ...(encodingAesKey ? { encodingAesKey } : {}),
    format: demoFormat,
    mode,
  });
  new Logger('WeChat').log(
    `demo mode: the local WeChat server pushes chat messages to port ${address.port} (${demoFormat}, ${mode} mode)`,
  );
}

/**
 * Demo mode: the local WeChat server's chat inspection API (/__local/chat/…, /__local/clock, see
 * docs/wechat-push.md) on the product's own origin, so the H5 demo chat window can reach it without
 * knowing the simulator's loopback port. Absent when a real AppID is configured (no local server).
 */
export function mountLocalChatProxy(app: INestApplication): void {
  const local = app.get(WechatEndpoint).local;
  if (!local) return;
  app.use(
    '/__local',
    express.text({ type: () => true, limit: '16kb' }),
    (req: Request, res: Response, next: NextFunction) => {
      if (!req.path.startsWith('/chat/') && req.path !== '/clock') return next();
      // A JSON body was already parsed by the app's JSON parser; anything else arrives as text.
      const raw: unknown = req.body;
      const body =
        req.method !== 'POST'
          ? undefined
          : typeof raw === 'string'
            ? raw
            : raw && typeof raw === 'object'
              ? JSON.stringify(raw)
              : undefined;
      fetch(`${local.url}/__local${req.url}`, {
        method: req.method,
        body,
        headers: { 'Content-Type': 'application/json' },
      })
        .then(async (answer) =>
          res
            .status(answer.status)
            .type('application/json')
            .send(await answer.text()),
        )
        .catch(() => res.status(502).json({ code: 'NETWORK', message: '本地微信模拟服务不可用' }));
    },
  );
}
