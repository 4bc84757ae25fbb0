import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssistantBuilding } from './entities/assistant-building.entity';
import { Building } from './entities/building.entity';
import { Community } from './entities/community.entity';
import { Company } from './entities/company.entity';
import { Household } from './entities/household.entity';
import { Room } from './entities/room.entity';
import { User } from './entities/user.entity';
import { Access } from './access.service';
import { OrgDirectory } from './org-directory.service';

/** Places (company → community → building → room → household) and the people bound to them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Company,
      Community,
      Building,
      Room,
      Household,
      User,
      AssistantBuilding,
    ]),
  ],
  providers: [OrgDirectory, Access],
  exports: [OrgDirectory, Access],
})
export class OrgModule {}
