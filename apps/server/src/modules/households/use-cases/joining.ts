import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { ErrorCode, InviteDto, MemberRole, MyHouseholdDto, Role } from '@linli/contracts';
import { AuthUser } from '../../../common/auth/auth-user';
import { AppException } from '../../../common/errors/app-exception';
import { UnitOfWork } from '../../../database/unit-of-work';
import { ClockService } from '../../clock/clock.service';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';
import { OrgDirectory } from '../../org/org-directory.service';
import { AccessTokens } from '../../outbox/access-tokens.service';
import { WechatClient } from '../../wechat/wechat.client';
import { HouseholdInvite } from '../entities/household-invite.entity';
import { HouseholdMemberEvent } from '../entities/household-member-event.entity';
import { HouseholdMember } from '../entities/household-member.entity';
import { HouseholdAccess } from '../household-access';
import { ReadMyHousehold } from './my-household';

/** How long an invitation code stays valid. */
const INVITE_TTL_MS = 7 * 24 * 3_600_000;
const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read out over the phone

/** InviteMember and JoinByCode: an invitation code, and a WeChat user spending it to join the household. */
@Injectable()
export class Invitations {
  constructor(
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(HouseholdInvite) private readonly invites: Repository<HouseholdInvite>,
    private readonly access: HouseholdAccess,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    private readonly org: OrgDirectory,
    private readonly mine: ReadMyHousehold,
  ) {}

  /** An invitation code for a new member: issued by the building's staff, or by an owner of the household. */
  async invite(user: AuthUser, householdId: string, role: MemberRole): Promise<InviteDto> {
    if (user.role === Role.Resident) {
      const owner = await this.members.findOne({
        where: { householdId, userId: user.id, role: MemberRole.Owner, removedAt: IsNull() },
      });
      if (!owner) throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
    } else {
      await this.access.staff(user, householdId);
    }
    const code = Array.from(
      { length: 8 },
      () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)],
    ).join('');
    const expiresAt = new Date(this.clock.now().getTime() + INVITE_TTL_MS);
    await this.invites.insert({
      code,
      householdId,
      role,
      createdById: user.id,
      expiresAt,
      usedById: null,
      usedAt: null,
    });
    return { code, role, expiresAt: expiresAt.toISOString() };
  }

  /** A WeChat user binds to the household of an invitation code (once; the code is then spent). */
  async join(user: AuthUser, code: string, name: string): Promise<MyHouseholdDto> {
    if (user.role !== Role.Resident) throw new AppException(ErrorCode.FORBIDDEN);
    if (user.householdId) throw new AppException(ErrorCode.HOUSEHOLD_ALREADY_BOUND);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      // Spend the code first, conditionally: two people racing for one code, one wins.
      const spent = await db
        .createQueryBuilder()
        .update(HouseholdInvite)
        .set({ usedById: user.id, usedAt: now })
        .where('code = :code AND usedById IS NULL AND expiresAt > :now', {
          code: code.trim().toUpperCase(),
          now,
        })
        .execute();
      if (spent.affected !== 1) throw new AppException(ErrorCode.HOUSEHOLD_INVITE_INVALID);
      const invite = await db.findOneOrFail(HouseholdInvite, {
        where: { code: code.trim().toUpperCase() },
      });
      const household = await db.findOneOrFail(Household, {
        where: { id: invite.householdId },
        relations: { room: { building: true } },
      });
      await db.update(
        User,
        { id: user.id },
        {
          householdId: invite.householdId,
          communityId: household.room?.building?.communityId ?? null,
        },
      );
      const memberId = randomUUID();
      await db.insert(HouseholdMember, {
        id: memberId,
        householdId: invite.householdId,
        name: name.trim(),
        role: invite.role,
        relationship: null,
        phone: null,
        idNumber: null,
        moveInDate: null,
        userId: user.id,
        createdAt: now,
        removedAt: null,
        removedById: null,
      });
      // The membership history shows invitation joins too (the invitation's issuer consented).
      await db.insert(HouseholdMemberEvent, {
        id: randomUUID(),
        householdId: invite.householdId,
        requestId: null,
        memberId,
        action: 'joined',
        actingAs: null,
        actorId: user.id,
        actorName: name.trim().slice(0, 50),
        subjectName: name.trim(),
        subjectRole: invite.role,
        note: '凭邀请码加入',
        at: now,
      });
    });
    return this.mine.run({
      ...user,
      householdId: (await this.org.authUser(user.id))?.householdId ?? null,
    });
  }
}

/**
 * BindPhone: the resident shares their WeChat phone number (getPhoneNumber): it is saved, and when it
 * matches exactly one unbound member on a household file, the caller is bound to that household as that member.
 */
@Injectable()
export class BindPhone {
  constructor(
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly wechat: WechatClient,
    private readonly tokens: AccessTokens,
    private readonly unitOfWork: UnitOfWork,
    private readonly org: OrgDirectory,
    private readonly mine: ReadMyHousehold,
  ) {}

  async run(user: AuthUser, code: string): Promise<MyHouseholdDto> {
    if (user.role !== Role.Resident) throw new AppException(ErrorCode.FORBIDDEN);
    let answer = await this.wechat.phoneNumber(await this.tokens.get(), code);
    if ('errcode' in answer && (answer.errcode === 40001 || answer.errcode === 42001))
      answer = await this.wechat.phoneNumber(await this.tokens.refresh(), code);
    if ('errcode' in answer)
      throw new AppException(
        answer.errcode === 40029 ? ErrorCode.PHONE_CODE_INVALID : ErrorCode.AUTH_WECHAT_UNAVAILABLE,
      );
    const phone = answer.phone;
    const candidates = await this.members.find({
      where: { phone, userId: IsNull(), removedAt: IsNull() },
    });
    const match = user.householdId
      ? candidates.find((m) => m.householdId === user.householdId)
      : candidates.length === 1
        ? candidates[0]
        : undefined;
    await this.unitOfWork.run(async (db) => {
      await db.update(User, { id: user.id }, { phone });
      if (!match) return;
      // Linked only if still unlinked: two accounts racing for one member, one wins.
      const linked = await db
        .createQueryBuilder()
        .update(HouseholdMember)
        .set({ userId: user.id })
        .where('id = :id AND userId IS NULL', { id: match.id })
        .execute();
      if (linked.affected !== 1 || user.householdId) return;
      const household = await db.findOneOrFail(Household, {
        where: { id: match.householdId },
        relations: { room: { building: true } },
      });
      await db.update(
        User,
        { id: user.id },
        {
          householdId: match.householdId,
          communityId: household.room?.building?.communityId ?? null,
        },
      );
    });
    const bound = (await this.org.authUser(user.id))?.householdId ?? null;
    if (!bound) throw new AppException(ErrorCode.HOUSEHOLD_PHONE_NOT_FOUND);
    return this.mine.run({ ...user, householdId: bound });
  }
}
