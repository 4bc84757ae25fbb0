import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DutyController } from './duty.controller';
import { DutyRota } from './duty.service';
import { DutyShift } from './entities/duty-shift.entity';
import { Building } from '../org/entities/building.entity';
import { User } from '../org/entities/user.entity';

/** The duty rota of the buildings' assistants (24 h lobby duty). */
@Module({
  imports: [TypeOrmModule.forFeature([DutyShift, Building, User])],
  controllers: [DutyController],
  providers: [DutyRota],
})
export class DutyModule {}
