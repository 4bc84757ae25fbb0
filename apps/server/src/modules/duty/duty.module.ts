import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DutyController } from './duty.controller';
import { DutyRota } from './duty.service';
import { DutyShift } from './entities/duty-shift.entity';

/** The duty rota of the buildings' assistants (24 h lobby duty). */
@Module({
  imports: [TypeOrmModule.forFeature([DutyShift])],
  controllers: [DutyController],
  providers: [DutyRota],
})
export class DutyModule {}
