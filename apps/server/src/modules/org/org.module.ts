import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ORG_ENTITIES } from './entities/org-entities';
import { Access } from './access.service';
import { OrgDirectory } from './org-directory.service';

/** Places (company → community → building → room → household) and the people bound to them. */
@Module({
  imports: [TypeOrmModule.forFeature(ORG_ENTITIES)],
  providers: [OrgDirectory, Access],
  exports: [OrgDirectory, Access],
})
export class OrgModule {}
