import { ErrorCode, MemberRole, Role } from '@linli/contracts';
import { IsNull } from 'typeorm';
import { HouseholdInvite } from '../../src/modules/households/entities/household-invite.entity';
import { HouseholdMemberEvent } from '../../src/modules/households/entities/household-member-event.entity';
import { HouseholdMember } from '../../src/modules/households/entities/household-member.entity';
import { Invitations } from '../../src/modules/households/use-cases/joining';
import { User } from '../../src/modules/org/entities/user.entity';
import {
  authOf,
  makeAssistant,
  makeCommunity,
  makeHousehold,
  makeUser,
} from '../support/factories';
import { createUseCaseContext, UseCaseContext } from '../support/use-case-context';

/** Invitations (InviteMember, JoinByCode) called directly, on a real database. */
describe('household invitation use cases', () => {
  let c: UseCaseContext;

  beforeAll(async () => {
    c = await createUseCaseContext();
  });
  afterAll(() => c.close());
  beforeEach(() => c.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }));

  it('an owner invites a tenant, who joins by the code: bound, on the file, in the history, code spent', async () => {
    const place = await makeCommunity(c);
    const { household, users } = await makeHousehold(c, place.room('甲栋1单元101室'));
    const owner = users['业主甲'];
    const newcomer = await makeUser(c, Role.Resident, '微信用户', null);

    const invite = await c.app
      .get(Invitations)
      .invite(authOf(owner), household.id, MemberRole.Tenant);
    expect(invite.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(invite.expiresAt).toBe('2026-11-30T02:00:00.000Z');

    await c.app.get(Invitations).join(authOf(newcomer), invite.code.toLowerCase(), ' 租客乙 ');

    expect(
      await c.dataSource.getRepository(User).findOneByOrFail({ id: newcomer.id }),
    ).toMatchObject({
      householdId: household.id,
      communityId: place.community.id,
    });
    expect(
      await c.dataSource.getRepository(HouseholdMember).findOneByOrFail({ userId: newcomer.id }),
    ).toMatchObject({
      householdId: household.id,
      name: '租客乙',
      role: MemberRole.Tenant,
      removedAt: null,
    });
    expect(
      await c.dataSource.getRepository(HouseholdMemberEvent).findBy({ householdId: household.id }),
    ).toEqual([
      expect.objectContaining({
        action: 'joined',
        actorId: newcomer.id,
        subjectName: '租客乙',
        note: '凭邀请码加入',
      }),
    ]);
    expect(
      await c.dataSource.getRepository(HouseholdInvite).findOneByOrFail({ code: invite.code }),
    ).toMatchObject({ usedById: newcomer.id, usedAt: c.clock.now() });
  });

  it('a spent code lets nobody else in, and the second person stays unbound', async () => {
    const place = await makeCommunity(c);
    const { household, users } = await makeHousehold(c, place.rooms[0]);
    const first = await makeUser(c, Role.Resident, '微信用户', null);
    const second = await makeUser(c, Role.Resident, '微信用户', null);
    const { code } = await c.app
      .get(Invitations)
      .invite(authOf(users['业主甲']), household.id, MemberRole.Family);
    await c.app.get(Invitations).join(authOf(first), code, '家人一');

    await expect(c.app.get(Invitations).join(authOf(second), code, '家人二')).rejects.toMatchObject(
      {
        code: ErrorCode.HOUSEHOLD_INVITE_INVALID,
      },
    );
    expect(await c.dataSource.getRepository(User).findOneByOrFail({ id: second.id })).toMatchObject(
      {
        householdId: null,
      },
    );
    expect(
      await c.dataSource
        .getRepository(HouseholdMember)
        .countBy({ householdId: household.id, removedAt: IsNull() }),
    ).toBe(2);
  });

  it('a tenant may not invite; the assistant of the building may, and the code is recorded as theirs', async () => {
    const place = await makeCommunity(c);
    const assistant = await makeAssistant(c, place, [place.building('甲栋')]);
    const { household, users } = await makeHousehold(c, place.room('甲栋1单元102室'), [
      { name: '业主甲', role: MemberRole.Owner, account: true },
      { name: '租客丙', role: MemberRole.Tenant, account: true },
    ]);

    await expect(
      c.app.get(Invitations).invite(authOf(users['租客丙']), household.id, MemberRole.Family),
    ).rejects.toMatchObject({ code: ErrorCode.HOUSEHOLD_NOT_FOUND });
    const { code } = await c.app
      .get(Invitations)
      .invite(authOf(assistant), household.id, MemberRole.Family);

    expect(
      await c.dataSource.getRepository(HouseholdInvite).findBy({ householdId: household.id }),
    ).toEqual([
      expect.objectContaining({
        code,
        createdById: assistant.id,
        role: MemberRole.Family,
        usedById: null,
      }),
    ]);
  });

  it('an assistant of another building may not invite to this household', async () => {
    const place = await makeCommunity(c);
    const elsewhere = await makeAssistant(c, place, [place.building('乙栋')]);
    const { household } = await makeHousehold(c, place.room('甲栋1单元101室'));

    await expect(
      c.app.get(Invitations).invite(authOf(elsewhere), household.id, MemberRole.Family),
    ).rejects.toMatchObject({ code: ErrorCode.HOUSEHOLD_NOT_FOUND });
    expect(
      await c.dataSource.getRepository(HouseholdInvite).countBy({ householdId: household.id }),
    ).toBe(0);
  });
});
