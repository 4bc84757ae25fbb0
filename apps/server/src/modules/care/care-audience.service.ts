import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AudienceSpecDto,
  HouseholdDocument,
  MemberRole,
  SkipReason,
  TicketKind,
} from '@linli/contracts';
import {
  type AudienceHousehold,
  householdSkipReason,
  OPEN_STATUSES,
  renovationUnderWay,
  selectAudience,
  DEFAULT_TIMING_GUARD,
} from '@linli/domain';
import { EntityManager, In, Repository } from 'typeorm';
import { HouseholdDocumentRecord } from '../households/entities/household-document.entity';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { Ticket } from '../tickets/entities/ticket.entity';

/** A household of the community as campaigns see it: place and current members. */
export interface CareHousehold extends AudienceHousehold {
  label: string;
  /** Members who use the mini-program (greeting cards and WeChat go to them). */
  userIds: string[];
}

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reads the household files a campaign's audience is chosen from, and what the timing guard needs
 * (open complaints, renovations). The choosing itself is the domain's pure `selectAudience`.
 */
@Injectable()
export class CareAudience {
  constructor(
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(HouseholdDocumentRecord)
    private readonly documents: Repository<HouseholdDocumentRecord>,
  ) {}

  /** Every household of the community with its current members (removed ones are not counted); `db`: inside a transaction. */
  async households(communityId: string, db?: EntityManager): Promise<CareHousehold[]> {
    const rows = await (db?.getRepository(HouseholdMember) ?? this.members)
      .createQueryBuilder('m')
      .innerJoin('m.household', 'h')
      .innerJoin('h.room', 'r')
      .innerJoin('r.building', 'b')
      .select([
        'm.householdId AS householdId',
        'm.role AS role',
        'm.idNumber AS idNumber',
        'm.moveInDate AS moveInDate',
        'm.userId AS userId',
        'r.buildingId AS buildingId',
        'r.label AS label',
      ])
      .where('b.communityId = :communityId AND m.removedAt IS NULL', { communityId })
      .orderBy('b.sortOrder', 'ASC')
      .addOrderBy('r.label', 'ASC')
      .getRawMany<{
        householdId: string;
        role: MemberRole;
        idNumber: string | null;
        moveInDate: string | null;
        userId: string | null;
        buildingId: string;
        label: string;
      }>();
    const byId = new Map<string, CareHousehold>();
    for (const r of rows) {
      let h = byId.get(r.householdId);
      if (!h) {
        h = {
          householdId: r.householdId,
          buildingId: r.buildingId,
          label: r.label,
          members: [],
          userIds: [],
        };
        byId.set(r.householdId, h);
      }
      (
        h.members as { role: MemberRole; idNumber: string | null; moveInDate: string | null }[]
      ).push({ role: r.role, idNumber: r.idNumber, moveInDate: r.moveInDate });
      if (r.userId) h.userIds.push(r.userId);
    }
    return [...byId.values()];
  }

  /** The audience of `spec` on China day `today`. */
  async select(
    communityId: string,
    spec: AudienceSpecDto,
    today: string,
    db?: EntityManager,
  ): Promise<CareHousehold[]> {
    return selectAudience(await this.households(communityId, db), spec, today);
  }

  /** Why each of these households is held back at `now` (absent: it may be greeted); `db`: inside a transaction. */
  async skipReasons(
    householdIds: readonly string[],
    now: Date,
    complaintWindowDays = DEFAULT_TIMING_GUARD.complaintWindowDays,
    db?: EntityManager,
  ): Promise<Map<string, SkipReason>> {
    const tickets = db?.getRepository(Ticket) ?? this.tickets;
    const documents = db?.getRepository(HouseholdDocumentRecord) ?? this.documents;
    const complaints = new Map<string, Date[]>();
    const renovationStart = new Map<string, Date>();
    for (const ids of chunks(householdIds)) {
      const open = await tickets.find({
        select: { householdId: true, createdAt: true },
        where: { householdId: In(ids), kind: TicketKind.Complaint, status: In([...OPEN_STATUSES]) },
      });
      for (const t of open)
        complaints.set(t.householdId, [...(complaints.get(t.householdId) ?? []), t.createdAt]);
      const papers = await documents.find({
        select: { householdId: true, recordedAt: true },
        where: { householdId: In(ids), kind: HouseholdDocument.RenovationStartApplication },
      });
      for (const p of papers) renovationStart.set(p.householdId, p.recordedAt);
    }
    const reasons = new Map<string, SkipReason>();
    for (const id of householdIds) {
      const reason = householdSkipReason(
        {
          openComplaintsAt: complaints.get(id) ?? [],
          renovating: renovationUnderWay(renovationStart.get(id) ?? null, now),
        },
        now,
        { complaintWindowDays },
      );
      if (reason) reasons.set(id, reason);
    }
    return reasons;
  }
}
