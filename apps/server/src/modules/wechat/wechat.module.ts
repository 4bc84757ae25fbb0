import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WechatClient } from './wechat.client';
import { WechatEndpoint } from './wechat-endpoint';

/** The WeChat server API: the client, and in demo mode the local WeChat server it talks to. */
@Module({
  providers: [
    {
      provide: WechatEndpoint,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => WechatEndpoint.create(config),
    },
    WechatClient,
  ],
  exports: [WechatClient, WechatEndpoint],
})
export class WechatModule {}
