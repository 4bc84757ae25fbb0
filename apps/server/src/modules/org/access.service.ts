import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Role } from '@linli/contracts';
import {
  guardsGateOf,
  residentSeesTicket,
  Place,
  Principal,
  reachLevel,
  Residence,
  staffReaches,
  TicketFacts,
  ticketReach,
  TicketReach,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { Building } from './entities/building.entity';
import { Community } from './entities/community.entity';
import { OrgDirectory } from './org-directory.service';

/** A place as the server knows it: a community (and a building) by id; the company is looked up. */
export interface PlaceRef {
  communityId: string;
  buildingId?: string | null;
}

/**
 * The one access service (issue #10): every module asks it who may see or act where. It gathers the facts
 * (the caller's company, buildings, membership) and leaves the decision to the pure policy in
 * packages/domain/src/access/reach.ts. docs/access.md has the table.
 */
@Injectable()
export class Access {
  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    private readonly org: OrgDirectory,
  ) {}

  /** The caller as the policy sees them. */
  async principal(user: AuthUser): Promise<Principal> {
    const companyId =
      user.communityId && user.role !== Role.Resident
        ? await this.companyOf(user.communityId)
        : null;
    const buildingIds =
      user.role === Role.Assistant ? await this.org.buildingsServedBy(user.id) : [];
    return {
      role: user.role,
      userId: user.id,
      householdId: user.householdId,
      communityId: user.communityId,
      companyId,
      buildingIds,
    };
  }

  /** The platform's admin (an admin bound to no community): the operator of every company, e.g. of the WeChat outbox. */
  async isPlatformAdmin(user: AuthUser): Promise<boolean> {
    return reachLevel(await this.principal(user)) === 'platform';
  }

  /** Whether a member of staff works where this place is (assistants: their buildings; supervisors: their community; admins: their company). */
  async reaches(user: AuthUser, ref: PlaceRef): Promise<boolean> {
    const place = await this.place(ref);
    return !!place && staffReaches(await this.principal(user), place);
  }

  /** Whether a guard stands at this community's gate. */
  async guardsGate(user: AuthUser, communityId: string): Promise<boolean> {
    const place = await this.place({ communityId });
    return !!place && guardsGateOf(await this.principal(user), place);
  }

  /**
   * The communities a supervisor or admin reaches ('all' for the platform's admin); an assistant's are
   * none (their reach is buildings: `buildingIds`).
   */
  async communityIds(user: AuthUser): Promise<'all' | string[]> {
    const p = await this.principal(user);
    switch (reachLevel(p)) {
      case 'platform':
        return 'all';
      case 'company':
        return (
          await this.communities.find({ where: { companyId: p.companyId! }, select: { id: true } })
        ).map((c) => c.id);
      case 'community':
        return [p.communityId!];
      default:
        return [];
    }
  }

  /** The buildings a member of staff reaches: an assistant's own, a supervisor's community's, an admin's company's. */
  async buildingIds(user: AuthUser): Promise<string[]> {
    if (user.role === Role.Assistant) return this.org.buildingsServedBy(user.id);
    const communities = await this.communityIds(user);
    if (communities !== 'all' && communities.length === 0) return [];
    const rows = await this.buildings.find({
      where: communities === 'all' ? {} : { communityId: In(communities) },
      select: { id: true },
    });
    return rows.map((b) => b.id);
  }

  /**
   * How the caller relates to a ticket and whether they may see it (and so act on it at all). `known`
   * carries the company of the ticket's community when the caller already read it (a submit has it from
   * the household's place), so it is not read again.
   */
  async ticket(
    user: AuthUser,
    t: Omit<TicketFacts, 'companyId'>,
    known?: { companyId: string },
  ): Promise<TicketReach> {
    const companyId = known?.companyId ?? (await this.companyOf(t.communityId));
    if (!companyId)
      return {
        ownHousehold: false,
        assignee: false,
        servesBuilding: false,
        supervisesCommunity: false,
        adminsCompany: false,
        canView: false,
      };
    const p = await this.principal(user);
    // The reporter sees their own report whatever their membership (residentSeesTicket decides that
    // before it looks at the residence), so their membership is not read for it.
    const ownReport = user.role === Role.Resident && t.reporterId === user.id;
    return ticketReach(p, ownReport ? null : await this.residence(user, t.householdId), {
      ...t,
      companyId,
    });
  }

  /**
   * The household's tickets a resident may see (issue #9, item 1): their own reports, the household's
   * repairs from the day they joined (an owner: all of them). For lists, exports and counters.
   */
  async residentVisible<
    T extends Omit<TicketFacts, 'companyId' | 'communityId' | 'buildingId' | 'assigneeId'>,
  >(user: AuthUser, householdId: string, tickets: T[]): Promise<T[]> {
    const p = await this.principal(user);
    const residence = await this.residence(user, householdId);
    const place = { companyId: '', communityId: '', buildingId: null, assigneeId: null };
    return tickets.filter((t) => residentSeesTicket(p, residence, { ...place, ...t }));
  }

  /** A resident's membership of a household: their role on its file and since when they live there. */
  async residence(user: AuthUser, householdId: string): Promise<Residence | null> {
    if (user.role !== Role.Resident || user.householdId !== householdId) return null;
    const member = await this.communities.manager.getRepository(HouseholdMember).findOne({
      where: { householdId, userId: user.id, removedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    return { householdId, memberRole: member?.role ?? null, since: member?.createdAt ?? null };
  }

  private async place(ref: PlaceRef): Promise<Place | null> {
    const companyId = await this.companyOf(ref.communityId);
    return companyId
      ? { companyId, communityId: ref.communityId, buildingId: ref.buildingId ?? null }
      : null;
  }

  private async companyOf(communityId: string): Promise<string | null> {
    return (
      (
        await this.communities.findOne({
          where: { id: communityId },
          select: { id: true, companyId: true },
        })
      )?.companyId ?? null
    );
  }
}
