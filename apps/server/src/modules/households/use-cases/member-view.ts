import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { HouseholdMemberDto, MemberRole, WechatReach } from '@linli/contracts';
import { memberView } from '@linli/domain';
import { AuthUser } from '../../../common/auth/auth-user';
import { MoveInPerson } from '../../move-ins/entities/move-in-person.entity';
import { HouseholdMember } from '../entities/household-member.entity';

const ROLE_ORDER = [MemberRole.Owner, MemberRole.Family, MemberRole.Tenant, MemberRole.Relative];
/** Owners first, then family, tenants and relatives; within a role, who came first. */
export const byRole = (a: HouseholdMember, b: HouseholdMember) =>
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  a.name.localeCompare(b.name, 'zh');

/** Who may see what of a member: the principle of least privilege, per role (domain's memberView). */
export function presentMember(
  m: HouseholdMember,
  viewer: AuthUser,
  passes: ReadonlyMap<string, string>,
  reach?: ReadonlyMap<string, WechatReach>,
): HouseholdMemberDto {
  const view = memberView(
    { role: viewer.role, self: m.userId !== null && m.userId === viewer.id },
    m,
  );
  return {
    id: m.id,
    name: m.name,
    role: m.role,
    relationship: m.relationship,
    phone: view.phone,
    idNumber: view.idNumber,
    moveInDate: m.moveInDate,
    onWechat: m.userId !== null,
    // Staff decide whether to call or message: can WeChat reach this person now?
    wechatReach: !view.showsReach
      ? null
      : m.userId === null
        ? WechatReach.Unbound
        : (reach?.get(m.userId) ?? WechatReach.InboxOnly),
    residencePass: passes.get(m.id) ?? null,
  };
}

/** The residence pass numbers issued to members at move-in registration. */
@Injectable()
export class ResidencePasses {
  constructor(
    @InjectRepository(MoveInPerson) private readonly moveInPeople: Repository<MoveInPerson>,
  ) {}

  /** By member id, for these members. */
  async of(members: HouseholdMember[]): Promise<Map<string, string>> {
    if (members.length === 0) return new Map();
    const rows = await this.moveInPeople.find({
      where: { memberId: In(members.map((m) => m.id)), residencePass: Not(IsNull()) },
      select: { memberId: true, residencePass: true },
    });
    return new Map(rows.map((r) => [r.memberId!, r.residencePass!]));
  }
}
