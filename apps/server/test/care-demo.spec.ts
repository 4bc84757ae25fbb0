import {
  CommunityEventDto,
  EventRoutes,
  NoticeDto,
  NoticeRoutes,
  AudiencePreviewDto,
  AudienceSegment,
  CampaignDto,
  CampaignStatus,
  CareRoutes,
  DemoPersona,
  Page,
} from '@linli/contracts';
import { User } from '../src/modules/org/entities/user.entity';
import { bearer, loginPersona } from './support/login';
import { createTestApp } from './support/test-app';

/** The demo seed's care, on its own app in development mode (no test world needed). */
describe('the demo community’s care (seeded outside tests)', () => {
  it('has the past Mid-Autumn with gifts handed over and the coming festivals planned', async () => {
    const demo = await createTestApp({ env: { NODE_ENV: 'development' } });
    try {
      // Seeded and read at the real time: the seed places its notices and events around "now".
      const token = (await loginPersona(demo, DemoPersona.Supervisor)).token;
      const me = await demo.dataSource
        .getRepository(User)
        .findOneByOrFail({ openid: 'demo-supervisor' });
      const list = (
        (
          await demo
            .http()
            .get(CareRoutes.campaigns)
            .query({ communityId: me.communityId })
            .set(bearer(token))
            .expect(200)
        ).body as Page<CampaignDto>
      ).items;
      expect(list.map((c) => [c.title, c.status])).toEqual(
        expect.arrayContaining([
          ['中秋节', CampaignStatus.Sent],
          ['元旦', CampaignStatus.Draft],
          ['春节', CampaignStatus.Draft],
        ]),
      );
      const midAutumn = list.find((c) => c.title === '中秋节')!;
      expect(midAutumn.progress).toMatchObject({
        targeted: 5,
        sent: 4,
        skipped: 1,
        giftsDelivered: 4,
        coverage: 0.8,
      });
      const preview = (
        await demo
          .http()
          .post(CareRoutes.audiencePreview)
          .set(bearer(token))
          .send({
            communityId: me.communityId,
            audience: { buildingIds: [], segments: [AudienceSegment.Elderly] },
          })
          .expect(200)
      ).body as AudiencePreviewDto;
      // Care's four elderly households, and four more among the full demo's neighbours (1栋1单元202, 1栋1单元302, 2栋1单元301, 2栋2单元202).
      expect(preview.targeted).toBe(8);
      const resident = (await loginPersona(demo, DemoPersona.Resident)).token;
      const notices = (await demo.http().get(NoticeRoutes.mine).set(bearer(resident)).expect(200))
        .body.items as NoticeDto[];
      expect(notices.map((n) => [n.title, n.pinned, n.read])).toEqual([
        ['1栋楼道灭鼠消杀', true, false],
        ['第三季度公共收益公示', false, true],
      ]);
      const events = (await demo.http().get(EventRoutes.events).set(bearer(resident)).expect(200))
        .body as CommunityEventDto[];
      expect(events.map((e) => [e.title, e.confirmed, e.capacity])).toEqual([
        ['冬季老年人健康讲座', 2, 3],
      ]);
    } finally {
      await demo.close();
    }
  });
});
