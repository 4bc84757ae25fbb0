import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { EditMemberRequest, ErrorCode, MemberRole, MyHouseholdDto } from '@linli/contracts';
import { AuthUser } from '../../../common/auth/auth-user';
import { AppException } from '../../../common/errors/app-exception';
import { OrgDirectory } from '../../org/org-directory.service';
import { StaffProfiles } from '../../staff-profiles/staff-profiles.service';
import { HouseholdJoinRequest } from '../entities/household-join-request.entity';
import { HouseholdMemberEvent } from '../entities/household-member-event.entity';
import { HouseholdMember } from '../entities/household-member.entity';
import { HISTORY_LIMIT, PENDING, presentEvent } from '../membership-history';
import { byRole, presentMember, ResidencePasses } from './member-view';

/** ReadMyHousehold: the resident's own household: members (a tenant sees only themself) and the building's assistants. */
@Injectable()
export class ReadMyHousehold {
  constructor(
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(HouseholdMemberEvent)
    private readonly memberEvents: Repository<HouseholdMemberEvent>,
    @InjectRepository(HouseholdJoinRequest)
    private readonly joinRequests: Repository<HouseholdJoinRequest>,
    private readonly org: OrgDirectory,
    private readonly staffProfiles: StaffProfiles,
    private readonly passes: ResidencePasses,
  ) {}

  async run(user: AuthUser): Promise<MyHouseholdDto> {
    const place = user.householdId ? await this.org.householdPlace(user.householdId) : null;
    if (!place) throw new AppException(ErrorCode.TICKET_NO_HOUSEHOLD);
    const all = (
      await this.members.find({ where: { householdId: place.householdId, removedAt: IsNull() } })
    ).sort(byRole);
    const me = all.find((m) => m.userId === user.id);
    // Owners, family and relatives see the household; a tenant only themself.
    const visible = me && me.role === MemberRole.Tenant ? [me] : all;
    const passes = await this.passes.of(visible);
    const assistants = await this.staffProfiles.cardsOf(place.buildingId);
    const owner = me?.role === MemberRole.Owner;
    // Owners see who joined, was approved, rejected or removed, and the requests waiting for them.
    const [history, pendingJoinRequests] = owner
      ? await Promise.all([
          this.memberEvents.find({
            where: { householdId: place.householdId },
            order: { at: 'DESC' },
            take: HISTORY_LIMIT,
          }),
          this.joinRequests.count({
            where: {
              householdId: place.householdId,
              status: PENDING,
              needsOwner: true,
              ownerApprovedAt: IsNull(),
            },
          }),
        ])
      : [[], 0];
    return {
      id: place.householdId,
      roomLabel: place.roomLabel,
      communityName: place.communityName,
      members: visible.map((m) => presentMember(m, user, passes)),
      assistants,
      myRole: me?.role ?? null,
      myMemberId: me?.id ?? null,
      history: history.map(presentEvent),
      pendingJoinRequests,
    };
  }
}

/**
 * EditMyMember: a resident corrects their household's file: an owner any current member's phone,
 * relationship and move-in date; family, tenants and relatives only their own. Names, roles and ID numbers
 * stay with the office, which checks the papers. A member of another household is not found.
 */
@Injectable()
export class EditMyMember {
  constructor(
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly mine: ReadMyHousehold,
  ) {}

  async run(user: AuthUser, memberId: string, req: EditMemberRequest): Promise<MyHouseholdDto> {
    const member = user.householdId
      ? await this.members.findOne({
          where: { id: memberId, householdId: user.householdId, removedAt: IsNull() },
        })
      : null;
    if (!member) throw new AppException(ErrorCode.MEMBER_NOT_FOUND);
    if (member.userId !== user.id) {
      const me = await this.members.findOne({
        where: { householdId: member.householdId, userId: user.id, removedAt: IsNull() },
      });
      if (me?.role !== MemberRole.Owner) throw new AppException(ErrorCode.MEMBER_EDIT_NOT_ALLOWED);
    }
    const changes: Partial<HouseholdMember> = {};
    if (req.phone !== undefined) changes.phone = req.phone?.trim() || null;
    if (req.relationship !== undefined) changes.relationship = req.relationship?.trim() || null;
    if (req.moveInDate !== undefined) changes.moveInDate = req.moveInDate || null;
    if (Object.keys(changes).length > 0) await this.members.update({ id: member.id }, changes);
    return this.mine.run(user);
  }
}
