import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { CategoriesService } from '../categories/categories.service';
import { TicketCategory } from '../categories/entities/ticket-category.entity';
import { Access } from '../org/access.service';
import { Household } from '../org/entities/household.entity';
import { HouseholdPlace, OrgDirectory } from '../org/org-directory.service';
import { Ticket } from './entities/ticket.entity';
import { TicketQueries } from './ticket-queries.service';

/** What a submit must know before it writes: an earlier ticket under its key, where the household is, the category. */
export interface SubmitContext {
  /** The ticket an earlier submit with the same idempotency key made; null when the key is new. */
  earlierId: string | null;
  place: HouseholdPlace | null;
  category: TicketCategory | null;
}

/** The household row with the category joined onto it (not a relation of the entity: mapped for this read only). */
type HouseholdWithCategory = Household & { submitCategory?: TicketCategory | null };

/**
 * The read side of a submit: who may register for which household, and the submit's context. A resident's
 * submit reads the idempotency key, the household's place and the category in one statement (issue #16:
 * three statements before), the same on SQLite and MariaDB.
 */
@Injectable()
export class TicketSubmitContext {
  constructor(
    @InjectRepository(Household) private readonly households: Repository<Household>,
    private readonly org: OrgDirectory,
    private readonly categories: CategoriesService,
    private readonly access: Access,
    private readonly queries: TicketQueries,
  ) {}

  /** The resident's own submit: key, place and category in one SELECT. */
  async ofResident(
    reporterId: string,
    householdId: string | null,
    idempotencyKey: string,
    categoryCode: string,
  ): Promise<SubmitContext> {
    if (!householdId)
      return {
        earlierId: await this.earlier(reporterId, idempotencyKey),
        place: null,
        category: null,
      };
    const { entities, raw } = await this.households
      .createQueryBuilder('h')
      .innerJoinAndSelect('h.room', 'r')
      .innerJoinAndSelect('r.building', 'b')
      .innerJoinAndSelect('b.community', 'cm')
      .leftJoinAndMapOne('h.submitCategory', TicketCategory, 'cat', 'cat.code = :categoryCode', {
        categoryCode,
      })
      .addSelect(
        (sq) =>
          sq
            .select('t.id')
            .from(Ticket, 't')
            .where('t.reporterId = :reporterId AND t.idempotencyKey = :idempotencyKey')
            .limit(1),
        'earlierId',
      )
      .setParameters({ reporterId, idempotencyKey })
      .where('h.id = :householdId', { householdId })
      .getRawAndEntities<{ earlierId: string | null }>();
    const household = entities[0] as HouseholdWithCategory | undefined;
    // No household row (or no place for it): the key alone decides whether an earlier ticket answers.
    if (!household)
      return {
        earlierId: await this.earlier(reporterId, idempotencyKey),
        place: null,
        category: null,
      };
    const room = household.room!;
    const building = room.building!;
    return {
      earlierId: raw[0]?.earlierId ?? null,
      place: {
        householdId: household.id,
        roomId: room.id,
        roomLabel: room.label,
        buildingId: building.id,
        communityId: building.communityId,
        communityName: building.community!.name,
        companyId: building.community!.companyId,
      },
      category: household.submitCategory ?? null,
    };
  }

  earlier(reporterId: string, idempotencyKey: string): Promise<string | null> {
    return this.queries.idByIdempotencyKey(reporterId, idempotencyKey);
  }

  /** The household staff register a request for, when they may reach it (an assistant: their buildings). */
  async reachablePlace(staff: AuthUser, householdId: string): Promise<HouseholdPlace | null> {
    const place = await this.org.householdPlace(householdId);
    return place && (await this.access.reaches(staff, place)) ? place : null;
  }

  boundMemberWithPhone(householdId: string, phone: string): Promise<string | null> {
    return this.org.boundMemberWithPhone(householdId, phone);
  }

  category(code: string): Promise<TicketCategory | null> {
    return this.categories.find(code);
  }
}
