import {
  CampaignDto,
  CareOccasion,
  CareRoutes,
  DemoPersona,
  NotificationKind,
} from '@linli/contracts';
import { AppConfig } from '../src/config/app-config';
import { APP_CONFIG } from '../src/config/config.module';
import { CareAudience } from '../src/modules/care/care-audience.service';
import { CareFanout } from '../src/modules/care/care-fanout.service';
import { CareCampaign } from '../src/modules/care/entities/care-campaign.entity';
import { CareRecipient } from '../src/modules/care/entities/care-recipient.entity';
import { ClockService } from '../src/modules/clock/clock.service';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { Outbox } from '../src/modules/outbox/outbox.service';
import { UnitOfWork } from '../src/database/unit-of-work';
import { bearer, loginPersona } from './support/login';
import { bootCareWorld, careHelpers, CareWorld } from './support/care-world';
import { TestApp } from './support/test-app';

let w: CareWorld;
let t: TestApp;
let supervisor: string;

beforeAll(async () => {
  w = await bootCareWorld();
  ({ t, supervisor } = w);
});
afterAll(() => t?.close());

const { MID_AUTUMN, fanout } = careHelpers(() => w);

describe('the fan-out under two instances and quiet hours', () => {
  it('waits out quiet hours, then two instances greet every household exactly once', async () => {
    // 23:00 China time: scheduled, but nothing goes until 08:00.
    t.clock.set({ now: new Date('2026-12-30T15:00:00Z'), freeze: true });
    supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
    const c = (
      await t
        .http()
        .post(CareRoutes.campaigns)
        .set(bearer(supervisor))
        .send(
          MID_AUTUMN({
            occasion: CareOccasion.NewYear,
            audience: { buildingIds: [], segments: [] },
            gift: null,
            channels: { card: true, wechat: false, visit: false },
          }),
        )
        .expect(201)
    ).body as CampaignDto;
    expect(c).toMatchObject({ title: '元旦', occasionDate: '2027-01-01' });
    await t.http().post(CareRoutes.send(c.id)).set(bearer(supervisor)).send({}).expect(200);
    expect(await fanout()).toMatchObject({ campaigns: 1, sent: 0 });
    expect(
      (
        (await t.http().get(CareRoutes.campaign(c.id)).set(bearer(supervisor)).expect(200))
          .body as CampaignDto
      ).progress,
    ).toMatchObject({ targeted: 5, pending: 5 });

    t.clock.set({ now: new Date('2026-12-31T00:00:00Z'), freeze: true });
    const second = new CareFanout(
      t.dataSource.getRepository(CareCampaign),
      t.dataSource.getRepository(CareRecipient),
      t.app.get(UnitOfWork),
      t.app.get(CareAudience),
      t.app.get(Outbox),
      t.app.get(ClockService),
      t.app.get<AppConfig>(APP_CONFIG),
    );
    const [a, b] = await Promise.all([t.app.get(CareFanout).sweep(), second.sweep()]);
    // Complaint and renovation are long past: all five households, each greeted once, whichever instance did it.
    expect(a.sent + b.sent).toBe(5);
    expect(
      await t.dataSource
        .getRepository(Notification)
        .count({ where: { kind: NotificationKind.CareGreeting, title: '元旦问候' } }),
    ).toBe(5);
    expect(
      (
        (await t.http().get(CareRoutes.campaign(c.id)).set(bearer(supervisor)).expect(200))
          .body as CampaignDto
      ).progress,
    ).toMatchObject({ targeted: 5, sent: 5, coverage: 1 });
    expect(await fanout()).toMatchObject({ campaigns: 0, sent: 0 });
  });
});
