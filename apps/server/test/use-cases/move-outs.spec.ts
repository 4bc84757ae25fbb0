import {
  ErrorCode,
  MemberRole,
  MoveOutScope,
  MoveOutStatus,
  OwnerAuthorisation,
} from '@linli/contracts';
import { MoveOut } from '../../src/modules/move-outs/entities/move-out.entity';
import { MoveOutOffice } from '../../src/modules/move-outs/move-out-office';
import { MoveOuts } from '../../src/modules/move-outs/move-outs.service';
import { authOf, makeAssistant, makeCommunity, makeHousehold } from '../support/factories';
import { createUseCaseContext, UseCaseContext } from '../support/use-case-context';

/** Move-out applications (apply, owner authorisation, fees, approval) called directly, on a real database. */
describe('move-out use cases', () => {
  let c: UseCaseContext;

  beforeAll(async () => {
    c = await createUseCaseContext();
  });
  afterAll(() => c.close());
  beforeEach(() => c.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true })); // Mon 10:00 China

  const application = {
    moveDate: '2026-11-25',
    scope: MoveOutScope.Partial,
    items: ['沙发', '冰箱'],
    carrierName: '搬家师傅',
    carrierPhone: '13912345678',
  };

  async function tenantHome() {
    const place = await makeCommunity(c);
    const assistant = await makeAssistant(c, place, place.buildings);
    const { household, users } = await makeHousehold(c, place.room('甲栋1单元101室'), [
      { name: '业主甲', role: MemberRole.Owner, account: true },
      { name: '租客乙', role: MemberRole.Tenant, account: true },
    ]);
    return { place, assistant, household, owner: users['业主甲'], tenant: users['租客乙'] };
  }

  it('a tenant’s application waits for the owner’s authorisation, then is approved with a slip', async () => {
    const { assistant, household, owner, tenant } = await tenantHome();
    const moveOuts = c.app.get(MoveOuts);
    const office = c.app.get(MoveOutOffice);
    const rows = c.dataSource.getRepository(MoveOut);

    const { id } = await moveOuts.create(authOf(tenant), application);
    expect(await rows.findOneByOrFail({ id })).toMatchObject({
      householdId: household.id,
      status: MoveOutStatus.AwaitingOwner,
      applicantId: tenant.id,
      applicantRole: MemberRole.Tenant,
      items: '沙发\n冰箱',
      ownerAuthorisation: null,
    });
    await expect(office.decide(authOf(assistant), id, true)).rejects.toMatchObject({
      code: ErrorCode.MOVE_OUT_NEEDS_OWNER,
    });

    await moveOuts.ownerDecision(authOf(owner), id, true);
    expect(await rows.findOneByOrFail({ id })).toMatchObject({
      status: MoveOutStatus.Pending,
      ownerAuthorisation: OwnerAuthorisation.Owner,
      ownerAuthorisedById: owner.id,
    });

    await office.decide(authOf(assistant), id, true);
    const approved = await rows.findOneByOrFail({ id });
    expect(approved).toMatchObject({
      status: MoveOutStatus.Approved,
      decidedById: assistant.id,
      decidedAt: c.clock.now(),
    });
    expect(approved.slipCode).toMatch(/^\S{8}$/);
    expect(approved.slipValidUntil).toEqual(new Date('2026-11-26T15:59:59.999Z'));
  });

  it('an owner moving out entirely goes straight to the office, which approves only once the fees are settled', async () => {
    const { assistant, owner } = await tenantHome();
    const office = c.app.get(MoveOutOffice);
    const rows = c.dataSource.getRepository(MoveOut);

    const { id } = await c.app
      .get(MoveOuts)
      .create(authOf(owner), { ...application, scope: MoveOutScope.Whole });
    expect(await rows.findOneByOrFail({ id })).toMatchObject({
      status: MoveOutStatus.Pending,
      ownerAuthorisation: OwnerAuthorisation.Self,
      ownerAuthorisedById: owner.id,
    });
    await expect(office.decide(authOf(assistant), id, true)).rejects.toMatchObject({
      code: ErrorCode.MOVE_OUT_FEES_UNSETTLED,
    });
    expect((await rows.findOneByOrFail({ id })).status).toBe(MoveOutStatus.Pending);

    await office.markFeesSettled(authOf(assistant), id);
    await office.decide(authOf(assistant), id, true);
    expect(await rows.findOneByOrFail({ id })).toMatchObject({
      status: MoveOutStatus.Approved,
      feesSettledById: assistant.id,
      feesSettledAt: c.clock.now(),
      decidedById: assistant.id,
    });
  });

  it('a rejection needs a reason and records it, with no slip', async () => {
    const { assistant, owner } = await tenantHome();
    const { id } = await c.app.get(MoveOuts).create(authOf(owner), application);
    const office = c.app.get(MoveOutOffice);

    await expect(office.decide(authOf(assistant), id, false, '  ')).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
    await office.decide(authOf(assistant), id, false, '物业费未结清');

    expect(await c.dataSource.getRepository(MoveOut).findOneByOrFail({ id })).toMatchObject({
      status: MoveOutStatus.Rejected,
      rejectReason: '物业费未结清',
      decidedById: assistant.id,
      slipCode: null,
    });
  });
});
