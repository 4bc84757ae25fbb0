import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { HouseholdsModule } from '../households/households.module';
import { User } from '../org/entities/user.entity';
import { OrgModule } from '../org/org.module';
import { MoveOut } from './entities/move-out.entity';
import { MoveOutsController } from './move-outs.controller';
import { MoveOutOffice } from './move-out-office';
import { MoveOutRecords } from './move-out-records';
import { MoveOuts } from './move-outs.service';
import { VerifyReleaseSlip } from './verify-release-slip';
import { NotificationsModule } from '../notifications/notifications.module';

/** Moving belongings out, release slips and the gate guard's check (docs/domain-rules.md §4). */
@Module({
  imports: [
    TypeOrmModule.forFeature([MoveOut, HouseholdMember, User]),
    OrgModule,
    NotificationsModule,
    HouseholdsModule,
  ],
  controllers: [MoveOutsController],
  providers: [MoveOutRecords, MoveOuts, MoveOutOffice, VerifyReleaseSlip],
})
export class MoveOutsModule {}
