import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { OutageNotice } from './entities/outage-notice.entity';
import { OutagesController } from './outages.controller';
import { OutagesService } from './outages.service';
import { Building } from '../org/entities/building.entity';
import { Ticket } from '../tickets/entities/ticket.entity';

/** Planned water and power cuts: the notice to residents, and the reports of the cut linked to it. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutageNotice, Building, Ticket]),
    NotificationsModule,
    OrgModule,
  ],
  controllers: [OutagesController],
  providers: [OutagesService],
  exports: [OutagesService],
})
export class OutagesModule {}
