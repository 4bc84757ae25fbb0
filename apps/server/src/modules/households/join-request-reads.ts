import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import {
  ErrorCode,
  JoinApprover,
  JoinRequestDto,
  MemberRole,
  Role,
  STAFF_ROLES,
} from '@linli/contracts';
import { joinRequestCapacity, maskPhone } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { HouseholdJoinRequest } from './entities/household-join-request.entity';
import { HouseholdMember } from './entities/household-member.entity';
import { HouseholdAccess } from './household-access';
import { PENDING } from './membership-history';
import { ownedHouseholds } from './room-files';

/**
 * How a join request reads to whoever looks at it: whether they may see it, in which capacity they may
 * decide it now, and the request as shown to them (the phone masked for owners).
 */
@Injectable()
export class JoinRequestReads {
  constructor(
    @InjectRepository(HouseholdJoinRequest)
    private readonly requests: Repository<HouseholdJoinRequest>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly access: HouseholdAccess,
  ) {}

  readonly relations = {
    household: { room: { building: { community: true } } },
    ownerApprovedBy: true,
    officeApprovedBy: true,
    decidedBy: true,
  } as const;

  load(id: string): Promise<HouseholdJoinRequest> {
    return this.requests.findOneOrFail({ where: { id }, relations: this.relations });
  }

  /** Whom the request concerns: the requester, an owner of the household, the office of its building. Others: not found. */
  async visible(user: AuthUser, id: string): Promise<HouseholdJoinRequest> {
    const request = await this.requests.findOne({
      where: { id },
      relations: { household: { room: true } },
    });
    if (!request) throw new AppException(ErrorCode.JOIN_REQUEST_NOT_FOUND);
    const sees =
      request.userId === user.id ||
      (user.role === Role.Resident
        ? (await ownedHouseholds(this.members, user.id)).includes(request.householdId)
        : STAFF_ROLES.includes(user.role) &&
          (await this.access.mayWorkIn(user, {
            id: request.buildingId,
            communityId: request.communityId,
          })));
    if (!sees) throw new AppException(ErrorCode.JOIN_REQUEST_NOT_FOUND);
    return request;
  }

  async capacity(user: AuthUser, r: HouseholdJoinRequest): Promise<JoinApprover> {
    const as = await this.decidesAs(user, r);
    if (as) return as;
    // The requester, or someone whose step is done or not theirs.
    throw new AppException(
      r.status !== PENDING
        ? ErrorCode.JOIN_REQUEST_DECIDED
        : r.userId === user.id
          ? ErrorCode.FORBIDDEN
          : ErrorCode.JOIN_REQUEST_DECIDED,
    );
  }

  /**
   * The capacity in which the caller may approve or reject now, or null. An owner of the household approves
   * as owner; the building's office as office, and also for the owner when no owner of the household uses
   * the mini-program (the office then holds the owner's written consent, docs/domain-rules.md §4).
   */
  async decidesAs(user: AuthUser, r: HouseholdJoinRequest): Promise<JoinApprover | null> {
    if (r.status !== PENDING || r.userId === user.id) return null;
    const ownerStepOpen = r.needsOwner && r.ownerApprovedAt === null;
    const officeStepOpen = r.needsOffice && r.officeApprovedAt === null;
    const resident = user.role === Role.Resident;
    const householdOwner =
      resident &&
      ownerStepOpen &&
      (await ownedHouseholds(this.members, user.id)).includes(r.householdId);
    const office =
      !resident &&
      (await this.access.mayWorkIn(user, { id: r.buildingId, communityId: r.communityId }));
    // Only looked up when it could matter: the office steps in for owners who do not use the mini-program.
    const officeForOwner =
      office && !officeStepOpen && ownerStepOpen && !(await this.hasBoundOwner(r.householdId));
    return joinRequestCapacity(r.status, {
      householdOwner,
      office,
      officeForOwner,
      ownerStepOpen,
      officeStepOpen,
    });
  }

  private async hasBoundOwner(householdId: string): Promise<boolean> {
    const owners = await this.members.find({
      where: { householdId, role: MemberRole.Owner, removedAt: IsNull() },
    });
    return owners.some((o) => o.userId !== null);
  }

  async present(viewer: AuthUser, r: HouseholdJoinRequest): Promise<JoinRequestDto> {
    const room = r.household?.room;
    const approvers: JoinApprover[] = [
      ...(r.needsOwner ? (['owner'] as const) : []),
      ...(r.needsOffice ? (['office'] as const) : []),
    ];
    const approvals = [
      ...(r.ownerApprovedAt
        ? [
            {
              as: 'owner' as const,
              byName: r.ownerApprovedBy?.name ?? '',
              at: r.ownerApprovedAt.toISOString(),
            },
          ]
        : []),
      ...(r.officeApprovedAt
        ? [
            {
              as: 'office' as const,
              byName: r.officeApprovedBy?.name ?? '',
              at: r.officeApprovedAt.toISOString(),
            },
          ]
        : []),
    ];
    const ownerOnly = viewer.role === Role.Resident && viewer.id !== r.userId;
    return {
      id: r.id,
      householdId: r.householdId,
      roomLabel: room?.label ?? '',
      communityName: room?.building?.community?.name ?? '',
      name: r.name,
      phone: ownerOnly ? maskPhone(r.phone) : r.phone,
      role: r.role,
      relationship: r.relationship,
      status: r.status,
      approvers,
      approvals,
      waitingFor:
        r.status === PENDING ? approvers.filter((a) => !approvals.some((g) => g.as === a)) : [],
      canDecideAs: await this.decidesAs(viewer, r),
      rejectedByName: r.status === 'rejected' ? (r.decidedBy?.name ?? null) : null,
      rejectReason: r.rejectReason,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    };
  }
}
