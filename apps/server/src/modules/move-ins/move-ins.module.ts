import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { HouseholdsModule } from '../households/households.module';
import { OrgModule } from '../org/org.module';
import { Attachment } from '../uploads/entities/attachment.entity';
import { UploadsModule } from '../uploads/uploads.module';
import { MoveInPerson } from './entities/move-in-person.entity';
import { MoveIn } from './entities/move-in.entity';
import { MoveInsController } from './move-ins.controller';
import { MoveIns } from './move-ins.service';
import { MoveInRecords } from './move-in-records';
import { RegisterMoveIn } from './register-move-in';
import { NotificationsModule } from '../notifications/notifications.module';

/** Move-in registration with the office's paper checks, the owner's consents and residence passes (docs/domain-rules.md §4). */
@Module({
  imports: [
    TypeOrmModule.forFeature([MoveIn, MoveInPerson, HouseholdMember, Attachment]),
    OrgModule,
    HouseholdsModule,
    UploadsModule,
    NotificationsModule,
  ],
  controllers: [MoveInsController],
  providers: [MoveIns, RegisterMoveIn, MoveInRecords],
})
export class MoveInsModule {}
