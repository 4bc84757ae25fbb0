import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RetentionRun } from './entities/retention-run.entity';
import { RetentionController } from './retention.controller';
import { RetentionJob } from './retention-job';

/** Retention (§12): the job that anonymises what is past the retention period, and its record. */
@Module({
  imports: [TypeOrmModule.forFeature([RetentionRun])],
  controllers: [RetentionController],
  providers: [RetentionJob],
  exports: [RetentionJob],
})
export class RetentionModule {}
