import { AssistantBuilding } from './assistant-building.entity';
import { Building } from './building.entity';
import { Community } from './community.entity';
import { Company } from './company.entity';
import { Household } from './household.entity';
import { Room } from './room.entity';
import { User } from './user.entity';

/** The places (company → community → building → room → household) and the people bound to them. */
export const ORG_ENTITIES = [
  Company,
  Community,
  Building,
  Room,
  Household,
  User,
  AssistantBuilding,
];
