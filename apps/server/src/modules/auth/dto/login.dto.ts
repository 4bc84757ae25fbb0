import { ApiProperty } from '@nestjs/swagger';
import { DemoLoginRequest, DemoPersona, WechatLoginRequest } from '@linli/contracts';
import { IsString, Length } from 'class-validator';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login() 返回的 code' })
  @IsString({ message: '登录凭证必须是文本' })
  @Length(1, 128, { message: '登录凭证无效' })
  code!: string;
}

export class DemoLoginDto implements DemoLoginRequest {
  /** Checked by the service, so that an unknown persona is DEMO_PERSONA_UNKNOWN rather than a validation error. */
  @ApiProperty({ enum: DemoPersona })
  @IsString({ message: '请选择演示身份' })
  persona!: DemoPersona;
}
