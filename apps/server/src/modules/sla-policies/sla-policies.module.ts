import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { CompanyOfUser } from '../org/company-of-user';
import { Community } from '../org/entities/community.entity';
import { Company } from '../org/entities/company.entity';
import { SlaPolicyOverrideRow } from './entities/sla-policy-override.entity';
import { SlaPoliciesAdmin } from './sla-policies-admin.service';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPolicyOverrides } from './sla-policy-overrides.service';

/** The time-limit policies of docs/domain-rules.md §6 and each company's own numbers for them. */
@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicyOverrideRow, Community, Company]), CalendarModule],
  controllers: [SlaPoliciesController],
  providers: [SlaPolicyOverrides, SlaPoliciesAdmin, CompanyOfUser],
  exports: [SlaPolicyOverrides],
})
export class SlaPoliciesModule {}
