import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MemberRole, Role } from '@linli/contracts';
import {
  chinaMidnight,
  chinaMonthOf,
  monthsEndingWith,
  roomLabel,
  WorkingCalendar,
} from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DEFAULT_CATEGORIES } from '../../modules/categories/category-catalog';
import { HouseholdMember } from '../../modules/households/entities/household-member.entity';
import { TicketCategory } from '../../modules/categories/entities/ticket-category.entity';
import { ClockService } from '../../modules/clock/clock.service';
import { AssistantBuilding } from '../../modules/org/entities/assistant-building.entity';
import { Building } from '../../modules/org/entities/building.entity';
import { Community } from '../../modules/org/entities/community.entity';
import { Company } from '../../modules/org/entities/company.entity';
import { Household } from '../../modules/org/entities/household.entity';
import { Room } from '../../modules/org/entities/room.entity';
import { User } from '../../modules/org/entities/user.entity';
import { insertRows, UnitOfWork } from '../unit-of-work';
import { DEMO_ADMIN_OPENID, DEMO_COMMUNITY, DEMO_OPENIDS } from './demo-community';
import { seedDemoHouseholds } from './demo-households';
import { seedTicketHistory } from './demo-ticket-history';
import { seedFeedbackDemo } from './feedback-demo';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoChat } from './demo-chat';
import { seedCare } from './care-seed';

/** Six months, so the dashboard's trends have a past to show; the last month is the demo's busiest view. */
const HISTORY_DAYS = 183;

/**
 * Fills an empty database at boot: the ticket categories when there are none, and, outside production
 * mode, the demo community 阳光花园 when there is no company yet. Running it again changes nothing.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.unitOfWork.run(async (db) => {
      if ((await db.count(TicketCategory)) === 0) await this.seedCategories(db);
      if (!this.config.productionMode && (await db.count(Company)) === 0)
        await this.seedDemoCommunity(db);
      else if (!this.config.productionMode) await this.seedDemoGuard(db);
    });
  }

  /** A demo database seeded before the guard role existed gets the guard persona, once. */
  private async seedDemoGuard(db: EntityManager): Promise<void> {
    if ((await db.count(User, { where: { openid: DEMO_OPENIDS.guard } })) > 0) return;
    const community = await db.findOne(Community, { where: { name: DEMO_COMMUNITY.community } });
    if (!community) return;
    await insertRows(db, User, this.guardOf(community.id));
    this.logger.log(`seeded the demo guard ${DEMO_COMMUNITY.guardName}`);
  }

  private guardOf(communityId: string) {
    return {
      id: randomUUID(),
      name: DEMO_COMMUNITY.guardName,
      role: Role.Guard,
      openid: DEMO_OPENIDS.guard,
      phone: '13800000009',
      householdId: null,
      communityId,
      createdAt: this.clock.now(),
    };
  }

  private async seedCategories(db: EntityManager): Promise<void> {
    await insertRows(
      db,
      TicketCategory,
      DEFAULT_CATEGORIES.map((c, i) => ({
        ...c,
        serious: c.serious ?? false,
        sortOrder: (i + 1) * 10,
      })),
    );
    this.logger.log(`seeded ${DEFAULT_CATEGORIES.length} ticket categories`);
  }

  private async seedDemoCommunity(db: EntityManager): Promise<void> {
    const now = this.clock.now();
    const d = DEMO_COMMUNITY;
    const company = { id: randomUUID(), name: d.company, createdAt: now };
    const community = {
      id: randomUUID(),
      companyId: company.id,
      name: d.community,
      createdAt: now,
    };
    await insertRows(db, Company, company);
    await insertRows(db, Community, community);

    const buildings = d.buildings.map((name, i) => ({
      id: randomUUID(),
      communityId: community.id,
      name,
      sortOrder: i + 1,
    }));
    await insertRows(db, Building, buildings);
    const rooms = buildings.flatMap((b) =>
      d.units.flatMap((unit) =>
        d.rooms.map((number) => ({
          id: randomUUID(),
          buildingId: b.id,
          unit,
          number,
          label: roomLabel(b.name, unit, number),
        })),
      ),
    );
    await insertRows(db, Room, rooms);

    const [homeBuilding, homeUnit, homeNumber] = d.residentHome;
    const home = rooms.find((r) => r.label === roomLabel(homeBuilding, homeUnit, homeNumber))!;
    const household = { id: randomUUID(), roomId: home.id, createdAt: now };
    await insertRows(db, Household, household);

    const user = (name: string, role: Role, openid: string, extra: Partial<User> = {}) => ({
      id: randomUUID(),
      name,
      role,
      openid,
      phone: null,
      householdId: null,
      communityId: community.id,
      createdAt: now,
      ...extra,
    });
    const resident = user('王女士', Role.Resident, DEMO_OPENIDS.resident, {
      householdId: household.id,
      phone: '13800000001',
    });
    const assistant = user('李管家', Role.Assistant, DEMO_OPENIDS.assistant, {
      phone: '13800000002',
    });
    const supervisor = user('张主任', Role.Supervisor, DEMO_OPENIDS.supervisor);
    const admin = user('系统管理员', Role.Admin, DEMO_ADMIN_OPENID, { communityId: null });
    const newcomer = user('赵先生', Role.Resident, DEMO_OPENIDS.newcomer, { communityId: null });
    const engineering = user('孙经理', Role.Supervisor, DEMO_OPENIDS.department_head, {
      department: 'engineering',
      phone: '13800000005',
    });
    const guard = this.guardOf(community.id);
    await insertRows(db, User, [
      resident,
      assistant,
      supervisor,
      admin,
      newcomer,
      engineering,
      guard,
    ]);
    await insertRows(
      db,
      AssistantBuilding,
      buildings.map((b) => ({ userId: assistant.id, buildingId: b.id })),
    );
    // The resident's household file: her (bound to her WeChat) and her husband.
    await insertRows(db, HouseholdMember, [
      {
        id: randomUUID(),
        householdId: household.id,
        name: '王女士',
        role: MemberRole.Owner,
        relationship: '本人',
        phone: '13800000001',
        idNumber: '110105198503152428',
        moveInDate: '2020-06-01',
        userId: resident.id,
        createdAt: now,
        removedAt: null,
      },
      {
        id: randomUUID(),
        householdId: household.id,
        name: '王先生',
        role: MemberRole.Family,
        relationship: '配偶',
        phone: '13900000002',
        idNumber: '110105198307201819',
        moveInDate: '2020-06-01',
        userId: null,
        createdAt: now,
        removedAt: null,
      },
    ]);
    this.logger.log(
      `seeded demo community ${d.community}: ${buildings.length} buildings, ${rooms.length} rooms, 6 users`,
    );
    // The features' demos, outside the server tests (whose specs count on the bare community). Festival care
    // first (its elderly households), then, with the full demo (LINLI_DEMO_HISTORY), the other neighbours'
    // households; the feedback and questionnaire demos reuse whatever household a room already has.
    const demo = this.config.nodeEnv !== 'test';
    if (demo) await seedCare(db, community.id, supervisor.id, assistant.id, household.id, now);
    const seeded = this.config.demoHistory
      ? await seedDemoHouseholds(db, community.id, rooms, now)
      : [];
    // Ratings and callbacks of last month and this one.
    if (demo)
      await seedFeedbackDemo(db, now, this.config.uploadsDir, this.config.feedback.sampling);
    // Questionnaire rounds: last month's with published results, this month's open one.
    await seedDemoSurveys(db, now, this.config.nodeEnv);
    if (!this.config.demoHistory) return;
    // Six months of tickets; complaints of last month and this one are the feedback demo's (rated, called back).
    const buildingOf = new Map<string, string>(rooms.map((r) => [r.id, r.buildingId]));
    const households = [
      {
        householdId: household.id as string,
        roomId: home.id as string,
        userId: resident.id as string,
      },
      ...seeded,
    ].map((h) => ({ ...h, buildingId: buildingOf.get(h.roomId)! }));
    const lastMonth = chinaMidnight(`${monthsEndingWith(chinaMonthOf(now), 2)[0]}-01`);
    const tickets = await seedTicketHistory(db, {
      communityId: community.id,
      households,
      assistantId: assistant.id,
      now,
      calendar: new WorkingCalendar(),
      days: HISTORY_DAYS,
      noComplaintsFrom: lastMonth,
    });
    this.logger.log(
      `seeded ${seeded.length} more households and ${tickets} tickets of the past ${HISTORY_DAYS} days`,
    );
    // Last: the customer-service chat's conversations (their ticket codes follow the history's day counters);
    // like the other features' demos, not in the server tests, whose specs count the history's tickets.
    if (demo) await seedDemoChat(db, now, this.config.hotline);
  }
}
