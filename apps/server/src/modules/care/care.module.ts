import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '../households/households.module';
import { OrgModule } from '../org/org.module';
import { OutboxModule } from '../outbox/outbox.module';
import { CampaignPlanning } from './campaign-planning.service';
import { CampaignQueries } from './campaign-queries.service';
import { CareAudience } from './care-audience.service';
import { CareController } from './care.controller';
import { CareFanout } from './care-fanout.service';
import { CareGifts } from './care-gifts.service';
import { CareGreetings } from './care-greetings.service';
import { CareScope } from './care-scope';
import { CareCampaign } from './entities/care-campaign.entity';
import { CareRecipient } from './entities/care-recipient.entity';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { Attachment } from '../uploads/entities/attachment.entity';
import { Community } from '../org/entities/community.entity';
import { HouseholdDocumentRecord } from '../households/entities/household-document.entity';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { Ticket } from '../tickets/entities/ticket.entity';

/** Festival care (docs/domain-rules.md §10): the care calendar, campaigns with their audience, timing guard and fan-out, gifts, greeting cards. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CareCampaign,
      CareRecipient,
      Building,
      Household,
      Attachment,
      Community,
      HouseholdMember,
      HouseholdDocumentRecord,
      Ticket,
    ]),
    OrgModule,
    OutboxModule,
    HouseholdsModule,
  ],
  controllers: [CareController],
  providers: [
    CareScope,
    CareAudience,
    CampaignQueries,
    CampaignPlanning,
    CareFanout,
    CareGifts,
    CareGreetings,
  ],
  exports: [CareFanout],
})
export class CareModule {}
