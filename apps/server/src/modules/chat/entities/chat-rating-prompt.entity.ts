import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../../database/columns';

/**
 * The claim on a resolved chat ticket's rating prompt: the instance whose insert of the ticket's row succeeds
 * asks; another instance in the same round hits the primary key and leaves it. So the prompt goes once even
 * with several server instances (docs/wechat-chat.md).
 */
@Entity('chat_rating_prompt')
export class ChatRatingPromptClaim {
  @PrimaryColumn({ type: 'varchar', length: 36 }) ticketId!: string;
  @InstantColumn() askedAt!: Date;
}
