import { ApiProperty } from '@nestjs/swagger';
import { CHAT_REPLY_MAX, ChatReplyRequest } from '@linli/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ChatReplyDto implements ChatReplyRequest {
  @ApiProperty({ description: '回复住户的内容' })
  @IsString({ message: '回复内容格式不正确' })
  @IsNotEmpty({ message: '请填写回复内容' })
  @MaxLength(CHAT_REPLY_MAX, { message: `回复不能超过 ${CHAT_REPLY_MAX} 个字` })
  text!: string;
}
